using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Review;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The director's review: approve or return one figure (a month) or one measure's figures; returning asks for a reason
/// in a dialog and refuses an empty one; approving everything that is ready asks first, saying how many; results come
/// back as snackbars; someone who is not a Director of the directorate (nor an Admin) is not offered any of it.
/// Each test works on a quarter of Public Health (monthly and quarterly measures) of its own.
/// </summary>
public sealed class DirectorsReviewTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    private const string Directorate = "Public Health";

    [Fact]
    public async Task ApprovingOneMonthApprovesThatFigureAndLeavesTheOtherMonthsSubmitted()
    {
        var quarter = ReportingPeriod.Parse("2019/20 Q3");
        await SubmitEverythingAsync(demo, quarter);
        await using var ctx = Context(GridContext.AsDirectorOf(Directorate));
        var (_, snackbars) = Providers(ctx);
        var review = Render(ctx, quarter);
        var month = review.Instance.Sheet!.Submitted.First(r => r.Measure.Frequency == Frequency.Monthly);
        var name = $"{month.Measure.Code} {month.Period.Label}";

        await Button(review.Find($"[id='{DirectorsReview.RowId(month.Measure.Code, month.Period)}']"), $"Approve {name}").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"{name}: 1 figure approved."));
        (await StateAsync(quarter, month.Measure.Code, month.Period)).ShouldBe(WorkflowState.Approved);
        foreach (var other in month.Period.Quarter.Months().Where(m => m != month.Period))
        {
            (await StateAsync(quarter, month.Measure.Code, other)).ShouldBe(WorkflowState.Submitted);
        }

        review.FindAll($"[id='{DirectorsReview.RowId(month.Measure.Code, month.Period)}']").ShouldBeEmpty("an approved figure leaves the list");
    }

    [Fact]
    public async Task ReturningAFigureRefusesAnEmptyReasonThenReturnsItWithTheReasonTheOfficersSee()
    {
        var quarter = ReportingPeriod.Parse("2019/20 Q4");
        await SubmitEverythingAsync(demo, quarter);
        await using var ctx = Context(GridContext.AsDirectorOf(Directorate));
        var (dialogs, snackbars) = Providers(ctx);
        var review = Render(ctx, quarter);
        var month = review.Instance.Sheet!.Submitted.First(r => r.Measure.Frequency == Frequency.Monthly);
        var name = $"{month.Measure.Code} {month.Period.Label}";

        Button(review.Find($"[id='{DirectorsReview.RowId(month.Measure.Code, month.Period)}']"), $"Return {name}").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#return-title").TextContent.ShouldBe($"Return {name}"));
        await Button(dialogs.Find(".mud-dialog"), "Return with this reason").ClickAsync(new());

        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("Enter the reason for returning, so the officers know what to change."));
        (await StateAsync(quarter, month.Measure.Code, month.Period)).ShouldBe(WorkflowState.Submitted, "an empty reason returns nothing");

        await dialogs.Find("#return-reason-input").InputAsync(new() { Value = "The clinic figures are missing." });
        await Button(dialogs.Find(".mud-dialog"), "Return with this reason").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"{name}: 1 figure returned to the officers with your reason."));
        var row = (await demo.Workflow().GridAsync(Directorate, quarter))!.Rows.Single(r => r.Measure.Code == month.Measure.Code && r.Period == month.Period);
        (row.Outturn!.State, row.ReturnReason).ShouldBe((WorkflowState.Returned, "The clinic figures are missing."));
        dialogs.FindAll(".mud-dialog").ShouldBeEmpty();
    }

    [Fact]
    public async Task AMeasureIsApprovedOrReturnedWithAllItsSubmittedMonths()
    {
        var quarter = ReportingPeriod.Parse("2020/21 Q1");
        await SubmitEverythingAsync(demo, quarter);
        await using var ctx = Context(GridContext.AsDirectorOf(Directorate));
        var (dialogs, snackbars) = Providers(ctx);
        var review = Render(ctx, quarter);
        var monthly = review.Instance.Sheet!.Submitted.Where(r => r.Measure.Frequency == Frequency.Monthly).GroupBy(r => r.Measure.Code).Take(2).ToList();
        monthly.Count.ShouldBe(2, "Public Health has two monthly measures");
        var (approve, send) = (monthly[0].Key, monthly[1].Key);

        await Button(review.Find($"[id='measure-{approve}']"), $"Approve {approve} (3 figures)").ClickAsync(new());
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"{approve}: 3 figures approved."));

        Button(review.Find($"[id='measure-{send}']"), $"Return {send} (3 figures)").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("The 3 figures go back to the performance officers"));
        await dialogs.Find("#return-reason-input").InputAsync(new() { Value = "Every month is a quarter's total." });
        await Button(dialogs.Find(".mud-dialog"), "Return with this reason").ClickAsync(new());
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"{send}: 3 figures returned"));

        var grid = (await demo.Workflow().GridAsync(Directorate, quarter))!;
        grid.Rows.Where(r => r.Measure.Code == approve).ShouldAllBe(r => r.Outturn!.State == WorkflowState.Approved);
        grid.Rows.Where(r => r.Measure.Code == send).ShouldAllBe(r => r.Outturn!.State == WorkflowState.Returned && r.ReturnReason == "Every month is a quarter's total.");
    }

    [Fact]
    public async Task ApprovingAllThatAreReadyAsksFirstSayingHowManyAndCancellingChangesNothing()
    {
        var quarter = ReportingPeriod.Parse("2020/21 Q2");
        await SubmitEverythingAsync(demo, quarter);
        await using var ctx = Context(GridContext.AsDirectorOf(Directorate));
        var (dialogs, snackbars) = Providers(ctx);
        var review = Render(ctx, quarter);
        var ready = review.Instance.Sheet!.Ready.Count;
        ready.ShouldBeGreaterThan(3);

        Button(review.Find(".review-bulk"), $"Approve all that are ready ({ready})").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#approve-ready-title").TextContent.ShouldBe($"Approve {Counted.Of(ready, "figure")}?"));
        dialogs.Find("#approve-ready-text").TextContent.ShouldContain($"This approves {Counted.Of(ready, "submitted figure")} of {Directorate} for {quarter.Label}.");
        await Button(dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await demo.Workflow().GridAsync(Directorate, quarter))!.Count(WorkflowState.Approved).ShouldBe(0);

        Button(review.Find(".review-bulk"), $"Approve all that are ready ({ready})").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").ShouldNotBeNull());
        await Button(dialogs.Find(".mud-dialog"), $"Approve {Counted.Of(ready, "figure")}").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"All that were ready: {Counted.Of(ready, "figure")} approved."));
        (await demo.Workflow().GridAsync(Directorate, quarter))!.Count(WorkflowState.Approved).ShouldBe(ready);
        review.WaitForAssertion(() => review.Find("#review-summary").TextContent.ShouldContain("0 figures submitted"));
    }

    [Fact]
    public async Task MonthsReturnedWithDifferentReasonsShowEachReasonBesideItsMonthInTheOfficersGrid()
    {
        var quarter = ReportingPeriod.Parse("2020/21 Q3");
        await SubmitEverythingAsync(demo, quarter);
        var review = new FigureReview(demo.Database.Factory(), TimeProvider.System);
        var director = WorkflowUser.From((await GridContext.AsDirectorOf(Directorate).GetAuthenticationStateAsync()).User);
        var months = (await review.SheetAsync(director, Directorate, quarter))!.Submitted.Where(r => r.Measure.Frequency == Frequency.Monthly).Take(2).ToList();
        months.Select(m => m.Measure.Code).Distinct().ShouldHaveSingleItem("two months of one measure");
        (await review.ReturnAsync(director, Directorate, quarter, [SeenFigure.Of(months[0])], "First month is a quarter's total.")).Returned.ShouldBe(1);
        (await review.ReturnAsync(director, Directorate, quarter, [SeenFigure.Of(months[1])], "Second month is missing a clinic.")).Returned.ShouldBe(1);
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());

        var grid = GridContext.Render(ctx, Directorate, quarter.Label);

        var cell = grid.Instance.Sheet!.Cells.First(c => c.Row.Measure.Code == months[0].Measure.Code);
        grid.Find($"[id='{cell.Id}']").Closest("tr")!.QuerySelector(".return-reason")!.TextContent.ShouldBe(
            $"Returned by the director: {months[0].Period.Label}: First month is a quarter's total.; {months[1].Period.Label}: Second month is missing a clinic.");
    }

    [Fact]
    public async Task ADirectorOfAnotherDirectorateIsOfferedNothing()
    {
        await using var ctx = Context(GridContext.AsDirectorOf("Adults Services"));
        Providers(ctx);

        var review = Render(ctx, ReportingPeriod.Parse("2019/20 Q3"));

        review.Find(".review-refused").TextContent.ShouldBe($"Only a Director of {Directorate} or an Admin may review its figures.");
        review.FindAll("button").ShouldBeEmpty();
    }

    private BunitContext Context(SignedIn signedIn) => GridContext.Create(demo.Database, signedIn);

    private static (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) Providers(BunitContext ctx) =>
        (ctx.Render<MudDialogProvider>(), ctx.Render<MudSnackbarProvider>());

    /// <summary>The review of Public Health's <paramref name="quarter"/>, once it has loaded (or refused).</summary>
    internal static IRenderedComponent<DirectorsReview> Render(BunitContext ctx, ReportingPeriod quarter)
    {
        var review = ctx.Render<DirectorsReview>(p => p.Add(r => r.Directorate, Directorate).Add(r => r.Quarter, quarter.Label));
        review.WaitForState(() => review.Instance.Sheet is not null || review.FindAll(".review-refused").Count > 0);
        return review;
    }

    /// <summary>The button inside <paramref name="within"/> whose whole text (visible and for screen readers) is <paramref name="text"/>.</summary>
    internal static IElement Button(IElement within, string text) =>
        within.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>
    /// Every figure of Public Health due in <paramref name="quarter"/> and not yet entered, entered (as "to be confirmed")
    /// and submitted by <paramref name="user"/> (the officer unless named).
    /// </summary>
    internal static async Task SubmitEverythingAsync(DemoCouncil demo, ReportingPeriod quarter, string user = GridContext.Officer)
    {
        var workflow = demo.Workflow();
        var rows = (await workflow.GridAsync(Directorate, quarter))!.Rows.Where(r => r.Outturn is null).ToList();
        (await workflow.SaveAsync(Directorate, rows.Select(r => new EntryInput(r.Measure.Code, r.Period.Code, null, "Tbc", false, null, null)).ToList(), user))
            .ShouldAllBe(o => o.Saved);
        (await workflow.SubmitAsync(Directorate, quarter, user)).ShouldBe(rows.Count);
    }

    private async Task<WorkflowState?> StateAsync(ReportingPeriod quarter, string code, ReportingPeriod period) =>
        (await demo.Workflow().GridAsync(Directorate, quarter))!.Rows.Single(r => r.Measure.Code == code && r.Period == period).Outturn?.State;
}
