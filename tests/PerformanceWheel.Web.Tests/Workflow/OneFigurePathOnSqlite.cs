using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Import;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>
/// Issue 13's rule for figures: entering or changing an outturn has one path (FigureEntry and Outturn.Enter) whether it
/// comes from the grid, the API or a workbook, so the three end in the same stored figure and the same revisions.
/// </summary>
public sealed class OneFigurePathOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string PublicHealth = "Public Health";
    private const string Monthly = "PH-WB-01";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    [Fact]
    public async Task ARowSavedAgainUnchangedIsLeftAsItWasSoAnotherPersonsChangeToItIsNoConflict()
    {
        const string Measure = "PH-DEV-01";
        await SaveAsync("officer@demo.council", new EntryInput(Measure, "2019/20 Q3", "70", null, false, "As returned", null));
        var (version, updatedBy) = await VersionAsync(Measure, "2019/20 Q3");

        // The first person saves the whole grid with this row as they found it (they changed other rows).
        var first = await SaveAsync("first@demo.council", new EntryInput(Measure, "2019/20 Q3", "70", null, false, "As returned", version));
        var untouched = await VersionAsync(Measure, "2019/20 Q3");
        var second = await SaveAsync("second@demo.council", new EntryInput(Measure, "2019/20 Q3", "72", null, false, "As returned", version));

        first.Message.ShouldBeNull();
        untouched.ShouldBe((version, updatedBy));
        updatedBy.ShouldBe("officer@demo.council");
        second.Saved.ShouldBeTrue(second.Message);
        (await ValueAsync(Measure, "2019/20 Q3")).ShouldBe(72m);
    }

    [Fact]
    public async Task CommentaryTypedForAMissingFigureWithoutAValueOrStatusIsRefusedNotDropped()
    {
        var outcome = await SaveAsync("officer@demo.council", new EntryInput("PH-HV-01", "2019/20 Q3", null, null, false, "Awaiting the provider's return", null));

        outcome.Saved.ShouldBeFalse();
        (outcome.Field, outcome.Message, outcome.Problem).ShouldBe(("Value", OutturnStatusText.OneNeeded, EntryProblem.Invalid));
        (await WorkflowQueries.StateAsync(app.Factory, "PH-HV-01", Quarter)).ShouldBeNull();
    }

    [Fact]
    public async Task ApprovingAFigureYourOwnApiKeyEnteredIsRefusedUnderSeparationOfDuties()
    {
        const string Directorate = "Childrens Services";
        var grid = await WorkflowQueries.WithWorkflowAsync(app.Factory, w => w.GridAsync(Directorate, Quarter));
        var code = grid!.Rows.First(r => r.Period == Quarter && r.Outturn is null).Measure.Code;
        string? key;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            (key, var problems) = await scope.ServiceProvider.GetRequiredService<ApiKeyAdministration>()
                .CreateAsync("Admin's feed", Roles.PerformanceOfficer, [], "admin@demo.council");
            problems.ShouldBeEmpty();
        }

        using var api = ApiClient.With(app.Factory, key);
        (await api.PostAsJsonAsync(ApiClient.Url("/api/v1/outturns"), new { measure = code, period = Quarter.Label, status = "Tbc" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await WorkflowQueries.WithWorkflowAsync(app.Factory, w => w.SubmitAsync(Directorate, Quarter, "officer@demo.council"))).ShouldBe(1);

        var outcome = await WorkflowQueries.WithWorkflowAsync(app.Factory, w => w.ApproveAsync(Directorate, Quarter, "admin@demo.council", isAdmin: true));

        outcome.Approved.ShouldBe(0);
        outcome.Conflicts.ShouldHaveSingleItem().ShouldBe($"{code} {Quarter.Label} (your API key Admin's feed entered it)");
        (await WorkflowQueries.StateAsync(app.Factory, code, Quarter)).ShouldBe(WorkflowState.Submitted);
        var byOther = await WorkflowQueries.WithWorkflowAsync(app.Factory, w => w.ApproveAsync(Directorate, Quarter, "other.admin@demo.council", isAdmin: true));
        byOther.Approved.ShouldBe(1);
    }

    [Fact]
    public async Task AFigureEnteredAndChangedThroughTheGridTheApiAndAWorkbookEndsTheSame()
    {
        // The grid (the interactive outturn grid's sheet, as an officer types it, saved by the grid's command): Oct-19.
        foreach (var (value, provisional, commentary) in Steps)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
            var sheet = new PerformanceWheel.Web.Components.Pages.Outturns.GridSheet((await workflow.GridAsync(PublicHealth, Quarter))!);
            var cell = sheet.Find("value-PH-WB-01-2019-10")!;
            sheet.Type(cell, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cell.Commentary = commentary;
            cell.Provisional = provisional;
            (await workflow.SaveAsync(PublicHealth, sheet.Changes(), SignedInClient.EmailFor(Roles.PerformanceOfficer))).ShouldAllBe(o => o.Saved);
        }

        // The API (an officer's key): Nov-19.
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.PerformanceOfficer, "Provider feed");
        using var api = ApiClient.With(app.Factory, key);
        foreach (var (value, provisional, commentary) in Steps)
        {
            var response = await api.PostAsJsonAsync(ApiClient.Url("/api/v1/outturns"), new { measure = Monthly, period = "Nov-19", value, provisional, commentary });
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        }

        // A workbook (an officer's draft import): Dec-19.
        foreach (var (value, provisional, commentary) in Steps)
        {
            var workbook = new TestWorkbook().Sheet("Measures", Samples.MeasuresHeader).Sheet("Targets", Samples.TargetsHeader).Sheet("Outturns", Samples.OutturnsHeader, TestWorkbook.Row(Monthly, "Dec-19", value, null, provisional ? "Y" : "N", commentary));
            var report = await Samples.ImportAsync(app.Factory.Database, workbook.Bytes(), Samples.Officer(ImportMode.Draft));
            report.Errors.ShouldBeEmpty();
            report.Applied.ShouldBeTrue();
        }

        var grid = await StoredAsync("Oct-19");
        var byApi = await StoredAsync("Nov-19");
        var byImport = await StoredAsync("Dec-19");
        grid.Figure.ShouldBe("72 | provisional False | Confirmed by the provider | Draft | version 2");
        byApi.Figure.ShouldBe(grid.Figure);
        byImport.Figure.ShouldBe(grid.Figure);
        grid.Revisions.ShouldBe(["70 → 72 (Edit)"]);
        byApi.Revisions.ShouldBe(grid.Revisions);

        // The import's revision says it came from a workbook (the measure page shows it so); the change itself is the same.
        byImport.Revisions.ShouldBe(["70 → 72 (Import: import)"]);
        (grid.Who, byApi.Who).ShouldBe((
            "officer@demo.council/officer@demo.council/officer@demo.council",
            $"Provider feed (API key {key[..11]}…)/Provider feed (API key {key[..11]}…)/Provider feed (API key {key[..11]}…)"));

        // Who entered the figure, who last changed it and its commentary (separation of duties reads the first).
        byImport.Who.ShouldBe(grid.Who);
    }

    private static readonly (decimal Value, bool Provisional, string Commentary)[] Steps =
    [
        (70m, true, "First return"),
        (72m, false, "Confirmed by the provider"),
    ];

    private async Task<(string Figure, IReadOnlyList<string> Revisions, string Who)> StoredAsync(string period)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var p = ReportingPeriod.Parse(period);
        var o = await db.Outturns.AsNoTracking().SingleAsync(o => o.Measure.Code == Monthly && o.Period == p);
        var revisions = (await db.OutturnRevisions.AsNoTracking().Where(r => r.OutturnId == o.Id).OrderBy(r => r.Id).ToListAsync())
            .Select(r => $"{r.OldValue:0.##} → {r.NewValue:0.##} ({r.Kind}{(r.Reason == null ? "" : ": " + r.Reason)})").ToList();
        return ($"{o.Value:0.##} | provisional {o.IsProvisional} | {o.Commentary} | {o.State} | version {o.Version}", revisions, $"{o.EnteredBy}/{o.UpdatedBy}/{o.CommentaryBy}");
    }

    private async Task<EntryOutcome> SaveAsync(string user, EntryInput input) =>
        (await WorkflowQueries.WithWorkflowAsync(app.Factory, w => w.SaveAsync(PublicHealth, [input], user))).Single();

    private async Task<(int? Version, string? UpdatedBy)> VersionAsync(string code, string period)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var p = ReportingPeriod.Parse(period);
        var o = await db.Outturns.AsNoTracking().SingleAsync(o => o.Measure.Code == code && o.Period == p);
        return (o.Version, o.UpdatedBy);
    }

    private async Task<decimal?> ValueAsync(string code, string period)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var p = ReportingPeriod.Parse(period);
        return await db.Outturns.AsNoTracking().Where(o => o.Measure.Code == code && o.Period == p).Select(o => o.Value).SingleOrDefaultAsync();
    }
}
