using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Reporting.Pdf;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>The Cabinet pack for the demo council, 2019/20 Q2, read back with poppler.</summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class CabinetPackSqliteTests(DemoCouncilFixture demo)
{
    private Task<byte[]> CabinetAsync() => demo.PdfAsync("cabinet", b => b.CabinetAsync("2019/20 Q2"));

    [Fact]
    public async Task IsATaggedA4PdfWithTitleAndLanguage()
    {
        var info = await Tools.PdfInfoAsync(await CabinetAsync());
        info["Tagged"].ShouldBe("yes");
        info["Page size"].ShouldContain("(A4)");
        info["Title"].ShouldBe("Cabinet performance report, 2019/20 Q2 – Demo County Council");
        Tools.PageCount(info).ShouldBeGreaterThan(8);
        var raw = System.Text.Encoding.Latin1.GetString(await CabinetAsync());
        raw.ShouldContain("/Lang (en-GB)");
    }

    [Fact]
    public async Task HasTheCoverAndEverySectionHeading()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));
        foreach (var heading in new[]
        {
            "Demo County Council", "Cabinet performance report", "2019/20 Q2", "Contents", "Summary", "Headlines", "Measures by directorate",
            "Quarter comparison", "Exceptions", "O3.2", "Finance summary", "Key to ratings",
            "Performance is off target but within tolerance.", "Published figures for 2019/20 Q2.",
        })
        {
            text.ShouldContain(heading);
        }
    }

    [Fact]
    public async Task FinanceIsTheChosenQuartersOrAPlainStatementThatThereIsNone()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));

        text.ShouldContain("No budget monitoring by service area has been recorded for 2019/20 Q2.");
        text.ShouldNotContain("Budget monitoring by service area, 2016/17 Q4");
    }

    [Fact]
    public async Task AQuarterWithBudgetMonitoringPrintsItsOwnBudget()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync("2016/17 Q4");

        model.Finance.ShouldNotBeNull().Period.ShouldBe(PerformanceWheel.Domain.Periods.ReportingPeriod.Parse("2016/17 Q4"));
        model.Finance.Lines.Count.ShouldBe(7);
    }

    // Issue 11: the 2017/18 Q2 pack printed 53% / 45% over every measure of the council while the wheel said 49% / 59%.
    [Fact]
    public async Task HeadlinesAndCountsAreThePlansAsOnTheWheel()
    {
        var pdf = await demo.PdfAsync("cabinet-2017/18 Q2", b => b.CabinetAsync("2017/18 Q2"));
        var text = Tools.Squash(await Tools.PdfTextAsync(pdf));
        await using var scope = demo.Services.CreateAsyncScope();
        var wheel = await scope.ServiceProvider.GetRequiredService<PerformanceWheel.Application.Performance.PerformanceReader>()
            .EvaluateAsync(PerformanceWheel.Domain.Periods.ReportingPeriod.Parse("2017/18 Q2"), PerformanceWheel.Application.Performance.FigureScope.Everything);

        wheel.Headlines.ShouldContain("49% of measures rated as on or exceeding target");
        wheel.Headlines.ShouldContain("59% of measures rated as improving");

        // The headline list sits beside the wheel, so pdftotext interleaves the two: compare the headlines the pack prints
        // from (the web test OneAnswerOnEveryChannelOnSqlite reads them from the printed HTML for every quarter).
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync("2017/18 Q2");
        model.Headlines.ShouldBe(wheel.Headlines);
        text.ShouldContain($"{wheel.MeasureTotals.GreenPercent}% on target");

        text.ShouldContain($"{wheel.MeasureTotals.Measures} measures in the plan, of which {wheel.MeasureTotals.WithRag} rated Green, Amber or Red");
        text.ShouldContain($"All measures of the council: {wheel.Measures.Count}.");
        text.ShouldNotContain("measures in this report");
    }

    [Fact]
    public async Task TheKeySaysWhichRatingSchemeTheQuarterIsRatedUnder()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));
        text.ShouldContain("Rated under the council's rating scheme: Blue for discontinued measures; Red when beyond tolerance; segments rated by majority.");
    }

    [Fact]
    public async Task PrintsTheFiguresOfAMeasureWithItsTrendAndCommentary()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));
        text.ShouldContain("PH-HV-01 Health visitor new birth visits within 14 days");
        text.ShouldContain("PH-HV-01: the last 8 periods");
        text.ShouldContain("Commentary (");
    }

    [Fact]
    public async Task EveryPageHasAPageXOfYFooter()
    {
        var pdf = await CabinetAsync();
        var pages = await Tools.PagesAsync(pdf);
        var total = Tools.PageCount(await Tools.PdfInfoAsync(pdf));
        for (var i = 1; i <= total; i++)
        {
            Tools.Squash(pages[i - 1]).ShouldContain($"Page {i} of {total}");
        }
    }

    [Fact]
    public async Task ContentsPageNumbersPointAtTheSections()
    {
        var pdf = await CabinetAsync();
        var pages = await Tools.PagesAsync(pdf);
        // The covering report comes first (issue 17): the contents page is the appendix's.
        var contents = pages.First(p => p.TrimStart().StartsWith("Contents", StringComparison.Ordinal)).Split('\n');
        foreach (var heading in new[] { "Summary", "Quarter comparison", "Exceptions", "Finance summary", "Key to ratings" })
        {
            var line = contents.First(l => l.TrimStart().StartsWith(heading, StringComparison.Ordinal));
            var page = int.Parse(line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture);
            page.ShouldBeGreaterThan(2);
            pages[page - 1].TrimStart().ShouldStartWith(heading);
        }
    }

    [Fact]
    public async Task HeadingsBecomeBookmarks()
    {
        var bookmarks = PdfOutline.Read(await CabinetAsync()).Select(b => b.Title).ToList();
        bookmarks.ShouldContain("Summary");
        bookmarks.ShouldContain("Key to ratings");
        bookmarks.ShouldContain(t => t.StartsWith("PH-HV-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishedPeriodHasNoDraftWatermark()
    {
        var text = await Tools.PdfTextAsync(await CabinetAsync());
        text.ShouldNotContain("DRAFT", Case.Sensitive);
        text.ShouldNotContain("Draft:", Case.Sensitive);
    }

    [Fact]
    public async Task TheFileNameSaysWhatItIs()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync("2019/20 Q2");
        model.FileName.ShouldBe("Cabinet-2019-20-Q2.pdf");
    }

    [Fact]
    public async Task AnUnknownPeriodIsNotFound()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var ex = await Should.ThrowAsync<PackNotFoundException>(() => scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync("2030/31 Q1"));
        ex.Message.ShouldContain("2030/31 Q1");
    }
}
