using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PerformanceWheel.Domain.Forecasting;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Reporting.Packs.Components;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>The pack's HTML before Chromium prints it: the print rules that keep rows, headers and charts together, and the forecast cell.</summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class PackComponentsHtmlTests(DemoCouncilFixture demo)
{
    [Theory]
    [InlineData("thead { display: table-header-group; }")]
    [InlineData("tr { break-inside: avoid; }")]
    [InlineData(".measure-main { break-inside: avoid; }")]
    [InlineData(".projects { table-layout: fixed; }")]
    [InlineData("overflow-wrap: break-word;")]
    [InlineData(".code { white-space: nowrap; }")]
    public void StylesheetKeepsRowsHeadersAndChartsTogether(string rule) =>
        PackHtmlRenderer.Stylesheet.ShouldContain(rule);

    [Fact]
    public void NoCellBreaksAWordAnywhere() =>
        PackHtmlRenderer.Stylesheet.ShouldNotContain("overflow-wrap: anywhere");

    [Fact]
    public async Task EveryTrendTableAndChartSitInsideTheMeasuresUnbreakableBlock()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync("2019/20 Q2");
        var html = await scope.ServiceProvider.GetRequiredService<PackHtmlRenderer>().RenderAsync(model);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var tables = document.QuerySelectorAll("table.trend-table");
        tables.Length.ShouldBeGreaterThan(20);
        foreach (var table in tables)
        {
            var block = table.Closest(".measure-main").ShouldNotBeNull();
            block.QuerySelector("svg.trend").ShouldNotBeNull();
            table.QuerySelector("thead").ShouldNotBeNull();
        }

        document.QuerySelectorAll("table.projects thead th").Select(th => th.TextContent).Distinct().ShouldBe(["Project", "Status", "Progress", "Update"]);
        document.QuerySelectorAll("table.projects tbody th, .segment-measures tbody th").ShouldAllBe(th => th.QuerySelector("span.code") != null, "a code in a pack table never breaks at its hyphen");
    }

    [Fact]
    public async Task AnAnnualMeasurePrintsNoForecastAndTooFewFiguresSaysWhy()
    {
        var year = FinancialYear.Parse("2019/20");
        var format = new FigureFormat(MeasureUnit.Percent, 1);

        var annual = await RenderAsync(new YearEndForecast { Year = year, Reason = NoForecastReason.AnnualMeasure, Rating = RagRating.NotRated(NotRatedReason.NoValue) }, format, asCell: false);
        var tooFew = await RenderAsync(new YearEndForecast { Year = year, Reason = NoForecastReason.TooFewFigures, Rating = RagRating.NotRated(NotRatedReason.NoValue) }, format, asCell: false);
        var made = await RenderAsync(
            new YearEndForecast { Year = year, Method = ForecastMethod.Trend, Points = 4, Window = 4, PointKind = PeriodKind.Quarter, Value = 91.25m, Target = Target.Single(90m), Rating = RagRating.Of(RagStatus.Green) },
            format, asCell: true);

        annual.Trim().ShouldBeEmpty();
        tooFew.ShouldContain($"Year-end forecast (2019/20):");
        tooFew.ShouldContain($"none (fewer than {YearEndForecaster.MinimumPoints} figures).");
        made.ShouldContain("91.3%");
        made.ShouldContain("Green");
        made.ShouldContain("by trend of last 4 quarters");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheCompactKeyBesideTheSummaryHasEveryRowOfTheFullKey(bool blueMeansExceeding)
    {
        var scheme = RagScheme.Create(blueMeansExceeding ? 10m : null, redOnlyWhenWorseThanLastYear: false, SegmentRatingMethod.Majority);

        var compact = await KeyRowsAsync(scheme, compact: true);
        var full = await KeyRowsAsync(scheme, compact: false);

        compact.ShouldBe(full);
        compact.Contains("Discontinued").ShouldBe(blueMeansExceeding);
    }

    // The first cell of each row of the key (rating letter or word, or arrow), in order.
    private static async Task<string[]> KeyRowsAsync(RagScheme scheme, bool compact)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<KpiKey>(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(KpiKey.Scheme)] = scheme,
            [nameof(KpiKey.Compact)] = compact,
        }))).ToHtmlString());
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return [.. document.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td, th")!.TextContent.Trim())];
    }

    private static async Task<string> RenderAsync(YearEndForecast forecast, FigureFormat format, bool asCell)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<PackForecast>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PackForecast.Forecast)] = forecast,
                [nameof(PackForecast.Format)] = format,
                [nameof(PackForecast.AsCell)] = asCell,
            }));
            return System.Net.WebUtility.HtmlDecode(output.ToHtmlString());
        });
    }
}
