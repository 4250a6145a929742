using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Finance;

/// <summary>
/// Finance is published with the quarter: before that, councillors and the public see none of it on any channel (finance
/// page, API, packs) while officers see it marked as a draft; once the quarter is published they see it, and a change
/// needs a reason that the audit keeps.
/// </summary>
public sealed class DraftFinanceOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Quarter = "2019/20 Q3";
    private const string Area = "Draft Services";
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Parse(Quarter);

    [Fact]
    public async Task DraftFinanceReachesNoCouncillorUntilTheQuarterIsPublished()
    {
        var entered = await FinanceTestData.EnterAsync(app.Factory, new FinanceInput(
            Q3, [new BudgetLineInput(null, Area, "10", "12.5")], new BudgetPositionInput("2.5", "Red", "Draft commentary"), null));
        entered.Succeeded.ShouldBeTrue();

        var councillor = await SignedInClient.AsAsync(app.Factory, Roles.Councillor);
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        using var councillorApi = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor));
        using var officerApi = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer));
        var url = $"/finance?period={Uri.EscapeDataString(Quarter)}";

        foreach (var reader in new[] { councillor, SignedInClient.Anonymous(app.Factory) })
        {
            // No figure of the quarter is published either: for these readers the quarter does not exist yet (404).
            var quarterPage = await reader.GetAsync(new Uri(url, UriKind.Relative));
            quarterPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await quarterPage.Content.ReadAsStringAsync()).ShouldNotContain(Area);
            (await reader.GetStringAsync(new Uri("/finance", UriKind.Relative))).ShouldNotContain(Area);
        }

        (await councillorApi.GetAsync(new Uri($"/api/v1/finance?period={Uri.EscapeDataString(Quarter)}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Should.ThrowAsync<PackNotFoundException>(PublicPackAsync)).Message.ShouldContain("There are no figures for the period '2019/20 Q3'");

        var staffPage = await Page.OkAsync(officer, url);
        staffPage.Table($"Net expenditure against budget by service area, {Quarter}").Row(Area).CellText("Forecast variance £m").ShouldBe("+2.500");
        staffPage.QuerySelector("main")!.Text().ShouldContain($"Draft {Quarter}'s finance is not published yet");
        var staffJson = await ApiClient.JsonAsync(await officerApi.GetAsync(new Uri($"/api/v1/finance?period={Uri.EscapeDataString(Quarter)}", UriKind.Relative)));
        staffJson.GetProperty("draft").GetBoolean().ShouldBeTrue();

        await PublishPartOfTheQuarterAsync();

        (await Page.OkAsync(councillor, url)).Table($"Net expenditure against budget by service area, {Quarter}").Row(Area).CellText("Forecast outturn £m").ShouldBe("12.500");
        var json = await ApiClient.JsonAsync(await councillorApi.GetAsync(new Uri($"/api/v1/finance?period={Uri.EscapeDataString(Quarter)}", UriKind.Relative)));
        json.GetProperty("draft").GetBoolean().ShouldBeFalse();
        json.GetProperty("lines")[0].GetProperty("serviceArea").GetString().ShouldBe(Area);
        json.GetProperty("position").GetProperty("commentary").GetString().ShouldBe("Draft commentary");
        (await PublicPackAsync()).ShouldContain(Area);

        // Published: a change needs a reason, and the audit keeps it.
        var unexplained = await FinanceTestData.EnterAsync(app.Factory, new FinanceInput(Q3, [new BudgetLineInput(Area, Area, "10", "11")], null, null));
        unexplained.Problems.ShouldHaveSingleItem().ShouldBe(new FinanceProblem(null, "Reason", $"{Quarter} is published: give the reason for changing its finance."));
        var explained = await FinanceTestData.EnterAsync(app.Factory, new FinanceInput(Q3, [new BudgetLineInput(Area, Area, "10", "11")], null, "Forecast revised after the audit"));
        explained.Succeeded.ShouldBeTrue();
        (await FinanceTestData.AuditAsync(app.Factory, Quarter)).ShouldContain(
            $"Updated | Budget line | {Quarter} {Area} | Forecast outturn £m: 12.5 → 11.0; Reason: Forecast revised after the audit");
    }

    private async Task<string> PublicPackAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IFigureAudience>().PublishedOnly.ShouldBeTrue("a pack made outside a request is for the public");
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync(Quarter);
        return await scope.ServiceProvider.GetRequiredService<PackHtmlRenderer>().RenderAsync(model);
    }

    private async Task PublishPartOfTheQuarterAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
        await workflow.SaveAsync("Public Health", [new EntryInput("PH-HV-01", Quarter, "91.5", null, false, null, null)], "officer@demo.council");
        await workflow.SubmitAsync("Public Health", Q3, "officer@demo.council");
        await workflow.ApproveAsync("Public Health", Q3, "director@demo.council");
        (await workflow.PublishAsync(Q3, "admin@demo.council", partOfQuarter: true)).Published.ShouldBe(1);
    }
}
