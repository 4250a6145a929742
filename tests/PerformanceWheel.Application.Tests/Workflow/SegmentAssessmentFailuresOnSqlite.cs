using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Tests.Support;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Application.Tests.Workflow;

/// <summary>
/// Only a clash with another writer (a stale version, the same judgement inserted at the same moment) is told to the
/// person as "someone else judged it"; any other failed save is a fault, which goes on to the error page.
/// </summary>
public sealed class SegmentAssessmentFailuresOnSqlite
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q2");

    [Fact]
    public async Task AFailedSaveThatIsNoClashIsNotReportedAsSomeoneElsesJudgement()
    {
        await using var council = await Council.CreateAsync();
        var failing = council.Contexts(new FailingSave());
        var assessments = new SegmentAssessments(failing, new PerformanceReader(council.Contexts(), new DatabaseFiguresVersion(council.Contexts()), EvaluatedQuarters.Uncached()), new FixedClock(Council.Now));

        var failure = await Should.ThrowAsync<DbUpdateException>(() =>
            assessments.SaveAsync(Quarter, [new AssessmentInput("S1", "Red", "Streets less safe", null, null, null)], Council.Officer));

        failure.Message.ShouldBe("The disk is full.");
        await using var db = council.Context();
        (await db.SegmentAssessments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AJudgementIsSavedOnAContextOfItsOwn()
    {
        await using var council = await Council.CreateAsync();
        var assessments = new SegmentAssessments(council.Contexts(), new PerformanceReader(council.Contexts(), new DatabaseFiguresVersion(council.Contexts()), EvaluatedQuarters.Uncached()), new FixedClock(Council.Now));

        var outcome = (await assessments.SaveAsync(Quarter, [new AssessmentInput("S1", "Red", "Streets less safe", null, null, null)], Council.Officer)).ShouldHaveSingleItem();

        outcome.Saved.ShouldBeTrue(outcome.Message);
        (await assessments.SheetAsync(Quarter)).Row("S1")!.Assessment!.Rationale.ShouldBe("Streets less safe");
    }

    // A save that fails for a reason other than a clash (here, as a full disk would).
    private sealed class FailingSave : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new DbUpdateException("The disk is full.");
    }
}
