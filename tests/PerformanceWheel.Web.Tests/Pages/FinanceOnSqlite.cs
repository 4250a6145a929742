using System.Net;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>Seed 004's budget monitoring (Appendix A) and seed 002's revenue budget history.</summary>
public sealed class FinanceOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Columns = ["Approved budget £m", "Forecast outturn £m", "Forecast variance £m", "Variance %", "Position"];

    // Seed 004, Appendix A, 2016/17 Q4; the variance is worked out (docs/demo-data.md, Finance).
    [Theory]
    [InlineData("Adult Services", "317.674", "322.015", "+4.341", "1%", "Overspend")]
    [InlineData("Children's Services", "119.421", "132.428", "+13.007", "11%", "Overspend")]
    [InlineData("Community Services", "134.239", "136.389", "+2.150", "2%", "Overspend")]
    [InlineData("Public Health & Wellbeing", "28.860", "24.661", "-4.199", "-15%", "Underspend")]
    [InlineData("Development and Corporate Services", "35.574", "34.690", "-0.884", "-2%", "Underspend")]
    [InlineData("Commissioning", "46.649", "42.470", "-4.179", "-9%", "Underspend")]
    [InlineData("Chief Executive", "30.603", "0.826", "-29.777", "-97%", "Underspend")]
    [InlineData("Total", "713.020", "693.479", "-19.541", "-3%", "Underspend")]
    public async Task ReproducesSeedFoursBudgetTable(string area, string budget, string forecast, string variance, string percent, string position)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/finance");
        var row = page.Table("Net expenditure against budget by service area, 2016/17 Q4").Row(area);

        Columns.Select(row.CellText).ShouldBe([budget, forecast, variance, percent, position]);
    }

    [Fact]
    public async Task ListsTheSevenServiceAreasAndATotal()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/finance?period=2016/17%20Q4");

        page.QuerySelector("h1")!.Text().ShouldBe("Finance, 2016/17 Q4");
        page.Table("Net expenditure against budget by service area").Rows().Select(r => r.Header()).ShouldBe(
        [
            "Adult Services", "Chief Executive", "Children's Services", "Commissioning", "Community Services",
            "Development and Corporate Services", "Public Health & Wellbeing", "Total",
        ]);
    }

    // Issue 11: 2019/20 Q2's finance showed 2016/17 Q4's budget.
    [Fact]
    public async Task AQuarterWithoutBudgetMonitoringSaysSoInsteadOfShowingAnOlderBudget()
    {
        var client = app.Factory.CreateClient();
        var wheel = await Page.OkAsync(client, "/?period=2019/20%20Q2");
        var link = wheel.QuerySelectorAll("nav[aria-label=Main] a").Single(a => a.Text() == "Finance").GetAttribute("href");
        link.ShouldBe("/finance?period=2019%2F20%20Q2");

        var page = await Page.OkAsync(client, link!);

        page.QuerySelector("h1")!.Text().ShouldBe("Finance, 2019/20 Q2");
        page.QuerySelector("main")!.Text().ShouldContain("No budget monitoring by service area has been recorded for 2019/20 Q2.");
        page.QuerySelector("main")!.Text().ShouldContain("Overall position for 2019/20 Q2: Balanced");
        page.QuerySelectorAll("caption").Select(c => c.Text()).ShouldNotContain(c => c.Contains("2016/17 Q4", StringComparison.Ordinal));
    }

    // Seed 002's revenue budget history: projected over/underspend by quarter, RAG as printed.
    [Theory]
    [InlineData("2017/18 Q4", "+2.180", "Overspend", "R")]
    [InlineData("2018/19 Q2", "+3.158", "Overspend", "R")]
    [InlineData("2018/19 Q3", "-1.067", "Underspend", "G")]
    [InlineData("2018/19 Q4", "-5.909", "Underspend", "G")]
    [InlineData("2019/20 Q1", "0.000", "Balanced", "G")]
    [InlineData("2019/20 Q2", "0.000", "Balanced", "G")]
    public async Task ReproducesSeedTwosRevenueBudgetPositions(string period, string variance, string position, string letter)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/finance");
        var row = page.Table("Projected over- or underspend by period").Row(period);

        row.CellText("Variance £m").ShouldBe(variance);
        row.CellText("Position").ShouldBe(position);
        row.Cell("Rating").Badge().ShouldBe(Page.Meaning(letter));
    }

    // One quarter resolver: a month, a quarter or a year means on the finance pages what it means on the wheel and the staff pages.
    [Theory]
    [InlineData("Sep-19", "2019/20 Q2")]
    [InlineData("2019/20 Q2", "2019/20 Q2")]
    public async Task APeriodMeansTheSameQuarterOnTheFinancePagesAsOnTheOthers(string period, string quarter)
    {
        var officer = await Security.SignedInClient.AsAsync(app.Factory, PerformanceWheel.Data.Identity.Roles.PerformanceOfficer);
        var asked = Uri.EscapeDataString(period);

        var wheel = await Page.OkAsync(officer, $"/?period={asked}");
        var finance = await Page.OkAsync(officer, $"/finance?period={asked}");
        var entry = await Page.OkAsync(officer, $"/finance/entry?period={asked}");
        var assessments = await Page.OkAsync(officer, $"/assessments?period={asked}");

        wheel.QuerySelector("main")!.Text().ShouldContain(quarter);
        finance.QuerySelector("h1")!.Text().ShouldBe($"Finance, {quarter}");
        entry.QuerySelector("h1")!.Text().ShouldBe($"Enter finance, {quarter}");
        assessments.QuerySelector("h1")!.Text().ShouldContain(quarter);
    }

    [Theory]
    [InlineData("/finance?period=2019/20", "'2019/20' is not a quarter; use a label such as 2019/20 Q2.")]
    [InlineData("/finance/entry?period=2019/20", "'2019/20' is not a quarter; use a label such as 2019/20 Q2.")]
    public async Task AYearIsNotAQuarterOnTheFinancePagesAsOnTheStaffPages(string url, string message)
    {
        var officer = await Security.SignedInClient.AsAsync(app.Factory, PerformanceWheel.Data.Identity.Roles.PerformanceOfficer);

        var (response, page) = await Html.GetAsync(officer, url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main")!.Text().ShouldContain(message);
    }

    [Theory]
    [InlineData("/finance?period=1999/00%20Q1", "There is no budget monitoring for 1999/00 Q1.")]
    [InlineData("/finance?period=nonsense", "'nonsense' is not a period.")]
    public async Task APeriodWithNeitherBudgetMonitoringNorFiguresIsNotFound(string url, string message)
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main")!.Text().ShouldContain(message);
        page.QuerySelector("main a[href='/']").ShouldNotBeNull();
    }
}
