using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Components.Pages.Assessments;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// Segment judgements in the live page (2019/20 Q2, published; O1.2 is suggested Green): each rating is offered as a chip
/// with its letter and meaning; a judgement that differs from the suggestion asks for its rationale as it is chosen, and a
/// change to a published quarter for its reason; a segment someone else judged since is refused by name and keeps theirs.
/// </summary>
public sealed class AssessmentsEditorTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q2");

    [Fact]
    public async Task AJudgementAsksForItsRationaleAndReasonAsItIsMadeAndIsStoredWhenSaved()
    {
        await using var ctx = WorkContext.Create(demo.Database, GridContext.AsOfficer());
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var editor = await RenderAsync(ctx);
        var card = editor.Find("#segment-O1-2");
        card.QuerySelectorAll("label").Any(l => l.QuerySelector(".rag-letter.rag-red")?.TextContent == "R" && l.TextContent.Contains($"Red: {RagStatus.Red.Meaning()}", StringComparison.Ordinal))
            .ShouldBeTrue("the Red choice shows its letter and its meaning as text");

        await Radio(editor, "judged-O1-2", "Red").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Find("#rationale-error-O1-2").TextContent.ShouldBe(
            "A rationale is required: the judged rating (Red) differs from the suggested rating (Green)."));
        editor.Find("#reason-error-O1-2").TextContent.ShouldBe("2019/20 Q2 is published: give the reason for changing the judgement of O1.2.");
        await editor.Find("#rationale-O1-2").InputAsync(new() { Value = "Housing completions have stalled since the summer." });
        await editor.Find("#reason-O1-2").InputAsync(new() { Value = "Agreed by the performance board" });
        editor.FindAll("#rationale-error-O1-2, #reason-error-O1-2").ShouldBeEmpty();
        await DirectorsReviewTests.Button(editor.Find(".assessment-actions"), "Save judgements (1 changed)").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("1 judgement saved."));
        var stored = (await StoredAsync("O1.2"))!;
        (stored.JudgedRag, stored.Rationale, stored.UpdatedBy).ShouldBe((RagStatus.Red, "Housing completions have stalled since the summer.", GridContext.Officer));
    }

    [Fact]
    public async Task ASegmentSomeoneElseJudgedSinceIsRefusedByNameAndKeepsTheirJudgement()
    {
        await using var ctx = WorkContext.Create(demo.Database, GridContext.AsOfficer());
        ctx.Render<MudSnackbarProvider>();
        var editor = await RenderAsync(ctx);
        var theirs = await Assessments().SaveAsync(Quarter, [new AssessmentInput("O1.3", "Red", "Their rationale.", null, "Their reason", null)], "admin@demo.council");
        theirs.ShouldHaveSingleItem().Saved.ShouldBeTrue();

        await Radio(editor, "judged-O1-3", "Amber").ClickAsync(new());
        await editor.Find("#rationale-O1-3").InputAsync(new() { Value = "My rationale." });
        await editor.Find("#reason-O1-3").InputAsync(new() { Value = "My reason" });
        await DirectorsReviewTests.Button(editor.Find(".assessment-actions"), "Save judgements (1 changed)").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Find(".assessment-problems").TextContent.ShouldContain(
            "O1.3 " + Title(editor, "O1.3") + ": admin@demo.council judged it Red since you opened this page."));
        editor.Find("#rationale-O1-3").GetAttribute("value").ShouldBe("My rationale.");
        var stored = (await StoredAsync("O1.3"))!;
        (stored.JudgedRag, stored.Rationale).ShouldBe((RagStatus.Red, "Their rationale."));
    }

    private async Task<IRenderedComponent<AssessmentsEditor>> RenderAsync(BunitContext ctx)
    {
        var sheet = await Assessments().SheetAsync(Quarter);
        return ctx.Render<AssessmentsEditor>(p => p.Add(e => e.Sheet, sheet));
    }

    private static AngleSharp.Dom.IElement Radio(IRenderedComponent<AssessmentsEditor> editor, string name, string value) =>
        editor.Find($"input[type=radio][name='{name}'][data-value='{value}']");

    private static string Title(IRenderedComponent<AssessmentsEditor> editor, string code) =>
        editor.Find($"#segment-{code.Replace('.', '-')} h3").TextContent.Trim()[(code.Length + 1)..];

    private SegmentAssessments Assessments()
    {
        var services = new ServiceCollection();
        services.AddSingleton(demo.Database.Factory());
        services.AddSingleton(TimeProvider.System);
        services.AddPerformanceReading();
        services.AddScoped<SegmentAssessments>();
        return services.BuildServiceProvider().GetRequiredService<SegmentAssessments>();
    }

    private async Task<SegmentAssessment?> StoredAsync(string code)
    {
        await using var db = demo.Database.CreateContext();
        return await db.SegmentAssessments.AsNoTracking().Include(a => a.Segment).FirstOrDefaultAsync(a => a.Segment.Code == code && a.Period == Quarter);
    }
}
