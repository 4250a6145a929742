using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Review;
using Shouldly;
using static PerformanceWheel.Components.Tests.DirectorsReviewTests;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The director's review when the council separates duties: a figure the reviewer entered or last changed is marked and
/// cannot be approved by them; an Admin may override that for the one figure, giving a reason the audit log records (as on
/// the outturn page), and an empty reason is refused; a Director is not offered the override. A demo council of its own,
/// with separation of duties on.
/// </summary>
public sealed class DirectorsReviewDutiesTests(DemoCouncil demo) : IClassFixture<DemoCouncil>, IAsyncLifetime
{
    private const string Directorate = "Public Health";
    private const string Admin = "admin@demo.council";
    private const string Director = "director@demo.council";

    public async Task InitializeAsync()
    {
        await using var db = demo.Database.CreateContext();
        (await db.CouncilSettings.OrderBy(c => c.Id).FirstAsync()).ChangeSeparationOfDuties(true);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAdminOverridesForAFigureTheyEnteredWithAReasonTheAuditLogRecords()
    {
        var quarter = ReportingPeriod.Parse("2019/20 Q3");
        await SubmitEverythingAsync(demo, quarter, Admin);
        var signedIn = new SignedIn();
        signedIn.As(Admin, Roles.Admin);
        await using var ctx = GridContext.Create(demo.Database, signedIn);
        var (dialogs, snackbars) = (ctx.Render<MudDialogProvider>(), ctx.Render<MudSnackbarProvider>());
        var review = Render(ctx, quarter);
        var row = review.Instance.Sheet!.Submitted[0];
        var name = $"{row.Measure.Code} {row.Period.Label}";
        var line = review.Find($"[id='{DirectorsReview.RowId(row.Measure.Code, row.Period)}']");

        line.QuerySelector(".duty-conflict")!.TextContent.ShouldStartWith("Not yours to approve:");
        Button(line, $"Approve {name}").HasAttribute("disabled").ShouldBeTrue();
        review.Find("#duties-hint").TextContent.ShouldContain("As an Admin you may override it");
        review.Instance.Sheet.Ready.ShouldBeEmpty("the Admin entered every figure");

        Button(line, $"Override and approve {name}").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#override-title").TextContent.ShouldBe($"Override separation of duties for {name}"));
        await Button(dialogs.Find(".mud-dialog"), "Approve with this reason").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("Enter the reason for overriding: the audit log records it with your approval."));
        (await StateAsync(quarter, row)).ShouldBe(WorkflowState.Submitted, "an empty reason approves nothing");

        await dialogs.Find("#override-reason-input").InputAsync(new() { Value = "The Director is on leave until after Cabinet." });
        await Button(dialogs.Find(".mud-dialog"), "Approve with this reason").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"{name}: approved by override; the audit log records it with your reason."));
        (await StateAsync(quarter, row)).ShouldBe(WorkflowState.Approved);
        await using var db = demo.Database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.Action == OutturnWorkflow.OverrideAction).ToListAsync();
        audit.ShouldHaveSingleItem().User.ShouldBe(Admin);
        audit[0].Changes.ShouldNotBeNull();
        audit[0].Changes!.ShouldContain(name);
        audit[0].Changes!.ShouldEndWith("Reason: The Director is on leave until after Cabinet.");
        review.FindAll($"[id='{DirectorsReview.RowId(row.Measure.Code, row.Period)}']").ShouldBeEmpty("an approved figure leaves the list");
    }

    [Fact]
    public async Task ADirectorWhoEnteredAFigureIsNotOfferedTheOverride()
    {
        var quarter = ReportingPeriod.Parse("2019/20 Q4");
        await SubmitEverythingAsync(demo, quarter, Director);
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsDirectorOf(Directorate));
        ctx.Render<MudDialogProvider>();
        ctx.Render<MudSnackbarProvider>();
        var review = Render(ctx, quarter);
        var row = review.Instance.Sheet!.Submitted[0];
        var line = review.Find($"[id='{DirectorsReview.RowId(row.Measure.Code, row.Period)}']");

        line.QuerySelector(".duty-conflict")!.TextContent.ShouldStartWith("Not yours to approve:");
        line.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain(t => t.StartsWith("Override", StringComparison.Ordinal));
        review.Find("#duties-hint").TextContent.ShouldNotContain("Admin");
    }

    private async Task<WorkflowState?> StateAsync(ReportingPeriod quarter, EntryRow row) =>
        (await demo.Workflow().GridAsync(Directorate, quarter))!.Rows.Single(r => r.Measure.Code == row.Measure.Code && r.Period == row.Period).Outturn?.State;
}
