using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Concurrency;

/// <summary>Two people editing the same figure: the second save, made on a stale copy, is refused and loses nothing.</summary>
public abstract class OptimisticConcurrencyTests(DatabaseFixture fixture)
{
    private static readonly ReportingPeriod September = ReportingPeriod.Parse("Sep-19");

    public virtual async Task ASecondSaveOfAStaleOutturnIsRefusedAndTheFirstValueStays()
    {
        var database = fixture.Database;
        var outturn = Arrange.Measure().NewOutturn(September);
        outturn.Record(80m, null, false, null, "analyst", Arrange.Monday);
        await database.SavedAsync(outturn);

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstCopy = await first.Outturns.Include(o => o.Measure).SingleAsync(o => o.Id == outturn.Id);
        var secondCopy = await second.Outturns.Include(o => o.Measure).SingleAsync(o => o.Id == outturn.Id);
        firstCopy.Record(81.5m, null, false, "First", "first.user", Arrange.Monday.AddHours(1));
        secondCopy.Record(99m, null, false, "Second", "second.user", Arrange.Monday.AddHours(2));

        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = database.CreateContext();
        var stored = await read.Outturns.SingleAsync(o => o.Id == outturn.Id);
        stored.Value.ShouldBe(81.5m);
        stored.Commentary.ShouldBe("First");
        stored.UpdatedBy.ShouldBe("first.user");
        stored.Version.ShouldBe(2);
    }

    public virtual async Task ASecondSaveOfAStaleSegmentAssessmentIsRefusedAndTheFirstJudgementStays()
    {
        var database = fixture.Database;
        var assessment = new SegmentAssessment(Arrange.Segment(), ReportingPeriod.Parse("2019/20 Q2"));
        assessment.Suggest(RagStatus.Amber);
        assessment.Judge(null, null, Direction.Steady, "lead", Arrange.Monday);
        await database.SavedAsync(assessment);

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstCopy = await first.SegmentAssessments.SingleAsync(a => a.Id == assessment.Id);
        var secondCopy = await second.SegmentAssessments.SingleAsync(a => a.Id == assessment.Id);
        firstCopy.Judge(RagStatus.Red, "Worse than it looks.", Direction.Declining, "first.user", Arrange.Monday.AddHours(1));
        secondCopy.Judge(RagStatus.Green, "Better than it looks.", Direction.Improving, "second.user", Arrange.Monday.AddHours(2));

        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = database.CreateContext();
        var stored = await read.SegmentAssessments.SingleAsync(a => a.Id == assessment.Id);
        stored.JudgedRag.ShouldBe(RagStatus.Red);
        stored.Rationale.ShouldBe("Worse than it looks.");
        stored.Direction.ShouldBe(Direction.Declining);
        stored.UpdatedBy.ShouldBe("first.user");
        stored.Version.ShouldBe(2);
    }
}

public sealed class OptimisticConcurrencyOnSqlite(SqliteFixture fixture) : OptimisticConcurrencyTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task ASecondSaveOfAStaleOutturnIsRefusedAndTheFirstValueStays() => base.ASecondSaveOfAStaleOutturnIsRefusedAndTheFirstValueStays();

    [Fact]
    public override Task ASecondSaveOfAStaleSegmentAssessmentIsRefusedAndTheFirstJudgementStays() =>
        base.ASecondSaveOfAStaleSegmentAssessmentIsRefusedAndTheFirstJudgementStays();
}

public sealed class OptimisticConcurrencyOnPostgreSql(PostgreSqlFixture fixture) : OptimisticConcurrencyTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task ASecondSaveOfAStaleOutturnIsRefusedAndTheFirstValueStays() => base.ASecondSaveOfAStaleOutturnIsRefusedAndTheFirstValueStays();

    [PostgreSqlFact]
    public override Task ASecondSaveOfAStaleSegmentAssessmentIsRefusedAndTheFirstJudgementStays() =>
        base.ASecondSaveOfAStaleSegmentAssessmentIsRefusedAndTheFirstJudgementStays();
}

public sealed class OptimisticConcurrencyOnSqlServer(SqlServerFixture fixture) : OptimisticConcurrencyTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task ASecondSaveOfAStaleOutturnIsRefusedAndTheFirstValueStays() => base.ASecondSaveOfAStaleOutturnIsRefusedAndTheFirstValueStays();

    [SqlServerFact]
    public override Task ASecondSaveOfAStaleSegmentAssessmentIsRefusedAndTheFirstJudgementStays() =>
        base.ASecondSaveOfAStaleSegmentAssessmentIsRefusedAndTheFirstJudgementStays();
}
