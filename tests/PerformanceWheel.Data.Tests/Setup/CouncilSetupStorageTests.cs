using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Setup;

/// <summary>What a council sets up for itself, as stored: a retired plan, and rating scheme changes by financial year.</summary>
public abstract class CouncilSetupStorageTests(DatabaseFixture fixture)
{
    public virtual async Task SchemeChangesReadBackByYearAndALaterChangeIsReplacedByAnEarlierOne()
    {
        var database = fixture.Database;
        var council = await database.SavedAsync(new CouncilSettings(Arrange.Unique("Council")));
        await using (var context = database.CreateContext())
        {
            var stored = await context.CouncilSettings.SingleAsync(c => c.Id == council.Id);
            stored.ChangeSchemeFrom(FinancialYear.Parse("2026/27"), 5m, false, SegmentRatingMethod.Majority, "admin@council", Arrange.Monday);
            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            var stored = await context.CouncilSettings.SingleAsync(c => c.Id == council.Id);
            stored.ChangeSchemeFrom(FinancialYear.Parse("2025/26"), 10.5m, true, SegmentRatingMethod.WorstOf, "admin@council", Arrange.Monday.AddDays(1));
            await context.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var history = (await read.CouncilSettings.SingleAsync(c => c.Id == council.Id)).SchemeHistory;
        history.Changes.Select(c => c.From.Label).ShouldBe(["2025/26"]);
        history.For(FinancialYear.Parse("2024/25")).ShouldBe(RagScheme.Default);
        history.For(FinancialYear.Parse("2027/28")).ShouldBe(RagScheme.Create(10.5m, true, SegmentRatingMethod.WorstOf));
        var change = await read.SchemeChanges.SingleAsync(c => EF.Property<int>(c, "CouncilSettingsId") == council.Id);
        (change.ChangedBy, change.ChangedAt, change.BlueExceedsTargetByPercent).ShouldBe(("admin@council", Arrange.Monday.AddDays(1), 10.5m));
    }

    public virtual async Task ARetiredPlanReadsBackRetired()
    {
        var database = fixture.Database;
        var plan = new Plan(Arrange.Unique("Plan"), FinancialYear.Parse("2018/19"), FinancialYear.Parse("2021/22"));
        plan.Retire();
        await database.SavedAsync(plan);

        await using var read = database.CreateContext();
        (await read.Plans.SingleAsync(p => p.Id == plan.Id)).IsRetired.ShouldBeTrue();
    }
}

public sealed class CouncilSetupStorageOnSqlite(SqliteFixture fixture) : CouncilSetupStorageTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task SchemeChangesReadBackByYearAndALaterChangeIsReplacedByAnEarlierOne() => base.SchemeChangesReadBackByYearAndALaterChangeIsReplacedByAnEarlierOne();

    [Fact]
    public override Task ARetiredPlanReadsBackRetired() => base.ARetiredPlanReadsBackRetired();
}

public sealed class CouncilSetupStorageOnPostgreSql(PostgreSqlFixture fixture) : CouncilSetupStorageTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task SchemeChangesReadBackByYearAndALaterChangeIsReplacedByAnEarlierOne() => base.SchemeChangesReadBackByYearAndALaterChangeIsReplacedByAnEarlierOne();

    [PostgreSqlFact]
    public override Task ARetiredPlanReadsBackRetired() => base.ARetiredPlanReadsBackRetired();
}

public sealed class CouncilSetupStorageOnSqlServer(SqlServerFixture fixture) : CouncilSetupStorageTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task SchemeChangesReadBackByYearAndALaterChangeIsReplacedByAnEarlierOne() => base.SchemeChangesReadBackByYearAndALaterChangeIsReplacedByAnEarlierOne();

    [SqlServerFact]
    public override Task ARetiredPlanReadsBackRetired() => base.ARetiredPlanReadsBackRetired();
}
