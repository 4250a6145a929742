using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Storage;

/// <summary>
/// Figures written in bulk (the import's writes) read back exactly as written: every column holds its own value. The
/// texts and times of a figure differ from each other (who entered it, who wrote the commentary, who moved it last, and
/// when), so a column given another column's value, or a column left out, shows.
/// </summary>
public abstract class BulkWriteTests(DatabaseFixture fixture)
{
    private static readonly ReportingPeriod September = ReportingPeriod.Parse("Sep-19");
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("Oct-19");

    public virtual async Task NewFiguresReadBackWithEveryColumnAsWritten()
    {
        var measure = await fixture.Database.SavedAsync(Arrange.Measure());
        var worked = Worked(measure.NewOutturn(September));
        var missing = measure.NewOutturn(October);
        missing.Record(null, OutturnStatus.NotAvailable, false, null, "officer.b", Arrange.Monday);

        await WriteAsync(db => OutturnBulkWrites.InsertAsync(db, [worked, missing], CancellationToken.None));

        await using var read = fixture.Database.CreateContext();
        var stored = await read.Outturns.Where(o => o.MeasureId == measure.Id).ToListAsync();
        ShouldMatch(stored.Single(o => o.Period == September), worked);
        ShouldMatch(stored.Single(o => o.Period == October), missing);
    }

    public virtual async Task ChangedFiguresReadBackWithEveryColumnAsWrittenAndAStaleOneIsRefused()
    {
        var measure = Arrange.Measure();
        var first = measure.NewOutturn(September);
        first.Record(10m, null, false, null, "officer.a", Arrange.Monday);
        var second = measure.NewOutturn(October);
        second.Record(20m, null, false, null, "officer.a", Arrange.Monday);
        await using (var save = fixture.Database.CreateContext())
        {
            save.AddRange(first, second);
            await save.SaveChangesAsync();
        }

        await using (var db = fixture.Database.CreateContext())
        {
            var changed = await db.Outturns.Include(o => o.Measure).AsNoTracking().SingleAsync(o => o.Id == first.Id);
            var version = changed.Version;
            Worked(changed);
            await WriteAsync(writer => OutturnBulkWrites.UpdateAsync(writer, [new ChangedOutturn(changed, version)], CancellationToken.None));

            await using var read = fixture.Database.CreateContext();
            ShouldMatch(await read.Outturns.SingleAsync(o => o.Id == first.Id), changed);
        }

        await using (var db = fixture.Database.CreateContext())
        {
            var stale = await db.Outturns.Include(o => o.Measure).AsNoTracking().SingleAsync(o => o.Id == second.Id);
            var staleVersion = stale.Version - 1;
            stale.Record(30m, null, false, null, "officer.c", Arrange.Monday.AddDays(1));
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() =>
                WriteAsync(writer => OutturnBulkWrites.UpdateAsync(writer, [new ChangedOutturn(stale, staleVersion)], CancellationToken.None)));

            await using var read = fixture.Database.CreateContext();
            (await read.Outturns.SingleAsync(o => o.Id == second.Id)).Value.ShouldBe(20m);
        }
    }

    public virtual async Task RevisionsReadBackWithEveryColumnAsWritten()
    {
        var measure = Arrange.Measure();
        var outturn = measure.NewOutturn(September);
        outturn.Record(10m, null, false, null, "officer.a", Arrange.Monday);
        await fixture.Database.SavedAsync(outturn);
        outturn.Record(null, OutturnStatus.Tbc, false, null, "officer.b", Arrange.Monday.AddHours(1));
        var revision = new OutturnRevision(outturn, 10m, null, RevisionKind.Import, "import", "importer", Arrange.Monday.AddHours(2));

        await WriteAsync(db => OutturnBulkWrites.InsertAsync(db, [revision], CancellationToken.None));

        await using var read = fixture.Database.CreateContext();
        var stored = await read.OutturnRevisions.SingleAsync(r => r.OutturnId == outturn.Id);
        (stored.Period, stored.OldValue, stored.OldStatus, stored.NewValue, stored.NewStatus).ShouldBe((September, (decimal?)10m, (OutturnStatus?)null, (decimal?)null, (OutturnStatus?)OutturnStatus.Tbc));
        (stored.Kind, stored.Reason, stored.ChangedBy, stored.ChangedAt).ShouldBe((RevisionKind.Import, "import", "importer", Arrange.Monday.AddHours(2)));
    }

    /// <summary>A figure whose authors and times all differ: entered by one person, commented by a second, submitted by a third.</summary>
    private static Outturn Worked(Outturn outturn)
    {
        outturn.Record(84.8m, null, true, "First words", "officer.entered", Arrange.Monday);
        outturn.Record(84.9m, null, true, "Revised words", "officer.commented", Arrange.Monday.AddHours(1));
        outturn.MoveTo(WorkflowState.Submitted, "officer.submitted", Arrange.Monday.AddHours(2));
        return outturn;
    }

    private async Task WriteAsync(Func<PerformanceWheelDbContext, Task> write)
    {
        await using var db = fixture.Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await write(db);
        await transaction.CommitAsync();
    }

    private static void ShouldMatch(Outturn stored, Outturn written)
    {
        stored.ShouldSatisfyAllConditions(
            () => stored.Period.ShouldBe(written.Period),
            () => stored.Value.ShouldBe(written.Value),
            () => stored.Status.ShouldBe(written.Status),
            () => stored.IsProvisional.ShouldBe(written.IsProvisional),
            () => stored.Commentary.ShouldBe(written.Commentary),
            () => stored.State.ShouldBe(written.State),
            () => stored.EnteredBy.ShouldBe(written.EnteredBy),
            () => stored.CommentaryBy.ShouldBe(written.CommentaryBy),
            () => stored.CommentaryAt.ShouldBe(written.CommentaryAt),
            () => stored.UpdatedBy.ShouldBe(written.UpdatedBy),
            () => stored.UpdatedAt.ShouldBe(written.UpdatedAt),
            () => stored.Version.ShouldBe(written.Version));
    }
}

public sealed class BulkWritesOnSqlite(SqliteFixture fixture) : BulkWriteTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task NewFiguresReadBackWithEveryColumnAsWritten() => base.NewFiguresReadBackWithEveryColumnAsWritten();

    [Fact]
    public override Task ChangedFiguresReadBackWithEveryColumnAsWrittenAndAStaleOneIsRefused() =>
        base.ChangedFiguresReadBackWithEveryColumnAsWrittenAndAStaleOneIsRefused();

    [Fact]
    public override Task RevisionsReadBackWithEveryColumnAsWritten() => base.RevisionsReadBackWithEveryColumnAsWritten();
}

public sealed class BulkWritesOnPostgreSql(PostgreSqlFixture fixture) : BulkWriteTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task NewFiguresReadBackWithEveryColumnAsWritten() => base.NewFiguresReadBackWithEveryColumnAsWritten();

    [PostgreSqlFact]
    public override Task ChangedFiguresReadBackWithEveryColumnAsWrittenAndAStaleOneIsRefused() =>
        base.ChangedFiguresReadBackWithEveryColumnAsWrittenAndAStaleOneIsRefused();

    [PostgreSqlFact]
    public override Task RevisionsReadBackWithEveryColumnAsWritten() => base.RevisionsReadBackWithEveryColumnAsWritten();
}

public sealed class BulkWritesOnSqlServer(SqlServerFixture fixture) : BulkWriteTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task NewFiguresReadBackWithEveryColumnAsWritten() => base.NewFiguresReadBackWithEveryColumnAsWritten();

    [SqlServerFact]
    public override Task ChangedFiguresReadBackWithEveryColumnAsWrittenAndAStaleOneIsRefused() =>
        base.ChangedFiguresReadBackWithEveryColumnAsWrittenAndAStaleOneIsRefused();

    [SqlServerFact]
    public override Task RevisionsReadBackWithEveryColumnAsWritten() => base.RevisionsReadBackWithEveryColumnAsWritten();
}
