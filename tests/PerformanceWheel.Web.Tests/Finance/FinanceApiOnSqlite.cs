using System.Net;
using System.Net.Http.Json;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Api;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Finance;

/// <summary>Finance through the API: officer and Admin keys write lines and the position through the page's command; a field left out keeps what is stored; problems name the field.</summary>
public sealed class FinanceApiOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Quarter = "2022/23 Q1";

    [Fact]
    public async Task AnOfficerKeyAddsChangesAndRemovesLinesAndSetsThePosition()
    {
        using var api = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer));

        var created = await api.PostAsJsonAsync("/api/v1/finance/lines", new { period = Quarter, serviceArea = "Adult Services", approvedBudget = 317.674, forecastOutturn = "322.015" });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ApiClient.JsonAsync(created);
        body.GetProperty("draft").GetBoolean().ShouldBeTrue();
        body.GetProperty("lines")[0].GetProperty("variance").GetDecimal().ShouldBe(4.341m);

        // Left out: as stored.
        (await api.PostAsJsonAsync("/api/v1/finance/lines", new { period = Quarter, serviceArea = "adult services", forecastOutturn = 320 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync("/api/v1/finance/lines", new { period = Quarter, serviceArea = "Commissioning", approvedBudget = 46.649, forecastOutturn = 42.47 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync("/api/v1/finance/position", new { period = Quarter, variance = -1.2, rag = "Green" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync("/api/v1/finance/position", new { period = Quarter, commentary = "On track" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.DeleteAsync(new Uri($"/api/v1/finance/lines?period={Uri.EscapeDataString(Quarter)}&serviceArea=Commissioning", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await FinanceTestData.LinesAsync(app.Factory, Quarter)).ShouldBe(["Adult Services: 317.674 / 320.0"]);
        var read = await ApiClient.JsonAsync(await api.GetAsync(new Uri($"/api/v1/finance?period={Uri.EscapeDataString(Quarter)}", UriKind.Relative)));
        read.GetProperty("position").GetProperty("variance").GetDecimal().ShouldBe(-1.2m);
        read.GetProperty("position").GetProperty("rag").GetString().ShouldBe("Green");
        read.GetProperty("position").GetProperty("commentary").GetString().ShouldBe("On track");
        (await FinanceTestData.AuditAsync(app.Factory, Quarter)).ShouldContain($"Updated | Budget line | {Quarter} Adult Services | Forecast outturn £m: 322.015 → 320.0");
    }

    [Theory]
    [InlineData("""{"period":"2022/23 Q2","serviceArea":"Adult Services","approvedBudget":"12,34","forecastOutturn":1}""", "approvedBudget", "Approved budget: '12,34' is not a number")]
    [InlineData("""{"period":"2022/23 Q2","serviceArea":"Adult Services","approvedBudget":1}""", "forecastOutturn", "Forecast outturn is required")]
    [InlineData("""{"period":"2022/23","serviceArea":"Adult Services","approvedBudget":1,"forecastOutturn":1}""", "period", "'2022/23' is not a quarter")]
    public async Task ABadLineAnswers422NamingTheFieldAndSavesNothing(string json, string field, string message)
    {
        using var api = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin));
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await api.PostAsync(new Uri("/api/v1/finance/lines", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ApiClient.JsonAsync(response);
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(message);
        (await FinanceTestData.LinesAsync(app.Factory, "2022/23 Q2")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ABadRatingIsNamed()
    {
        using var api = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Admin));

        var response = await api.PostAsJsonAsync("/api/v1/finance/position", new { period = "2022/23 Q3", variance = 1, rag = "Purple" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ApiClient.JsonAsync(response)).GetProperty("errors").GetProperty("rag")[0].GetString().ShouldBe("Rating: 'Purple' is not a rating; choose Green, Amber, Red or no rating.");
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.Director)]
    public async Task KeysThatDoNotEnterFinanceAreRefused(string role)
    {
        using var api = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, role));

        var response = await api.PostAsJsonAsync("/api/v1/finance/lines", new { period = "2022/23 Q4", serviceArea = "Adult Services", approvedBudget = 1, forecastOutturn = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await FinanceTestData.LinesAsync(app.Factory, "2022/23 Q4")).ShouldBeEmpty();
    }
}
