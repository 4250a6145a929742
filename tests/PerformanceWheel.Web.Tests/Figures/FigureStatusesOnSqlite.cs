using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Figures;

/// <summary>
/// A figure's status (TBC, N/A, Not available) stays what it was entered as through every channel: entered by the API,
/// shown and saved again in the grid, read back by the API. Text that is no status is refused, never saved as one.
/// </summary>
public sealed class FigureStatusesOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Grid = "/outturns/Public%20Health?period=2019/20%20Q3";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    // One quarterly Public Health measure per status.
    private static readonly (string Measure, string Status, OutturnStatus Stored)[] Cases =
    [
        ("PH-BF-01", "Tbc", OutturnStatus.Tbc),
        ("PH-DEV-01", "NotApplicable", OutturnStatus.NotApplicable),
        ("PH-HV-01", "NotAvailable", OutturnStatus.NotAvailable),
    ];

    [Fact]
    public async Task EachStatusEnteredByTheApiIsShownInTheGridAndSavingTheGridAgainChangesNothing()
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer, "Status feed");
        var api = ApiClient.With(app.Factory, key);
        foreach (var (measure, status, _) in Cases)
        {
            var created = await api.PostAsJsonAsync(ApiClient.Url("/api/v1/outturns"), new { measure, period = "2019/20 Q3", status });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var (_, page) = await Html.GetAsync(officer, Grid);
        foreach (var (measure, _, stored) in Cases)
        {
            // The grid's cell takes a number or a status, and shows a status by its label.
            page.GetElementById($"value-{measure}-2019-20-Q3")!.GetAttribute("value").ShouldBe(OutturnStatusText.Label(stored));
        }

        // Saving every figure of the grid again as it reads (what the grid would send if each cell were typed again).
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
            var sheet = new PerformanceWheel.Web.Components.Pages.Outturns.GridSheet((await workflow.GridAsync("Public Health", Quarter))!);
            sheet.Changes().ShouldBeEmpty("a status read back into its cell is not a change");
            var again = sheet.Cells.Where(c => Cases.Any(k => k.Measure == c.Row.Measure.Code))
                .Select(c => c.Reading.ToInput(c.Row.Measure.Code, c.Row.Period.Code, c.Text, c.Provisional, c.Commentary, c.Row.Outturn?.Version)).ToList();
            (await workflow.SaveAsync("Public Health", again, "officer@demo.council")).ShouldAllBe(o => o.Saved && !o.Changed);
        }

        foreach (var (measure, status, stored) in Cases)
        {
            (await StatusAsync(measure)).ShouldBe(stored, measure);
            (await RevisionCountAsync(measure)).ShouldBe(0, $"{measure}: saving the grid unchanged must not record a revision");
            var read = await ApiClient.JsonAsync(await api.GetAsync(ApiClient.Url($"/api/v1/measures/{measure}")));
            read.GetProperty("outturns").EnumerateArray().Single(o => o.GetProperty("period").GetString() == "2019/20 Q3")
                .GetProperty("status").GetString().ShouldBe(status);
        }
    }

    [Fact]
    public async Task TheCorrectionFormRefusesTextThatIsNoStatus()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var corrections = scope.ServiceProvider.GetRequiredService<OutturnCorrections>();

        var result = await corrections.CorrectAsync("Public Health", new CorrectionInput("PH-HV-01", "2019/20 Q1", null, "Bogus", "Provider resubmitted"), "officer@demo.council");

        result.Succeeded.ShouldBeFalse();
        result.Problems.Single(p => p.Field == "Status").Message.ShouldBe("'Bogus' is not a status; use TBC, N/A or Not available (or leave it blank and give a value).");
    }

    [Theory]
    [InlineData(null, null, "Value", "Give a value, or a status (TBC, N/A or Not available) when there is none.")]
    [InlineData("12", "TBC", "Status", "Give a value or a status (TBC, N/A or Not available), not both.")]
    public async Task TheCorrectionFormRefusesAFigureTheGridRefusesWithTheSameMessage(string? value, string? status, string field, string message)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var corrections = scope.ServiceProvider.GetRequiredService<OutturnCorrections>();

        var result = await corrections.CorrectAsync("Public Health", new CorrectionInput("PH-HV-01", "2019/20 Q1", value, status, "Provider resubmitted"), "officer@demo.council");

        result.Succeeded.ShouldBeFalse();
        result.Problems.ShouldHaveSingleItem().ShouldBe(new FieldProblem(field, message));
        Outturn.Check(null, value is null ? null : 12m, status is null ? null : OutturnStatus.Tbc).ShouldBe(new FigureProblem(field, message));
    }

    private async Task<OutturnStatus?> StatusAsync(string measure)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.Outturns.Where(o => o.Measure.Code == measure && o.Period == Quarter).Select(o => o.Status).SingleAsync();
    }

    private async Task<int> RevisionCountAsync(string measure)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.OutturnRevisions.CountAsync(r => r.Outturn.Measure.Code == measure && r.Period == Quarter);
    }
}
