using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Forecasts;

/// <summary>
/// The year-end forecast on the measure page, the scorecard and the API, made from the figures the reader may see.
/// Seed 002's health visiting (PH-HV-01, quarterly, target 90%, tolerance 10%) has published figures to 2019/20 Q1:
/// 93.0, 94.0, 89.5, 85.1 over its last four quarters, a line falling 2.82 points a quarter that reaches 77.7% at Q4
/// (Red). A draft of 99.0 for Q2, seen by officers only, turns the officer's trend up: 95.6% (Green); councillors still
/// get the published figures' trend, 3 of the last 4 quarters: 71.7% (Red).
/// </summary>
public sealed class YearEndForecastOnSqlite(ForecastCouncil council) : IClassFixture<ForecastCouncil>
{
    private const string MeasureQ1 = "/measures/PH-HV-01?period=2019/20%20Q1";
    private const string MeasureQ2 = "/measures/PH-HV-01?period=2019/20%20Q2";

    [Fact]
    public async Task TheMeasurePageStatesTheForecastItsRatingAndMethodAsAForecast()
    {
        var page = await Page.OkAsync(council.Anonymous, MeasureQ1);
        var line = page.QuerySelector("p.forecast")!;

        line.Text().ShouldStartWith("Year-end forecast (2019/20): 77.7% (R Red: off target and outside tolerance), against a target of 90.0%, by trend of last 4 quarters.");
        line.Text().ShouldContain("A projection from the figures so far, not a reported figure.");
        line.QuerySelector(".rag")!.ClassList.ShouldContain("rag-red");
    }

    [Fact]
    public async Task TheScorecardHasAForecastColumnWithALetteredChipAndTheMethod()
    {
        var page = await Page.OkAsync(council.Anonymous, "/directorates/Public%20Health?period=2019/20%20Q1");
        var cell = page.Table("Public Health measures, 2019/20 Q1").Row("PH-HV-01").Cell("Year-end forecast (2019/20)");

        cell.QuerySelector(".forecast-value")!.Text().ShouldBe("77.7%");
        cell.Letter().ShouldBe("R");
        cell.Badge().ShouldBe(Page.Meaning("R"));
        cell.QuerySelector(".forecast-rating")!.Text().ShouldBe("Red");
        cell.QuerySelector(".forecast-method")!.Text().ShouldBe("by trend of last 4 quarters");
    }

    [Theory]
    [InlineData(MarkedCouncil.Anonymous, "71.7%", "R", "trend of 3 of the last 4 quarters")]
    [InlineData(Roles.Councillor, "71.7%", "R", "trend of 3 of the last 4 quarters")]
    [InlineData(Roles.PerformanceOfficer, "95.6%", "G", "trend of last 4 quarters")]
    public async Task PagesForecastFromTheFiguresTheReaderMaySee(string reader, string value, string letter, string method)
    {
        var client = council.Readers[reader];

        var measure = await Page.OkAsync(client, MeasureQ2);
        var scorecard = await Page.OkAsync(client, "/directorates/Public%20Health?period=2019/20%20Q2");

        measure.QuerySelector("p.forecast")!.Text().ShouldStartWith($"Year-end forecast (2019/20): {value} ({letter} ");
        measure.QuerySelector("p.forecast .forecast-method")!.Text().ShouldBe(method);
        var cell = scorecard.Table("Public Health measures, 2019/20 Q2").Row("PH-HV-01").Cell("Year-end forecast (2019/20)");
        cell.QuerySelector(".forecast-value")!.Text().ShouldBe(value);
        cell.Letter().ShouldBe(letter);
    }

    [Fact]
    public async Task AScorecardCellSaysWhyThereIsNoForecast()
    {
        var page = await Page.OkAsync(council.Anonymous, "/directorates/Public%20Health?period=2018/19%20Q4");
        var cell = page.Table("Public Health measures, 2018/19 Q4").Row("PH-HV-01").Cell("Year-end forecast (2018/19)");

        cell.Text().ShouldBe("No forecast: the year has ended");
        cell.QuerySelector(".rag").ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Councillor, "2019/20 Q1", "77.7", "Red", "trend of last 4 quarters", 4)]
    [InlineData(Roles.PerformanceOfficer, "2019/20 Q2", "95.6", "Green", "trend of last 4 quarters", 4)]
    public async Task TheMeasureEndpointGivesTheForecastAsOfTheLatestFigureTheKeyMaySee(string role, string asOf, string value, string rag, string method, int figures)
    {
        var measure = await ApiClient.JsonAsync(await council.Keys[role].GetAsync(ApiClient.Url("/api/v1/measures/PH-HV-01")));
        var forecast = measure.GetProperty("yearEndForecast");

        forecast.GetProperty("isForecast").GetBoolean().ShouldBeTrue();
        forecast.GetProperty("year").GetString().ShouldBe("2019/20");
        forecast.GetProperty("asOf").GetString().ShouldBe(asOf);
        forecast.GetProperty("method").GetString().ShouldBe("Trend");
        forecast.GetProperty("methodText").GetString().ShouldBe(method);
        forecast.GetProperty("figures").GetInt32().ShouldBe(figures);
        forecast.GetProperty("forecastValue").GetRawText().ShouldBe(value);
        forecast.GetProperty("forecastTarget").GetDecimal().ShouldBe(90m);
        forecast.GetProperty("forecastRag").GetString().ShouldBe(rag);
        forecast.GetProperty("noForecastReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(Roles.Councillor, "71.7", "Red")]
    [InlineData(Roles.PerformanceOfficer, "95.6", "Green")]
    public async Task TheScorecardEndpointGivesEachMeasuresForecastFromTheKeysFigures(string role, string value, string rag)
    {
        var scorecard = await ApiClient.JsonAsync(await council.Keys[role].GetAsync(ApiClient.Url("/api/v1/scorecard?period=2019/20%20Q2&directorate=Public%20Health")));
        var measures = scorecard.GetProperty("measures").EnumerateArray().ToList();
        var visits = measures.Single(m => m.GetProperty("code").GetString() == "PH-HV-01").GetProperty("yearEndForecast");

        visits.GetProperty("isForecast").GetBoolean().ShouldBeTrue();
        visits.GetProperty("forecastValue").GetRawText().ShouldBe(value);
        visits.GetProperty("forecastRag").GetString().ShouldBe(rag);
        measures.ShouldAllBe(m => m.GetProperty("yearEndForecast").ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task TheScorecardEndpointSaysWhyThereIsNoForecast()
    {
        var scorecard = await ApiClient.JsonAsync(await council.Keys[Roles.Councillor].GetAsync(ApiClient.Url("/api/v1/scorecard?period=2018/19%20Q4&directorate=Public%20Health")));
        var visits = scorecard.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "PH-HV-01").GetProperty("yearEndForecast");

        visits.GetProperty("forecastValue").ValueKind.ShouldBe(JsonValueKind.Null);
        visits.GetProperty("forecastRag").ValueKind.ShouldBe(JsonValueKind.Null);
        visits.GetProperty("noForecastReason").GetString().ShouldBe("YearEnded");
        visits.GetProperty("noForecastText").GetString().ShouldBe("No forecast: the year has ended");
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheForecast()
    {
        var document = await ApiClient.JsonAsync(await ApiClient.With(council.App.Factory, null).GetAsync(ApiClient.Url("/openapi/v1.json")));
        var schemas = document.GetProperty("components").GetProperty("schemas");

        schemas.GetProperty("ApiYearEndForecast").GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(
            ["isForecast", "year", "asOf", "method", "methodText", "figures", "forecastValue", "forecastTarget", "forecastTargetLow", "forecastTargetHigh",
             "forecastRag", "forecastNotRatedReason", "noForecastReason", "noForecastText"]);
        schemas.GetProperty("ApiMeasureDetail").GetProperty("properties").TryGetProperty("yearEndForecast", out _).ShouldBeTrue();
        schemas.GetProperty("ApiScorecardMeasure").GetProperty("properties").TryGetProperty("yearEndForecast", out _).ShouldBeTrue();
        document.GetRawText().ShouldContain("\"RunRate\"");
        document.GetRawText().ShouldContain("\"TooFewFigures\"");
    }
}

/// <summary>The demo council with one draft: PH-HV-01 2019/20 Q2 = 99.0, entered by an officer and not submitted.</summary>
public sealed class ForecastCouncil : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _readers = [];
    private readonly Dictionary<string, HttpClient> _keys = [];

    public SqliteApp App { get; } = new();

    public HttpClient Anonymous => _readers[MarkedCouncil.Anonymous];

    public IReadOnlyDictionary<string, HttpClient> Readers => _readers;

    public IReadOnlyDictionary<string, HttpClient> Keys => _keys;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
            var outcome = await workflow.SaveAsync("Public Health", [new EntryInput("PH-HV-01", "2019/20 Q2", "99.0", null, false, null, null)], "officer@demo.council");
            outcome.ShouldHaveSingleItem().Saved.ShouldBeTrue(outcome[0].Message);
        }

        _readers[MarkedCouncil.Anonymous] = SignedInClient.Anonymous(App.Factory);
        foreach (var role in new[] { Roles.Councillor, Roles.PerformanceOfficer })
        {
            _readers[role] = await SignedInClient.AsAsync(App.Factory, role);
            _keys[role] = ApiClient.With(App.Factory, await ApiClient.CreateKeyAsync(App.Factory, role));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _readers.Values.Concat(_keys.Values))
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
