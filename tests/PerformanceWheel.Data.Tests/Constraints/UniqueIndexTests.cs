using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Constraints;

/// <summary>The database itself refuses a second figure for the same thing and period, whatever the application does.</summary>
public abstract class UniqueIndexTests(DatabaseFixture fixture)
{
    private static readonly ReportingPeriod September = ReportingPeriod.Parse("Sep-19");

    public virtual async Task ASecondOutturnForTheSameMeasureAndPeriodIsRefused()
    {
        var database = fixture.Database;
        var first = Arrange.Measure().NewOutturn(September);
        first.Record(80m, null, false, null, "analyst", Arrange.Monday);
        await database.SavedAsync(first);

        await using var context = database.CreateContext();
        var measure = await context.Measures.SingleAsync(m => m.Id == first.MeasureId);
        var duplicate = measure.NewOutturn(September);
        duplicate.Record(90m, null, false, null, "analyst", Arrange.Monday);
        context.Outturns.Add(duplicate);

        var refused = await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());
        database.ShouldBeUniqueViolation(refused, "Outturns", "MeasureId", "Period");
    }

    public virtual async Task ASecondAssessmentForTheSameSegmentAndPeriodIsRefused()
    {
        var database = fixture.Database;
        var quarter = ReportingPeriod.Parse("2019/20 Q2");
        var first = await database.SavedAsync(new SegmentAssessment(Arrange.Segment(), quarter));

        await using var context = database.CreateContext();
        var segment = await context.Segments.SingleAsync(s => s.Id == first.SegmentId);
        context.SegmentAssessments.Add(new SegmentAssessment(segment, quarter));

        var refused = await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());
        database.ShouldBeUniqueViolation(refused, "SegmentAssessments", "SegmentId", "Period");
    }
}

public sealed class UniqueIndexesOnSqlite(SqliteFixture fixture) : UniqueIndexTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task ASecondOutturnForTheSameMeasureAndPeriodIsRefused() => base.ASecondOutturnForTheSameMeasureAndPeriodIsRefused();

    [Fact]
    public override Task ASecondAssessmentForTheSameSegmentAndPeriodIsRefused() => base.ASecondAssessmentForTheSameSegmentAndPeriodIsRefused();
}

public sealed class UniqueIndexesOnPostgreSql(PostgreSqlFixture fixture) : UniqueIndexTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task ASecondOutturnForTheSameMeasureAndPeriodIsRefused() => base.ASecondOutturnForTheSameMeasureAndPeriodIsRefused();

    [PostgreSqlFact]
    public override Task ASecondAssessmentForTheSameSegmentAndPeriodIsRefused() => base.ASecondAssessmentForTheSameSegmentAndPeriodIsRefused();
}

public sealed class UniqueIndexesOnSqlServer(SqlServerFixture fixture) : UniqueIndexTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task ASecondOutturnForTheSameMeasureAndPeriodIsRefused() => base.ASecondOutturnForTheSameMeasureAndPeriodIsRefused();

    [SqlServerFact]
    public override Task ASecondAssessmentForTheSameSegmentAndPeriodIsRefused() => base.ASecondAssessmentForTheSameSegmentAndPeriodIsRefused();
}
