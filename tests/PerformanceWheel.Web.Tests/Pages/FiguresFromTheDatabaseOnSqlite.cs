using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>No figure is written into the markup: correcting an outturn in the database changes what every page shows.</summary>
public sealed class FiguresFromTheDatabaseOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task CorrectAsync(string measure, string period, decimal value)
    {
        var contexts = app.Factory.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var quarter = ReportingPeriod.Parse(period);
        var outturn = await db.Outturns.Include(o => o.Measure).SingleAsync(o => o.Measure.Code == measure && o.Period == quarter);
        outturn.Correct(value, null, provisional: false, outturn.Commentary, "Corrected figure from the provider", "test", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task CorrectingAnOutturnChangesTheFigureAndRatingOnEveryPage()
    {
        var client = app.Factory.CreateClient();
        const string Measure = "/measures/PH-HV-01?period=2019/20%20Q1";
        const string Scorecard = "/directorates/Public%20Health?period=2019/20%20Q1";

        var before = await Page.OkAsync(client, Measure);
        before.QuerySelectorAll(".trend table tbody tr")[^1].CellText("Value").ShouldBe("85.1%");
        before.QuerySelectorAll(".trend table tbody tr")[^1].Cell("Rating").Badge().ShouldBe(Page.Meaning("A"));
        (await Page.OkAsync(client, Scorecard)).Table("Public Health measures").Row("PH-HV-01").CellText("Latest").ShouldBe("85.1%");

        await CorrectAsync("PH-HV-01", "2019/20 Q1", 96.3m);

        var after = await Page.OkAsync(client, Measure);
        var last = after.QuerySelectorAll(".trend table tbody tr")[^1];
        last.CellText("Value").ShouldBe("96.3%");
        last.Cell("Rating").Badge().ShouldBe(Page.Meaning("G"));
        last.Cell("Previous period").QuerySelector(".visually-hidden")!.Text().ShouldBe("Improving against the previous period");
        after.QuerySelector(".latest > span:not(.rag)")!.Text().ShouldBe("2019/20 Q1: 96.3%");
        after.QuerySelector("svg.trend-chart desc")!.Text().ShouldContain("2019/20 Q1: 96.3% (Green)");

        var row = (await Page.OkAsync(client, Scorecard)).Table("Public Health measures").Row("PH-HV-01");
        row.CellText("Latest").ShouldBe("96.3%");
        row.Cell("Rating").Badge().ShouldBe(Page.Meaning("G"));
    }

    [Fact]
    public async Task CorrectingAnOutturnChangesTheSegmentAndTheWheel()
    {
        // CS-ASM-01 is one of P3's measures in 2017/18 Q4; P3 has no judgement that quarter, so its rating is suggested by its measures.
        var client = app.Factory.CreateClient();
        const string Segment = "/segments/P3?period=2017/18%20Q4";
        var before = await Page.OkAsync(client, Segment);
        before.Table("Measures of P3").Row("CS-ASM-01").CellText("Latest").ShouldBe("88.3%");
        before.Table("Measures of P3").Row("CS-ASM-01").Cell("Rating").Badge().ShouldBe(Page.Meaning("R"));

        await CorrectAsync("CS-ASM-01", "2017/18 Q4", 99.0m);

        var after = await Page.OkAsync(client, Segment);
        after.Table("Measures of P3").Row("CS-ASM-01").CellText("Latest").ShouldBe("99.0%");
        after.Table("Measures of P3").Row("CS-ASM-01").Cell("Rating").Badge().ShouldBe(Page.Meaning("G"));
        var exceptions = await Page.OkAsync(client, "/exceptions?period=2017/18%20Q4");
        exceptions.Table("Areas requiring improvement").Rows().Select(r => r.Header()).ShouldNotContain("CS-ASM-01");
    }
}
