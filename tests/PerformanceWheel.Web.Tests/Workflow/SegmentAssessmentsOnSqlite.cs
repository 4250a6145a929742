using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>
/// Judging segments on the demo council's Business Plan 2019–22: a rationale when the judgement differs from the
/// suggestion, conflicts, audit, and the rule for published quarters (a change needs a reason; councillors see a
/// judgement only once its quarter is published). Each test judges its own segments, so the order does not matter.
/// </summary>
public sealed class SegmentAssessmentsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly ReportingPeriod Published = ReportingPeriod.Parse("2019/20 Q2");
    private const string Officer = "officer@demo.council";

    // 2019/20 Q2 is published in the demo council, so every change carries a reason here.
    [Theory]
    [InlineData("O1.2", "Green", null, true)]
    [InlineData("O2.1", "", "Kept as suggested, with a note", true)]
    [InlineData("O2.2", "Red", null, false)]
    [InlineData("O2.3", "Red", "Flooding recovery is behind plan", true)]
    public async Task ARationaleIsRequiredOnlyWhenTheJudgementDiffersFromTheSuggestion(string segment, string judged, string? rationale, bool saved)
    {
        var suggested = (await SheetAsync(Published)).Row(segment)!.Line.Suggested;
        suggested.ShouldBe(RagStatus.Green, "these segments are suggested Green in 2019/20 Q2");

        var outcome = (await SaveAsync(Published, new AssessmentInput(segment, judged, rationale, null, "Reviewed at the performance board", null))).ShouldHaveSingleItem();

        outcome.Saved.ShouldBe(saved);
        if (!saved)
        {
            outcome.Field.ShouldBe("Rationale");
            outcome.Message.ShouldBe("A rationale is required: the judged rating (Red) differs from the suggested rating (Green).");
            (await SheetAsync(Published)).Row(segment)!.Assessment.ShouldBeNull();
        }
    }

    [Fact]
    public async Task AStaleSaveIsRefusedNamingTheOtherJudgementAndTheFirstIsKept()
    {
        var first = await SaveAsAsync("first@demo.council", Published, new AssessmentInput("O1.3", "Red", "Projects slipping", "Declining", "Board review", null));
        var second = await SaveAsAsync("second@demo.council", Published, new AssessmentInput("O1.3", "Green", "Looks fine", null, "Board review", null));

        first.ShouldHaveSingleItem().Saved.ShouldBeTrue();
        var conflict = second.ShouldHaveSingleItem();
        conflict.Saved.ShouldBeFalse();
        conflict.Field.ShouldBe("Judged");
        conflict.Message.ShouldBe("first@demo.council judged it Red, declining since you opened this page. Your choices are kept below: save again to replace theirs.");
        var kept = (await SheetAsync(Published)).Row("O1.3")!.Assessment!;
        (kept.JudgedRag, kept.Rationale, kept.UpdatedBy).ShouldBe((RagStatus.Red, "Projects slipping", "first@demo.council"));

        // Saving again from the current version replaces it.
        var again = await SaveAsAsync("second@demo.council", Published, new AssessmentInput("O1.3", "Green", "Looks fine", null, "Board review", kept.Version));
        again.ShouldHaveSingleItem().Saved.ShouldBeTrue();
    }

    [Fact]
    public async Task APublishedQuartersJudgementChangesOnlyWithAReasonAndIsAuditedAsACorrection()
    {
        var sheet = await SheetAsync(Published);
        sheet.IsPublished.ShouldBeTrue();

        var refused = (await SaveAsync(Published, new AssessmentInput("O1.4", "Red", "Two projects are Red", "Declining", "  ", null))).ShouldHaveSingleItem();
        refused.Field.ShouldBe("Reason");
        refused.Message.ShouldBe("2019/20 Q2 is published: give the reason for changing the judgement of O1.4.");

        (await SaveAsync(Published, new AssessmentInput("O1.4", "Red", "Two projects are Red", "Declining", "Agreed at Cabinet on 5 November", null)))
            .ShouldHaveSingleItem().Saved.ShouldBeTrue();

        var audit = await QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == SegmentAssessments.AuditType && a.EntityKey == "2019/20 Q2 O1.4"));
        (audit.Action, audit.User).ShouldBe(("Corrected", Officer));
        audit.Changes.ShouldBe("Judged: suggestion → Red (suggested Amber); Rationale: none → Two projects are Red; Direction: suggested → Declining; Reason: Agreed at Cabinet on 5 November");
    }

    [Fact]
    public async Task BeforePublicationNoReasonIsNeededAndCouncillorsSeeTheJudgementOnlyOncePublished()
    {
        var q3 = ReportingPeriod.Parse("2019/20 Q3");
        (await SheetAsync(q3)).IsPublished.ShouldBeFalse();

        (await SaveAsync(q3, new AssessmentInput("O4.1", "Amber", "Early signs of pressure", null, null, null))).ShouldHaveSingleItem().Saved.ShouldBeTrue();
        var audit = await QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityKey == "2019/20 Q3 O4.1"));
        audit.Action.ShouldBe("Judged");
        audit.Changes.ShouldBe("Judged: suggestion → Amber (suggested none); Rationale: none → Early signs of pressure");

        (await SegmentAsync(q3, "O4.1", publishedOnly: false)).Judged.ShouldBe(RagStatus.Amber);
        (await SegmentAsync(q3, "O4.1", publishedOnly: true)).Judged.ShouldBeNull();
        (await SegmentAsync(q3, "O4.1", publishedOnly: true)).Rationale.ShouldBeNull();

        // One figure of the quarter is entered, approved and published: the quarter is published.
        await WithAsync<OutturnWorkflow, object?>(async w =>
        {
            (await w.SaveAsync("Public Health", [new EntryInput("PH-HV-01", "2019/20 Q3", "91.5", null, false, null, null)], Officer)).ShouldHaveSingleItem().Saved.ShouldBeTrue();
            await w.SubmitAsync("Public Health", q3, Officer);
            await w.ApproveAsync("Public Health", q3, "director@demo.council");
            (await w.PublishAsync(q3, "admin@demo.council", partOfQuarter: true)).Published.ShouldBe(1);
            return null;
        });

        (await SegmentAsync(q3, "O4.1", publishedOnly: true)).Judged.ShouldBe(RagStatus.Amber);
        (await SegmentAsync(q3, "O4.1", publishedOnly: true)).Rationale.ShouldBe("Early signs of pressure");
        (await SheetAsync(q3)).IsPublished.ShouldBeTrue();
        (await SaveAsync(q3, new AssessmentInput("O4.1", "Red", "Worse than thought", null, null, 1))).ShouldHaveSingleItem().Field.ShouldBe("Reason");
    }

    [Fact]
    public async Task ABadRowSaysWhyWithoutStoppingTheOthers()
    {
        var outcomes = await SaveAsync(Published,
            new AssessmentInput("O3.1", "Purple", null, null, "Board review", null),
            new AssessmentInput("O3.2", null, "A note on progress", "Sideways", "Board review", null),
            new AssessmentInput("NOPE", "Red", "x", null, "Board review", null),
            new AssessmentInput("O3.3", null, null, "Improving", "Board review", null));

        outcomes.Select(o => (o.SegmentCode, o.Saved, o.Field)).ShouldBe(
            [("O3.1", false, "Judged"), ("O3.2", false, "Direction"), ("NOPE", false, "Judged"), ("O3.3", true, null)]);
        outcomes[0].Message.ShouldBe("'Purple' is not a rating; choose Green, Amber, Red or the suggestion.");
        outcomes[1].Message.ShouldBe("'Sideways' is not a direction; choose Improving, Steady, Declining or the suggestion.");
        outcomes[2].Message.ShouldBe("NOPE is not a segment of the plan for 2019/20 Q2.");
        (await SegmentAsync(Published, "O3.3", publishedOnly: true)).Direction.ShouldBe(Direction.Improving);
    }

    [Fact]
    public async Task TheSheetListsEverySegmentOfThePlanWithTheCountsBehindItsSuggestion()
    {
        var sheet = await SheetAsync(Published);

        sheet.PlanName.ShouldBe("Business Plan 2019–22");
        sheet.Rows.Select(r => r.Code).ShouldBe(sheet.Groups.SelectMany(g => g.Segments).Select(s => s.Code));
        sheet.Rows.Count.ShouldBe(19);
        var o11 = sheet.Row("O1.1")!.Line;
        (o11.Measures.Amber, o11.Measures.Red, o11.Measures.NotRated, o11.Projects.Green, o11.Projects.Amber).ShouldBe((1, 1, 1, 2, 1));
        o11.Suggested.ShouldBe(RagStatus.Amber);
    }

    [Fact]
    public async Task ARowLeftAsItWasIsNotSaved()
    {
        (await SaveAsync(Published, new AssessmentInput("CH1", null, null, null, "Board review", null))).ShouldHaveSingleItem().Saved.ShouldBeFalse();
        (await SaveAsync(Published, new AssessmentInput("CH1", null, null, null, "Board review", null))).ShouldHaveSingleItem().Failed.ShouldBeFalse();
        (await QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityKey == "2019/20 Q2 CH1"))).ShouldBe(0);
    }

    private Task<AssessmentSheet> SheetAsync(ReportingPeriod quarter) => WithAsync<SegmentAssessments, AssessmentSheet>(s => s.SheetAsync(quarter));

    private Task<IReadOnlyList<AssessmentOutcome>> SaveAsync(ReportingPeriod quarter, params AssessmentInput[] inputs) => SaveAsAsync(Officer, quarter, inputs);

    private Task<IReadOnlyList<AssessmentOutcome>> SaveAsAsync(string user, ReportingPeriod quarter, params AssessmentInput[] inputs) =>
        WithAsync<SegmentAssessments, IReadOnlyList<AssessmentOutcome>>(s => s.SaveAsync(quarter, inputs, user));

    private async Task<SegmentLine> SegmentAsync(ReportingPeriod quarter, string code, bool publishedOnly)
    {
        var evaluation = await WithAsync<PerformanceReader, PeriodEvaluation>(r => r.EvaluateAsync(quarter, publishedOnly ? FigureScope.Published : FigureScope.Everything));
        return evaluation.Groups.SelectMany(g => g.Segments).Single(s => s.Code == code);
    }

    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<T> QueryAsync<T>(Func<PerformanceWheelDbContext, Task<T>> query) => WithAsync(query);
}
