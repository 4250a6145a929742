using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>The reading endpoints on the demo council: the same figures, ratings and counts as the pages.</summary>
public sealed class ApiReadingOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>, IAsyncLifetime
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2019/20 Q2");
    private string _councillor = null!;
    private string _officer = null!;

    public async Task InitializeAsync()
    {
        _councillor = await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor);
        _officer = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MeasuresListsEveryMeasureInCamelCaseWithEnumsByName()
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("\"polarity\":\"HigherIsBetter\"");
        text.ShouldContain("\"frequency\":\"Monthly\"");
        var measures = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        measures.Count.ShouldBe(await CountAsync(db => db.Measures.CountAsync()));
        var visits = measures.Single(m => m.GetProperty("code").GetString() == "PH-HV-01");
        visits.GetProperty("title").GetString().ShouldBe("Health visitor new birth visits within 14 days");
        visits.GetProperty("directorate").GetString().ShouldBe("Public Health");
        visits.GetProperty("segment").GetString().ShouldBe("O3.2");
        visits.GetProperty("unit").GetString().ShouldBe("%");
        visits.GetProperty("frequency").GetString().ShouldBe("Quarterly");
        measures.Select(m => m.GetProperty("code").GetString()).ShouldBe(measures.Select(m => m.GetProperty("code").GetString()).Order(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("?directorate=public%20health", "directorate", "Public Health")]
    [InlineData("?segment=O3.2", "segment", "O3.2")]
    [InlineData("?directorate=Public%20Health&segment=o3.2", "segment", "O3.2")]
    public async Task MeasuresFilterByDirectorateAndSegment(string query, string field, string expected)
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures" + query));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var measures = (await ApiClient.JsonAsync(response)).EnumerateArray().ToList();
        measures.ShouldNotBeEmpty();
        measures.ShouldAllBe(m => m.GetProperty(field).GetString() == expected);
    }

    [Theory]
    [InlineData("?directorate=Parks", "There is no directorate called 'Parks'.")]
    [InlineData("?segment=Z9", "There is no segment with the code 'Z9'.")]
    public async Task MeasuresAnswer404ForAFilterThatNamesNothing(string query, string detail)
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures" + query));

        (await ApiClient.ProblemAsync(response, 404)).GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task AMeasureHasItsTargetsAndEveryFigureRatedAsSeedTwoPrintsThem()
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures/PH-HV-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var measure = await ApiClient.JsonAsync(response);
        measure.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("year").GetString(), t.GetProperty("value").GetDecimal()))
            .ShouldBe([("2017/18", 90m), ("2018/19", 90m), ("2019/20", 90m)]);
        var outturns = measure.GetProperty("outturns").EnumerateArray().ToList();
        outturns.Select(o => o.GetProperty("period").GetString()).ShouldBe(
            ["2017/18 Q2", "2017/18 Q3", "2017/18 Q4", "2018/19 Q1", "2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1"]);
        outturns.Select(o => o.GetProperty("rag").GetString()).ShouldBe(["Amber", "Green", "Green", "Green", "Green", "Green", "Amber", "Amber"]);
        outturns.Skip(1).Select(o => o.GetProperty("directionFromPrevious").GetString())
            .ShouldBe(["Improving", "Improving", "Declining", "Improving", "Improving", "Declining", "Declining"]);

        var latest = outturns.Single(o => o.GetProperty("period").GetString() == "2019/20 Q1");
        latest.GetProperty("value").GetDecimal().ShouldBe(85.1m);
        latest.GetProperty("value").GetRawText().ShouldBe("85.1");
        latest.GetProperty("status").ValueKind.ShouldBe(JsonValueKind.Null);
        latest.GetProperty("target").GetDecimal().ShouldBe(90m);
        latest.GetProperty("state").GetString().ShouldBe("Published");
        latest.GetProperty("directionFromLastYear").GetString().ShouldBe("Declining");
    }

    [Fact]
    public async Task AMeasureFigureEqualsTheMeasurePage()
    {
        var api = await ApiClient.JsonAsync(await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures/PH-HV-01")));
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2019/20%20Q1");

        var latest = api.GetProperty("outturns").EnumerateArray().Single(o => o.GetProperty("period").GetString() == "2019/20 Q1");
        page.QuerySelector("main")!.Text().ShouldContain("85.1%");
        page.QuerySelector("main")!.Text().ShouldContain(Page.Meaning(latest.GetProperty("rag").GetString()![..1]));
    }

    [Fact]
    public async Task AMonthlyMeasureIsGivenInItsOwnMonths()
    {
        var measure = await ApiClient.JsonAsync(await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures/ASC-DTOC-01")));

        measure.GetProperty("frequency").GetString().ShouldBe("Monthly");
        measure.GetProperty("aggregation").GetString().ShouldBe("Average");
        var periods = measure.GetProperty("outturns").EnumerateArray().Select(o => o.GetProperty("period").GetString()!).ToList();
        periods.ShouldNotBeEmpty();
        periods.ShouldAllBe(p => ReportingPeriod.Parse(p).Kind == PeriodKind.Month && ReportingPeriod.Parse(p).Label == p);
    }

    [Fact]
    public async Task AnUnknownMeasureAnswers404()
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures/NO-SUCH-1"));

        (await ApiClient.ProblemAsync(response, 404)).GetProperty("detail").GetString().ShouldBe("There is no measure with the code 'NO-SUCH-1'.");
    }

    [Fact]
    public async Task CouncillorKeysSeePublishedFiguresOnlyOfficerKeysSeeDrafts()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<OutturnWorkflow>().SaveAsync(
                "Public Health", [new EntryInput("PH-HV-01", "2019/20 Q3", "91.5", null, false, null, null)], "officer@demo.council");
            outcome.ShouldHaveSingleItem().Saved.ShouldBeTrue();
        }

        var officer = await ApiClient.JsonAsync(await ApiClient.With(app.Factory, _officer).GetAsync(ApiClient.Url("/api/v1/measures/PH-HV-01")));
        var councillor = await ApiClient.JsonAsync(await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/measures/PH-HV-01")));

        var draft = officer.GetProperty("outturns").EnumerateArray().Last();
        draft.GetProperty("period").GetString().ShouldBe("2019/20 Q3");
        draft.GetProperty("state").GetString().ShouldBe("Draft");
        officer.GetProperty("publishedOnly").GetBoolean().ShouldBeFalse();
        councillor.GetProperty("outturns").EnumerateArray().Select(o => o.GetProperty("period").GetString()).ShouldNotContain("2019/20 Q3");
        councillor.GetProperty("outturns").EnumerateArray().ShouldAllBe(o => o.GetProperty("state").GetString() == "Published");
        councillor.GetProperty("publishedOnly").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task TheAdultsServicesScorecardFor2019Q2EqualsTheReaderAndThePage()
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/scorecard?period=2019/20%20Q2&directorate=Adults%20Services"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var api = await ApiClient.JsonAsync(response);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var scorecard = (await scope.ServiceProvider.GetRequiredService<PerformanceReader>().ScorecardAsync("Adults Services", Q2, FigureScope.Published))!;
        var rollup = scorecard.Rollup;
        api.GetProperty("period").GetString().ShouldBe("2019/20 Q2");
        api.GetProperty("directorate").GetString().ShouldBe("Adults Services");
        (api.GetProperty("total").GetInt32(), api.GetProperty("green").GetInt32(), api.GetProperty("amber").GetInt32(), api.GetProperty("red").GetInt32(),
                api.GetProperty("blue").GetInt32(), api.GetProperty("notRated").GetInt32())
            .ShouldBe((rollup.Measures, rollup.Green, rollup.Amber, rollup.Red, rollup.Blue, rollup.NotRated));
        (api.GetProperty("improving").GetInt32(), api.GetProperty("steady").GetInt32(), api.GetProperty("declining").GetInt32())
            .ShouldBe((rollup.Improving, rollup.Steady, rollup.Declining));
        (Percent(api, "greenPercent"), Percent(api, "amberPercent"), Percent(api, "redPercent"))
            .ShouldBe((rollup.GreenPercent, rollup.AmberPercent, rollup.RedPercent));
        (Percent(api, "improvingPercent"), Percent(api, "steadyPercent"), Percent(api, "decliningPercent"))
            .ShouldBe((rollup.ImprovingPercent, rollup.SteadyPercent, rollup.DecliningPercent));
        rollup.WithRag.ShouldBeGreaterThan(0);

        var lines = api.GetProperty("measures").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("code").GetString()).ShouldBe(scorecard.Lines.Select(l => l.Line.Code));
        foreach (var (json, line) in lines.Zip(scorecard.Lines))
        {
            var result = line.Line.Result;
            Decimal(json, "value").ShouldBe(result.Value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero) : null, line.Line.Code);
            Name(json, "rag").ShouldBe(result.Rating.Status?.ToString(), line.Line.Code);
            Name(json, "directionFromPrevious").ShouldBe(result.DirectionFromPrevious?.ToString(), line.Line.Code);
            Name(json, "directionFromLastYear").ShouldBe(result.DirectionFromLastYear?.ToString(), line.Line.Code);
        }

        // What a reader of the scorecard page sees for the same quarter.
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/directorates/Adults%20Services?period=2019/20%20Q2");
        page.QuerySelector(".summary-line")!.Text().ShouldBe(
            $"{rollup.Measures} KPIs, {rollup.WithRag} with a rating: Red {Rollup.PercentAndCount(Percent(api, "redPercent"), api.GetProperty("red").GetInt32())}, "
            + $"Amber {Rollup.PercentAndCount(Percent(api, "amberPercent"), api.GetProperty("amber").GetInt32())}, "
            + $"Green {Rollup.PercentAndCount(Percent(api, "greenPercent"), api.GetProperty("green").GetInt32())}.");
        var table = page.Table("Adults Services measures, 2019/20 Q2");
        foreach (var json in lines)
        {
            var row = table.Row(json.GetProperty("code").GetString()!);
            row.Cell("Rating").Letter().ShouldBe(Name(json, "rag") is { } rag ? rag[..1] : "–", row.Header());
        }
    }

    [Fact]
    public async Task AMonthlyMeasureIsOnTheScorecardByItsQuarterlyValue()
    {
        var client = ApiClient.With(app.Factory, _councillor);
        var scorecard = await ApiClient.JsonAsync(await client.GetAsync(ApiClient.Url("/api/v1/scorecard?period=2019/20%20Q2&directorate=Adults%20Services")));
        var measure = await ApiClient.JsonAsync(await client.GetAsync(ApiClient.Url("/api/v1/measures/ASC-DTOC-02")));

        // ASC-DTOC-02 is the average of its months; ASC-DTOC-01's September is TBC, so its quarter is TBC too.
        var months = measure.GetProperty("outturns").EnumerateArray()
            .Where(o => o.GetProperty("period").GetString() is "Jul-19" or "Aug-19" or "Sep-19")
            .Select(o => o.GetProperty("value").GetDecimal())
            .ToList();
        months.Count.ShouldBe(3);
        var lines = scorecard.GetProperty("measures").EnumerateArray().ToList();
        var average = lines.Single(l => l.GetProperty("code").GetString() == "ASC-DTOC-02");
        average.GetProperty("period").GetString().ShouldBe("2019/20 Q2");
        average.GetProperty("value").GetDecimal().ShouldBe(Math.Round(months.Average(), 6, MidpointRounding.AwayFromZero));
        var tbc = lines.Single(l => l.GetProperty("code").GetString() == "ASC-DTOC-01");
        (Decimal(tbc, "value"), Name(tbc, "status"), Name(tbc, "rag")).ShouldBe((null, "Tbc", null));
    }

    [Fact]
    public async Task TheScorecardFiltersBySegmentAndCountsTheWholeCouncilWithoutAFilter()
    {
        var client = ApiClient.With(app.Factory, _councillor);
        var segment = await ApiClient.JsonAsync(await client.GetAsync(ApiClient.Url("/api/v1/scorecard?period=2019/20%20Q2&segment=o3.2")));
        var council = await ApiClient.JsonAsync(await client.GetAsync(ApiClient.Url("/api/v1/scorecard?period=2019/20%20Q2")));

        segment.GetProperty("segment").GetString().ShouldBe("O3.2");
        segment.GetProperty("measures").EnumerateArray().ShouldNotBeEmpty();
        segment.GetProperty("measures").EnumerateArray().ShouldAllBe(m => m.GetProperty("segment").GetString() == "O3.2");
        council.GetProperty("total").GetInt32().ShouldBe(council.GetProperty("measures").GetArrayLength());
        council.GetProperty("total").GetInt32().ShouldBeGreaterThan(segment.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/scorecard?period=2019/20%20Q5")]
    [InlineData("/api/v1/scorecard?period=2019/20")]
    [InlineData("/api/v1/wheel?period=next%20week")]
    public async Task ABadPeriodAnswers400NamingTheParameter(string url)
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url(url));

        var problem = await ApiClient.ProblemAsync(response, 400);
        problem.GetProperty("errors").GetProperty("period").EnumerateArray().Single().GetString()!.ShouldContain("is not a quarter");
    }

    [Theory]
    [InlineData("/api/v1/scorecard?period=1999/00%20Q1", "There are no figures for 1999/00 Q1.")]
    [InlineData("/api/v1/wheel?period=1999/00%20Q1", "There are no figures for 1999/00 Q1.")]
    [InlineData("/api/v1/scorecard?period=2019/20%20Q2&directorate=Parks", "There is no directorate called 'Parks'.")]
    [InlineData("/api/v1/scorecard?period=2019/20%20Q2&segment=Z9", "There is no segment with the code 'Z9' in 2019/20 Q2.")]
    public async Task WhatDoesNotExistAnswers404(string url, string detail)
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url(url));

        (await ApiClient.ProblemAsync(response, 404)).GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task TheWheelGivesSeedZerosSegmentsWithSuggestedAndJudgedRatings()
    {
        var response = await ApiClient.With(app.Factory, _councillor).GetAsync(ApiClient.Url("/api/v1/wheel?period=2017/18%20Q2"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wheel = await ApiClient.JsonAsync(response);

        wheel.GetProperty("plan").GetString().ShouldBe("County Plan 2016–20");
        var segments = wheel.GetProperty("segments").EnumerateArray().ToList();
        segments.Select(s => s.GetProperty("code").GetString()).ShouldBe(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "C1", "C2", "C3", "C4", "V1"]);
        segments.Select(s => s.GetProperty("rag").GetString()).ShouldBe(
            ["Amber", "Amber", "Red", "Amber", "Green", "Green", "Green", "Green", "Green", "Amber", "Red", "Green"]);
        var c4 = segments.Single(s => s.GetProperty("code").GetString() == "C4");
        (Name(c4, "suggestedRag"), Name(c4, "judgedRag"), Name(c4, "direction")).ShouldBe(("Green", "Red", "Steady"));

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var evaluation = await scope.ServiceProvider.GetRequiredService<PerformanceReader>().EvaluateAsync(ReportingPeriod.Parse("2017/18 Q2"), FigureScope.Published);
        var expected = evaluation.Groups.SelectMany(g => g.Segments).ToList();
        segments.Select(s => (Name(s, "suggestedRag"), Name(s, "judgedRag"), Name(s, "direction")))
            .ShouldBe(expected.Select(s => (s.Suggested?.ToString(), s.Judged?.ToString(), s.Direction?.ToString())));
        wheel.GetProperty("headlines").EnumerateArray().Select(h => h.GetString()).ShouldBe(evaluation.Headlines);
    }

    [Fact]
    public async Task WithoutAPeriodTheLatestQuarterWithFiguresIsGiven()
    {
        var client = ApiClient.With(app.Factory, _councillor);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var latest = (await scope.ServiceProvider.GetRequiredService<PerformanceReader>().QuartersWithDataAsync(FigureScope.Published))[0];

        (await ApiClient.JsonAsync(await client.GetAsync(ApiClient.Url("/api/v1/wheel")))).GetProperty("period").GetString().ShouldBe(latest.Label);
        (await ApiClient.JsonAsync(await client.GetAsync(ApiClient.Url("/api/v1/scorecard")))).GetProperty("period").GetString().ShouldBe(latest.Label);
    }

    private static int? Percent(JsonElement json, string name) =>
        json.GetProperty(name).ValueKind == JsonValueKind.Null ? null : json.GetProperty(name).GetInt32();

    private static decimal? Decimal(JsonElement json, string name) =>
        json.GetProperty(name).ValueKind == JsonValueKind.Null ? null : json.GetProperty(name).GetDecimal();

    private static string? Name(JsonElement json, string name) =>
        json.GetProperty(name).ValueKind == JsonValueKind.Null ? null : json.GetProperty(name).GetString();

    private async Task<T> CountAsync<T>(Func<PerformanceWheelDbContext, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>());
    }
}
