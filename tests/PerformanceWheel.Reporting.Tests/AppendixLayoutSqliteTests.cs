using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Reporting.Packs;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// Issue 17, the performance report appendix, read back from the printed PDFs of the demo council's Cabinet pack and its
/// Children &amp; Families Scrutiny pack (2019/20 Q2): the committee's segments highlighted in words, its measures'
/// headlines labelled so, the key beside the summary, year-end forecasts, project tables with whole words and seed 002's
/// areas of success / concern / focus, and each measure's table and chart on one page.
/// </summary>
[Collection(DemoCouncilCollection.Name)]
public sealed partial class AppendixLayoutSqliteTests(DemoCouncilFixture demo)
{
    private const string Committee = "Scrutiny for Policies, Children & Families";

    private Task<byte[]> CabinetAsync() => demo.PdfAsync("cabinet", b => b.CabinetAsync("2019/20 Q2"));

    private Task<byte[]> ScrutinyAsync() => demo.PdfAsync("scrutiny-cf", b => b.ScrutinyAsync("C&F", "2019/20 Q2"));

    private async Task<PackModel> ModelAsync(Func<PackBuilder, Task<PackModel>> make)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        return await make(scope.ServiceProvider.GetRequiredService<PackBuilder>());
    }

    [Fact]
    public async Task ScrutinyPackSaysInWordsWhichSegmentsItsWheelHighlights()
    {
        var model = await ModelAsync(b => b.ScrutinyAsync("C&F", "2019/20 Q2"));
        var highlighted = model.Evaluation!.Groups.SelectMany(g => g.Segments).Select(s => s.Code).Where(model.SegmentFilter!.Contains).ToList();
        highlighted.ShouldNotBeEmpty();

        var summary = Tools.Squash(await SummaryPageTextAsync(await ScrutinyAsync()));

        summary.ShouldContain("Summary");
        summary.ShouldContain($"Highlighted: the {highlighted.Count} segments for {Committee} ({string.Join(", ", highlighted)})");
        summary.ShouldContain("the other segments are drawn pale");
    }

    [Fact]
    public async Task ScrutinyPackHeadlinesAreItsCommitteesMeasuresLabelledSo()
    {
        var model = await ModelAsync(b => b.ScrutinyAsync("C&F", "2019/20 Q2"));
        var committeeTotals = Rollup.Of(model.Measures.Select(m => (m.Result.Rating, m.Result.DirectionFromPrevious)), model.Scheme);
        model.Headlines.ShouldBe(Headlines.For(committeeTotals));
        model.Headlines.ShouldNotBe(model.Evaluation!.Headlines);

        var summary = Tools.Squash(await SummaryPageTextAsync(await ScrutinyAsync()));

        summary.ShouldContain($"Measures for the {Committee} Committee ({committeeTotals.Measures} measures)");
        foreach (var headline in model.Headlines)
        {
            summary.ShouldContain(headline);
        }

        summary.ShouldContain($"{committeeTotals.OnOrAboveTargetPercent}% on target");
    }

    [Fact]
    public async Task CabinetHeadlinesStayThePlansLabelledSo()
    {
        var summary = Tools.Squash(await SummaryPageTextAsync(await CabinetAsync()));

        summary.ShouldContain("The plan's measures (58 measures)");
        summary.ShouldNotContain("Highlighted:");
    }

    [Theory]
    [InlineData("cabinet")]
    [InlineData("scrutiny")]
    public async Task KeyToRatingsSitsBesideTheSummaryOnItsFirstPage(string pack)
    {
        var pdf = pack == "cabinet" ? await CabinetAsync() : await ScrutinyAsync();

        var summary = Tools.Squash(await SummaryPageTextAsync(pdf));

        summary.ShouldStartWith("Summary");
        summary.ShouldContain("Key to ratings");
        foreach (var sentence in new[]
        {
            "Performance is on or exceeding target. Project is on target.",
            "Performance is off target but within tolerance. Project requires attention.",
            "Performance is off target and outside tolerance. Project is off target.",
            "Performance is improving. Project has achieved a milestone.",
            "Performance is steady. Project is progressing.",
            "Performance is declining. Project has missed or is at risk of missing milestones.",
        })
        {
            summary.ShouldContain(sentence);
        }
    }

    [Fact]
    public async Task MeasuresCarryTheirYearEndForecastLabelledWithItsMethod()
    {
        var model = await ModelAsync(b => b.CabinetAsync("2019/20 Q2"));
        var made = model.Forecasts.Values.Where(f => f.IsMade).ToList();
        made.ShouldNotBeEmpty();

        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));

        text.ShouldContain("Year-end forecast (2019/20):");
        text.ShouldContain("A projection from the figures so far, not a reported figure.");
        foreach (var method in made.Select(f => f.ByMethodText).Distinct())
        {
            text.ShouldContain(method);
        }

        // O1.1-01 (rent collected, quarterly): its forecast as the measure page gives it.
        await using var scope = demo.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<PerformanceWheel.Application.Performance.ForecastReader>();
        var expected = await reader.MeasureAsync("O1.1-01", PerformanceWheel.Domain.Periods.ReportingPeriod.Parse("2019/20 Q2"), PerformanceWheel.Application.Performance.FigureScope.Published);
        model.Forecasts["O1.1-01"].ShouldBe(expected);
        var line = model.Measures.Single(m => m.Code == "O1.1-01");
        text.ShouldMatch($@"Year-end forecast \(2019/20\): {Regex.Escape(line.FormatValue(expected!.Value!.Value))} {expected.Rating.Status} ?, against a target of");
    }

    [Fact]
    public async Task ProjectTablesKeepWholeWordsAndSeed002sThreeParts()
    {
        var pages = await Tools.PagesAsync(await CabinetAsync());
        var headers = pages.SelectMany(p => p.Split('\n')).Where(l => Regex.IsMatch(l, @"^\s*Project\s+Status\s")).ToList();
        headers.ShouldNotBeEmpty();
        headers.ShouldAllBe(l => Regex.IsMatch(l, @"^\s*Project\s+Status\s+Progress\s+Update\s*$"));

        // In reading order (a wrapped cell's lines stay together): the words as printed.
        var text = Tools.Squash(await RawTextAsync(await CabinetAsync()));
        text.ShouldContain("Areas of success:");
        text.ShouldContain("Areas of concern:");
        text.ShouldContain("Focus for next quarter:");
        text.ShouldContain("Milestone achieved");
        text.ShouldNotContain("Milest one");
        text.ShouldNotContain("Prog ress");
    }

    [Fact]
    public async Task EachMeasuresTableAndChartArePrintedOnOnePage()
    {
        var model = await ModelAsync(b => b.CabinetAsync("2019/20 Q2"));
        var pages = await Tools.PagesAsync(await CabinetAsync());
        var measures = model.Segments.SelectMany(s => s.Measures).ToList();
        measures.Count.ShouldBeGreaterThan(20);

        foreach (var md in measures)
        {
            var caption = $"{md.Measure.Code}: the last {md.Trend.Count} periods";
            pages.Count(p => p.Contains(caption, StringComparison.Ordinal)).ShouldBe(1, $"{caption} is printed once");
        }

        // A trend's first period is a row of its table and a label of its chart's axis: on the page of a table's caption,
        // each table's first period appears twice (its row and its chart), however many measures share the page.
        foreach (var page in pages)
        {
            var onPage = measures.Where(md => page.Contains($"{md.Measure.Code}: the last {md.Trend.Count} periods", StringComparison.Ordinal)).ToList();
            foreach (var group in onPage.GroupBy(md => md.Trend[0].Result.Period.Label))
            {
                Regex.Count(page, Regex.Escape(group.Key)).ShouldBeGreaterThanOrEqualTo(
                    2 * group.Count(), $"{string.Join(", ", group.Select(md => md.Measure.Code))}: each table's first period ({group.Key}) in its rows and its chart on one page");
            }
        }
    }

    [Fact]
    public async Task TrendChartAxesAreAtRoundValues()
    {
        var model = await ModelAsync(b => b.CabinetAsync("2019/20 Q2"));
        var md = model.Segments.SelectMany(s => s.Measures).Single(m => m.Measure.Code == "O1.1-02");
        var pages = await Tools.PagesAsync(await CabinetAsync());
        var page = pages.Single(p => p.Contains("O1.1-02: the last 8 periods", StringComparison.Ordinal));
        var values = md.Trend.Select(t => t.Result).SelectMany(r => new[] { r.Value, r.Target?.Value }).OfType<decimal>().Select(v => (double)v);
        var scale = Domain.Charts.AxisScale.For(values);

        scale.Step.ShouldBeOneOf(100, 200, 250, 500);
        foreach (var tick in scale.Ticks)
        {
            page.ShouldContain(md.Measure.Unit.Format(Domain.Common.StoredNumber.FromDouble(tick), scale.Decimals));
        }
    }

    private static async Task<string> RawTextAsync(byte[] pdf)
    {
        var file = await Tools.TempAsync(pdf, ".pdf");
        return await Tools.RunAsync("pdftotext", $"\"{file}\" -");
    }

    /// <summary>
    /// The text of the performance report's summary page: the first page after its contents page that starts with
    /// "Summary" (a Cabinet pack may have a covering report in front, with a summary of its own).
    /// </summary>
    private static async Task<string> SummaryPageTextAsync(byte[] pdf)
    {
        var pages = (await RawTextAsync(pdf)).Split('\f');
        var contents = Array.FindIndex(pages, p => Tools.Squash(p).Trim().StartsWith("Contents", StringComparison.Ordinal));
        contents.ShouldBeGreaterThanOrEqualTo(0, "the pack has a contents page");
        var summary = Array.FindIndex(pages, contents + 1, p => Tools.Squash(p).Trim().StartsWith("Summary", StringComparison.Ordinal));
        summary.ShouldBeGreaterThan(contents, "the performance report has a summary page after its contents");
        return pages[summary].Trim();
    }
}
