using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Tests.Setup;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Finance;

/// <summary>
/// Issue 13's rule for finance: the same quarter's finance entered on the page, through the API and by a workbook, each
/// on a new council's empty database, ends in the same stored lines and position and the same audit text.
/// </summary>
public sealed class OneFinancePathOnSqlite
{
    private const string Quarter = "2026/27 Q1";

    [Fact]
    public async Task PageApiAndImportEndInTheSameStateAndAuditText()
    {
        var byPage = await EnterAsync(async factory =>
        {
            var admin = await NewCouncil.AdminAsync(factory);
            var url = $"/finance/entry?period={Uri.EscapeDataString(Quarter)}";
            (await PageForms.SubmitAsync(admin, url, "finance", new Dictionary<string, string>
            {
                ["Lines[0].ServiceArea"] = "Adult Services", ["Lines[0].ApprovedBudget"] = "317.674", ["Lines[0].ForecastOutturn"] = "322.015",
                ["Lines[1].ServiceArea"] = "Commissioning", ["Lines[1].ApprovedBudget"] = "46.649", ["Lines[1].ForecastOutturn"] = "42.47",
                ["Variance"] = "-1.2", ["Rag"] = "Amber", ["Commentary"] = "Placements",
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await PageForms.SubmitAsync(admin, url, "finance", new Dictionary<string, string> { ["Lines[1].Remove"] = "true", ["Lines[0].ForecastOutturn"] = "320" }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        });

        var byApi = await EnterAsync(async factory =>
        {
            using var api = await AdminApiAsync(factory);
            (await api.PostAsJsonAsync("/api/v1/finance/lines", new { period = Quarter, serviceArea = "Adult Services", approvedBudget = 317.674, forecastOutturn = 322.015 })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.PostAsJsonAsync("/api/v1/finance/lines", new { period = Quarter, serviceArea = "Commissioning", approvedBudget = "46.649", forecastOutturn = "42.47" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.PostAsJsonAsync("/api/v1/finance/position", new { period = Quarter, variance = -1.2, rag = "Amber", commentary = "Placements" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.DeleteAsync(new Uri($"/api/v1/finance/lines?period={Uri.EscapeDataString(Quarter)}&serviceArea=Commissioning", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.PostAsJsonAsync("/api/v1/finance/lines", new { period = Quarter, serviceArea = "Adult Services", forecastOutturn = 320 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        });

        var byImport = await EnterAsync(async factory =>
        {
            await ImportAsync(factory, FinanceTestData.Workbook(
                [Row(Quarter, "Adult Services", 317.674, 322.015, null), Row(Quarter, "Commissioning", 46.649, 42.47, null)],
                [Row(Quarter, -1.2, "Amber", "Placements")]));
            await ImportAsync(factory, FinanceTestData.Workbook([Row(Quarter, "Commissioning", null, null, "Y"), Row(Quarter, "Adult Services", 317.674, 320, null)], null));
        });

        byPage.Lines.ShouldBe(["Adult Services: 317.674 / 320.0"]);
        byPage.Audit.Count.ShouldBe(5);
        byApi.Lines.ShouldBe(byPage.Lines);
        byApi.Audit.ShouldBe(byPage.Audit);
        byImport.Lines.ShouldBe(byPage.Lines);
        byImport.Audit.ShouldBe(byPage.Audit);
    }

    private static async Task<(IReadOnlyList<string> Lines, IReadOnlyList<string> Audit)> EnterAsync(Func<AppFactory, Task> enter)
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        _ = factory.Server;
        await enter(factory);
        var audit = await FinanceTestData.AuditAsync(factory, Quarter);
        return (await FinanceTestData.LinesAsync(factory, Quarter), audit);
    }

    private static async Task<HttpClient> AdminApiAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (key, problems) = await scope.ServiceProvider.GetRequiredService<ApiKeyAdministration>().CreateAsync("Finance test", Roles.Admin, [], NewCouncil.AdminEmail);
        problems.ShouldBeEmpty();
        return Api.ApiClient.With(factory, key);
    }

    private static async Task ImportAsync(AppFactory factory, TestWorkbook workbook)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var stream = new MemoryStream(workbook.Bytes());
        var report = await scope.ServiceProvider.GetRequiredService<WorkbookImporter>().ImportAsync(stream, new ImportRequest(NewCouncil.AdminEmail, true, ImportMode.Draft, "finance.xlsx"));
        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeTrue();
    }
}
