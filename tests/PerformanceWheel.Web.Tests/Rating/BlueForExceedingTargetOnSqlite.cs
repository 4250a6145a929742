using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Rating;

/// <summary>
/// The trust bug: under "Blue when exceeding target by 10%" a Blue measure is on or above its target, so the wheel, the
/// Cabinet pack and the headline count it as rated and on target, and their key says what Blue means under that scheme.
/// The counts here are worked out from the measures' own ratings, not from the rollup under test.
/// </summary>
public sealed class BlueForExceedingTargetOnSqlite : IAsyncLifetime
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q2");
    private AppFactory Factory { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new AppFactory(TestDatabases.CreateSqlite());
        await using var scope = Factory.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<CouncilSettingsAdministration>()
            .SaveSchemeAsync(new SchemeDraft("2019/20", 10m, false, SegmentRatingMethod.Majority), "admin@demo.council");
        saved.Succeeded.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private async Task<PeriodEvaluation> EvaluationAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceReader>().EvaluateAsync(Quarter, FigureScope.Everything);
    }

    /// <summary>The plan's measures by status, counted from their own ratings.</summary>
    private static (int Measures, int Rated, int OnOrAbove, int Blue) Count(PeriodEvaluation evaluation)
    {
        var segments = evaluation.Groups.SelectMany(g => g.Segments).Select(s => s.Code).ToHashSet();
        var statuses = evaluation.Measures.Where(m => m.SegmentCode is { } c && segments.Contains(c)).Select(m => m.Result.Rating.Status).ToList();
        return (statuses.Count, statuses.Count(s => s.HasValue), statuses.Count(s => s is RagStatus.Green or RagStatus.Blue), statuses.Count(s => s == RagStatus.Blue));
    }

    private static int Percent(int count, int of) => (int)Math.Round(count * 100m / of, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task TheWheelCountsBlueMeasuresAsRatedAndOnOrAboveTarget()
    {
        var evaluation = await EvaluationAsync();
        var (measures, rated, onOrAbove, blue) = Count(evaluation);
        blue.ShouldBeGreaterThan(0, "the demo council has measures exceeding target by 10% in 2019/20 Q2");

        var page = await Page.OkAsync(Factory.CreateClient(), "/?period=2019/20%20Q2");
        var text = WebUtility.HtmlDecode(page.QuerySelector("main")!.TextContent);

        text.ShouldContain($"Measures in this plan: {measures}, of which {rated} rated Blue, Green, Amber or Red.");
        page.QuerySelectorAll("ul.headlines li").Select(l => l.Text()).ShouldContain($"{Percent(onOrAbove, rated)}% of measures rated as on or exceeding target");
        page.QuerySelector("svg.wheel .hub-figure")!.Text().ShouldBe($"{Percent(onOrAbove, rated)}% on target");
    }

    [Fact]
    public async Task ThePageKeySaysWhatBlueMeansUnderTheQuartersScheme()
    {
        var page = await Page.OkAsync(Factory.CreateClient(), "/?period=2019/20%20Q2");
        var key = WebUtility.HtmlDecode(page.QuerySelector("footer.site-footer")!.TextContent);

        key.ShouldContain("B exceeds target by at least 10%");
        key.ShouldNotContain("B discontinued");
        key.ShouldContain("projects: B complete or closed");

        // An earlier year keeps the default scheme, and its key says so.
        var earlier = await Page.OkAsync(Factory.CreateClient(), "/?period=2018/19%20Q2");
        WebUtility.HtmlDecode(earlier.QuerySelector("footer.site-footer")!.TextContent).ShouldContain("B discontinued");
    }

    [Fact]
    public async Task ABlueMeasuresBadgeSaysItExceedsTarget()
    {
        var evaluation = await EvaluationAsync();
        var blue = evaluation.Measures.First(m => m.Result.Rating.Status == RagStatus.Blue);

        var page = await Page.OkAsync(Factory.CreateClient(), $"/directorates/{Uri.EscapeDataString(blue.Directorate)}?period=2019/20%20Q2");
        var badge = page.QuerySelectorAll("tr").First(r => r.QuerySelector("th")?.Text().Contains(blue.Code, StringComparison.Ordinal) == true)
            .QuerySelector(".rag-blue")!;

        badge.GetAttribute("title").ShouldBe("Blue: exceeds target by at least 10%");
    }

    [Fact]
    public async Task TheCabinetPackCountsBlueMeasuresAndPrintsTheKeyOfItsScheme()
    {
        var evaluation = await EvaluationAsync();
        var (measures, rated, onOrAbove, _) = Count(evaluation);
        await using var scope = Factory.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync(Quarter.Label);
        var html = await scope.ServiceProvider.GetRequiredService<PackHtmlRenderer>().RenderAsync(model);
        var text = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "));
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

        text.ShouldContain($"{measures} measures in the plan, of which {rated} rated Blue, Green, Amber or Red.");
        text.ShouldContain($"{Percent(onOrAbove, rated)}% of measures rated as on or exceeding target");
        text.ShouldContain("Performance exceeds target by at least 10%.");
        text.ShouldNotContain("Metric discontinued.");
        text.ShouldContain("Project is closed.");
    }
}
