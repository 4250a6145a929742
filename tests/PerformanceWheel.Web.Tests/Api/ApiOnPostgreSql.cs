using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>The API on PostgreSQL: keys found by hash, last use recorded, numbers without numeric(18,6)'s trailing zeros, figures saved.</summary>
public sealed class ApiOnPostgreSql(PostgreSqlApp app) : IClassFixture<PostgreSqlApp>
{
    [PostgreSqlFact]
    public async Task AKeyReadsAMeasureWithNumbersAsWritten()
    {
        app.Factory.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor, "PostgreSQL reader");

        var response = await ApiClient.With(app.Factory, key).GetAsync(ApiClient.Url("/api/v1/measures/PH-HV-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var latest = (await ApiClient.JsonAsync(response)).GetProperty("outturns").EnumerateArray()
            .Single(o => o.GetProperty("period").GetString() == "2019/20 Q1");
        (latest.GetProperty("value").GetRawText(), latest.GetProperty("target").GetRawText(), latest.GetProperty("rag").GetString())
            .ShouldBe(("85.1", "90", "Amber"));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "PostgreSQL reader");
        stored.LastUsedAt.ShouldNotBeNull();
    }

    [PostgreSqlFact]
    public async Task AnOfficerKeySavesAFigureAndTheScorecardCountsIt()
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer, "PostgreSQL feed");
        var client = ApiClient.With(app.Factory, key);

        var saved = await client.PostAsJsonAsync(ApiClient.Url("/api/v1/outturns"), new { measure = "PH-DEV-01", period = "2019/20 Q3", value = 70.25m });
        var invalid = await client.PostAsJsonAsync(ApiClient.Url("/api/v1/outturns"), new { measure = "PH-DEV-01", period = "2019/20 Q3", value = 101m });

        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        (await ApiClient.JsonAsync(saved)).GetProperty("outturn").GetProperty("value").GetRawText().ShouldBe("70.25");
        await ApiClient.ProblemAsync(invalid, 422);
        var scorecard = await ApiClient.JsonAsync(await client.GetAsync(ApiClient.Url("/api/v1/scorecard?period=2019/20%20Q3&directorate=Public%20Health")));
        scorecard.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "PH-DEV-01")
            .GetProperty("state").GetString().ShouldBe("Draft");
    }

    [PostgreSqlFact]
    public async Task NumbersAndPeriodsOutsideWhatIsKeptAreRefusedAsOnSqliteAndAStatusStaysItself()
    {
        app.Factory.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer, "PostgreSQL limits");
        var client = ApiClient.With(app.Factory, key);
        var url = ApiClient.Url("/api/v1/outturns");

        var tooLarge = await client.PostAsJsonAsync(url, new { measure = "PH-WB-01", period = "Nov-19", value = 1234567890123m });
        var tooPrecise = await client.PostAsJsonAsync(url, new { measure = "PH-WB-01", period = "Nov-19", value = 0.0000001m });
        var farFuture = await client.PostAsJsonAsync(url, new { measure = "PH-WB-01", period = "2099-04", value = 1m });
        var notAvailable = await client.PostAsJsonAsync(url, new { measure = "PH-VOL-01", period = "Nov-19", status = "NotAvailable" });

        (await ApiClient.ProblemAsync(tooLarge, 422)).GetProperty("errors").GetProperty("value")[0].GetString()
            .ShouldBe("1234567890123 is too large; figures are stored up to 999,999,999,999.999999 (12 digits before the decimal point).");
        (await ApiClient.ProblemAsync(tooPrecise, 422)).GetProperty("errors").GetProperty("value")[0].GetString()
            .ShouldBe("0.0000001 has more than 6 decimal places; figures are stored to 6 decimal places.");
        (await ApiClient.ProblemAsync(farFuture, 422)).GetProperty("errors").GetProperty("period")[0].GetString()
            .ShouldBe("Apr-99 is outside the framework's years (2016/17 to 2021/22); figures are recorded only for years a plan covers.");
        notAvailable.StatusCode.ShouldBe(HttpStatusCode.Created, await notAvailable.Content.ReadAsStringAsync());
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var november = PerformanceWheel.Domain.Periods.ReportingPeriod.Parse("Nov-19");
        (await db.Outturns.AnyAsync(o => o.Measure.Code == "PH-WB-01" && o.Period == november)).ShouldBeFalse();
        (await db.Outturns.Where(o => o.Measure.Code == "PH-VOL-01" && o.Period == november).Select(o => o.Status).SingleAsync())
            .ShouldBe(PerformanceWheel.Domain.Outturns.OutturnStatus.NotAvailable);
    }
}
