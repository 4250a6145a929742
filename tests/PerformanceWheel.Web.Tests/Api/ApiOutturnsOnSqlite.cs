using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>POST /api/v1/outturns: the outturn grid's rules, statuses and audit, through an API key.</summary>
public sealed class ApiOutturnsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>, IAsyncLifetime
{
    private static readonly Uri Outturns = ApiClient.Url("/api/v1/outturns");
    private string _officer = null!;

    public async Task InitializeAsync() => _officer = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer, "Provider feed");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnOfficerKeyEntersANewFigureAsADraftAndChangesIt()
    {
        var client = ApiClient.With(app.Factory, _officer);

        var created = await client.PostAsJsonAsync(Outturns, new { measure = "PH-DEV-01", period = "2019/20 Q3", value = 71.5m, commentary = "From the provider feed" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldBe("/api/v1/measures/PH-DEV-01");
        var body = await ApiClient.JsonAsync(created);
        body.GetProperty("measure").GetString().ShouldBe("PH-DEV-01");
        var outturn = body.GetProperty("outturn");
        outturn.GetProperty("period").GetString().ShouldBe("2019/20 Q3");
        outturn.GetProperty("value").GetDecimal().ShouldBe(71.5m);
        outturn.GetProperty("state").GetString().ShouldBe("Draft");
        outturn.GetProperty("commentary").GetString().ShouldBe("From the provider feed");
        var version = outturn.GetProperty("version").GetInt32();

        var changed = await client.PostAsJsonAsync(Outturns, new { measure = "PH-DEV-01", period = "2019/20 Q3", value = 72m, version });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await ApiClient.JsonAsync(changed)).GetProperty("outturn").GetProperty("value").GetDecimal().ShouldBe(72m);
        var stored = await OutturnAsync("PH-DEV-01", "2019/20 Q3");
        (stored!.Value, stored.State, stored.UpdatedBy).ShouldBe((72m, WorkflowState.Draft, $"Provider feed (API key {_officer[..11]}…)"));
        (await RevisionsAsync("PH-DEV-01", "2019/20 Q3")).ShouldBe([(71.5m, 72m)]);
    }

    [Fact]
    public async Task AStatusInsteadOfAValueIsAccepted()
    {
        var response = await ApiClient.With(app.Factory, _officer).PostAsJsonAsync(Outturns, new { measure = "PH-BF-01", period = "2019/20 Q3", status = "Tbc" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var outturn = (await ApiClient.JsonAsync(response)).GetProperty("outturn");
        outturn.GetProperty("status").GetString().ShouldBe("Tbc");
        outturn.GetProperty("value").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""{"measure":"PH-BF-01","period":"2019/20 Q4","value":120}""", "value", "A percentage must be between 0 and 100.")]
    [InlineData("""{"measure":"PH-BF-01","period":"2019/20 Q4","value":50,"status":"Tbc"}""", "status", "Give a value or a status (TBC, N/A or Not available), not both.")]
    [InlineData("""{"measure":"PH-BF-01","period":"2019/20 Q4"}""", "value", "Give a value, or a status (Tbc, NotApplicable or NotAvailable) when there is none.")]
    [InlineData("""{"measure":"PH-BF-01","period":"2019/20 Q4","status":"Maybe"}""", "status", "'Maybe' is not a status; use Tbc, NotApplicable or NotAvailable (or leave it out and give a value).")]
    [InlineData("""{"measure":"PH-BF-01","period":"Q4","value":50}""", "period", "'Q4' is not a period; use 2019/20 Q2, Sep-19 or 2019/20 (the measure's own periods).")]
    [InlineData("""{"measure":"PH-BF-01","period":"Jan-20","value":50}""", "period", "PH-BF-01 is reported quarterly; Jan-20 is not one of its periods.")]
    [InlineData("""{"period":"2019/20 Q4","value":50}""", "measure", "Give the measure's code, such as PH-HV-01.")]
    public async Task AFigureThatBreaksARuleAnswers422WithTheFieldAndNothingIsSaved(string json, string field, string message)
    {
        var response = await PostRawAsync(ApiClient.With(app.Factory, _officer), json);

        var problem = await ApiClient.ProblemAsync(response, 422);
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ShouldContain(message);
        (await OutturnAsync("PH-BF-01", "2019/20 Q4")).ShouldBeNull();
    }

    [Fact]
    public async Task AFieldLeftOutKeepsWhatIsStoredAndANullClearsIt()
    {
        var client = ApiClient.With(app.Factory, _officer);
        (await client.PostAsJsonAsync(Outturns, new { measure = "PH-VOL-01", period = "Oct-19", value = 40m, provisional = true, commentary = "From the provider feed" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var valueOnly = await PostRawAsync(client, """{"measure":"PH-VOL-01","period":"Oct-19","value":41}""");

        valueOnly.StatusCode.ShouldBe(HttpStatusCode.OK, await valueOnly.Content.ReadAsStringAsync());
        var kept = await OutturnAsync("PH-VOL-01", "Oct-19");
        (kept!.Value, kept.IsProvisional, kept.Commentary).ShouldBe((41m, true, "From the provider feed"));

        var commentaryOnly = await PostRawAsync(client, """{"measure":"PH-VOL-01","period":"Oct-19","commentary":"Checked with the provider"}""");

        commentaryOnly.StatusCode.ShouldBe(HttpStatusCode.OK, await commentaryOnly.Content.ReadAsStringAsync());
        var commented = await OutturnAsync("PH-VOL-01", "Oct-19");
        (commented!.Value, commented.IsProvisional, commented.Commentary).ShouldBe((41m, true, "Checked with the provider"));

        var cleared = await PostRawAsync(client, """{"measure":"PH-VOL-01","period":"Oct-19","commentary":null,"provisional":null}""");

        cleared.StatusCode.ShouldBe(HttpStatusCode.OK, await cleared.Content.ReadAsStringAsync());
        var after = await OutturnAsync("PH-VOL-01", "Oct-19");
        (after!.Value, after.IsProvisional, after.Commentary).ShouldBe((41m, false, (string?)null));
        (await RevisionsAsync("PH-VOL-01", "Oct-19")).ShouldBe([(40m, 41m)]);
    }

    [Fact]
    public async Task AStatusReplacesAValueAndAnExplicitNullValueWithoutAStatusIsRefused()
    {
        var client = ApiClient.With(app.Factory, _officer);
        (await client.PostAsJsonAsync(Outturns, new { measure = "PH-VOL-01", period = "Nov-19", value = 12m })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var nulled = await PostRawAsync(client, """{"measure":"PH-VOL-01","period":"Nov-19","value":null}""");
        var status = await PostRawAsync(client, """{"measure":"PH-VOL-01","period":"Nov-19","status":"NotAvailable"}""");

        (await ApiClient.ProblemAsync(nulled, 422)).GetProperty("errors").GetProperty("value").EnumerateArray().Single().GetString()
            .ShouldBe("Give a value, or a status (Tbc, NotApplicable or NotAvailable) when there is none.");
        status.StatusCode.ShouldBe(HttpStatusCode.OK, await status.Content.ReadAsStringAsync());
        var stored = await OutturnAsync("PH-VOL-01", "Nov-19");
        (stored!.Value, stored.Status).ShouldBe(((decimal?)null, (OutturnStatus?)OutturnStatus.NotAvailable));
    }

    [Fact]
    public async Task ChangingAFigureSomeoneElseChangedSinceAnswers409()
    {
        var client = ApiClient.With(app.Factory, _officer);
        var first = await ApiClient.JsonAsync(await client.PostAsJsonAsync(Outturns, new { measure = "PH-WB-01", period = "Nov-19", value = 70m }));
        var version = first.GetProperty("outturn").GetProperty("version").GetInt32();
        (await client.PostAsJsonAsync(Outturns, new { measure = "PH-WB-01", period = "Nov-19", value = 71m, version })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await client.PostAsJsonAsync(Outturns, new { measure = "PH-WB-01", period = "Nov-19", value = 75m, version });

        var problem = await ApiClient.ProblemAsync(stale, 409);
        problem.GetProperty("detail").GetString().ShouldBe(
            $"PH-WB-01 Nov-19 has changed since version {version}: Provider feed (API key {_officer[..11]}…) saved it. Read it again (GET /api/v1/measures/PH-WB-01) and send its current version to replace it.");
        (await OutturnAsync("PH-WB-01", "Nov-19"))!.Value.ShouldBe(71m);
    }

    [Fact]
    public async Task APublishedFigureIsLockedAndAnswers409()
    {
        var response = await ApiClient.With(app.Factory, _officer).PostAsJsonAsync(Outturns, new { measure = "PH-HV-01", period = "2019/20 Q1", value = 99m });

        var problem = await ApiClient.ProblemAsync(response, 409);
        problem.GetProperty("title").GetString().ShouldBe("This figure is locked");
        problem.GetProperty("detail").GetString().ShouldBe("PH-HV-01 2019/20 Q1 is published; it can no longer be changed through the API (a published figure changes only by a correction with a reason).");
        (await OutturnAsync("PH-HV-01", "2019/20 Q1"))!.Value.ShouldBe(85.1m);
    }

    [Fact]
    public async Task AnUnknownMeasureAnswers404()
    {
        var response = await ApiClient.With(app.Factory, _officer).PostAsJsonAsync(Outturns, new { measure = "NO-SUCH-1", period = "2019/20 Q3", value = 1m });

        (await ApiClient.ProblemAsync(response, 404)).GetProperty("detail").GetString().ShouldBe("There is no measure with the code 'NO-SUCH-1'.");
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.Director)]
    public async Task KeysThatMayNotEnterFiguresAnswer403(string role)
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, role);

        var response = await ApiClient.With(app.Factory, key).PostAsJsonAsync(Outturns, new { measure = "ASC-CQC-01", period = "Oct-19", value = 80m });

        (await ApiClient.ProblemAsync(response, 403)).GetProperty("detail").GetString().ShouldBe($"A key with the role {role} may not use POST /api/v1/outturns.");
        (await OutturnAsync("ASC-CQC-01", "Oct-19")).ShouldBeNull();
    }

    [Fact]
    public async Task AnAdminKeyMayEnterFigures()
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin);

        var response = await ApiClient.With(app.Factory, key).PostAsJsonAsync(Outturns, new { measure = "ASC-CQC-01", period = "Dec-19", value = 81m });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutAKeyAnswers401EvenWithASignedInCookie()
    {
        var anonymous = await ApiClient.With(app.Factory, null).PostAsJsonAsync(Outturns, new { measure = "PH-DEV-01", period = "2019/20 Q4", value = 1m });
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var cookie = await officer.PostAsJsonAsync(Outturns, new { measure = "PH-DEV-01", period = "2019/20 Q4", value = 1m });

        await ApiClient.ProblemAsync(anonymous, 401);
        await ApiClient.ProblemAsync(cookie, 401);
        (await OutturnAsync("PH-DEV-01", "2019/20 Q4")).ShouldBeNull();
    }

    [Theory]
    [InlineData("{ not json", "application/json", 400)]
    [InlineData("""{"measure":"PH-DEV-01","period":"2019/20 Q4","value":"lots"}""", "application/json", 400)]
    [InlineData("measure=PH-DEV-01", "application/x-www-form-urlencoded", 415)]
    public async Task ABodyThatIsNotAnOutturnAnswersAProblem(string body, string contentType, int status)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        var response = await ApiClient.With(app.Factory, _officer).PostAsync(Outturns, content);

        await ApiClient.ProblemAsync(response, status);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(Outturns, content);
    }

    private async Task<Outturn?> OutturnAsync(string code, string period)
    {
        var p = ReportingPeriod.Parse(period);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.Outturns.AsNoTracking().SingleOrDefaultAsync(o => o.Measure.Code == code && o.Period == p);
    }

    private async Task<List<(decimal?, decimal?)>> RevisionsAsync(string code, string period)
    {
        var p = ReportingPeriod.Parse(period);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var revisions = await db.OutturnRevisions.Where(r => r.Outturn.Measure.Code == code && r.Period == p).OrderBy(r => r.Id).ToListAsync();
        return revisions.Select(r => (r.OldValue, r.NewValue)).ToList();
    }
}
