using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>
/// Someone changes the same figures between the check and the write (simulated inside the import's own transaction,
/// right after its framework changes are saved): the import answers with the conflict and writes nothing at all. A
/// failure that is no such clash (here a trigger refusing the figures) is logged and raised, never reported as one.
/// </summary>
public sealed class ConcurrentChangesDuringImport
{
    private const string Conflict = "Someone changed the same figures or measures while the workbook was being imported, so nothing was written. Check the workbook again and import it.";

    [Fact]
    public Task AFigureChangedMeanwhileRollsTheWholeImportBackOnSqlite() => ChangedMeanwhileAsync(TestDatabases.CreateSqlite());

    [PostgreSqlFact]
    public async Task AFigureChangedMeanwhileRollsTheWholeImportBackOnPostgreSql() => await ChangedMeanwhileAsync(await TestDatabases.CreatePostgreSqlAsync());

    [Fact]
    public Task AFigureAddedMeanwhileRollsTheWholeImportBackOnSqlite() => AddedMeanwhileAsync(TestDatabases.CreateSqlite());

    [PostgreSqlFact]
    public async Task AFigureAddedMeanwhileRollsTheWholeImportBackOnPostgreSql() => await AddedMeanwhileAsync(await TestDatabases.CreatePostgreSqlAsync());

    [Fact]
    public Task AFailureThatIsNoClashIsLoggedAndRaisedOnSqlite() => NotAClashAsync(TestDatabases.CreateSqlite(),
        """CREATE TRIGGER "Refuse" BEFORE INSERT ON "Outturns" BEGIN SELECT RAISE(ABORT, 'the disk is full'); END""");

    [PostgreSqlFact]
    public async Task AFailureThatIsNoClashIsLoggedAndRaisedOnPostgreSql() => await NotAClashAsync(await TestDatabases.CreatePostgreSqlAsync(),
        """
        CREATE FUNCTION "Refuse"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the disk is full'; END $$;
        CREATE TRIGGER "Refuse" BEFORE INSERT ON "Outturns" FOR EACH ROW EXECUTE FUNCTION "Refuse"();
        """);

    private static async Task NotAClashAsync(TestDatabase empty, string refuseFigures)
    {
        await using var database = await Samples.DemoCouncilAsync(empty);
        var before = await DatabaseState.OfAsync(database);
        var log = new RecordingLogger();

        var failure = await Should.ThrowAsync<DbUpdateException>(() => ImportAsync(database, Samples.Good("CA").Bytes(), refuseFigures, rows: null, log));

        failure.ShouldNotBeOfType<DbUpdateConcurrencyException>();
        failure.ToString().ShouldContain("the disk is full");
        log.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Exception == failure);
        (await DatabaseState.OfAsync(database)).ShouldBe(before);
    }

    private static async Task ChangedMeanwhileAsync(TestDatabase empty)
    {
        await using var database = await Samples.DemoCouncilAsync(empty);
        (await Samples.ImportAsync(database, Samples.Good("CC").Bytes(), Samples.Admin())).Applied.ShouldBeTrue();
        var before = await DatabaseState.OfAsync(database);

        // A new measure (written by SaveChanges) and a changed figure (written after it) in one workbook.
        var workbook = Samples.Good("CC", p =>
        {
            p.Measures!.Add(TestWorkbook.Row("CC-NEW", "New meanwhile", "Public Health", null, "Higher is better", "number", "Annual", null, 0, "Absolute", 0, null, null, null));
            p.Outturns![1][2] = 90.5;
        });
        var report = await ImportAsync(database, workbook.Bytes(),
            """UPDATE "Outturns" SET "Version" = "Version" + 1 WHERE "MeasureId" = (SELECT "Id" FROM "Measures" WHERE "Code" = 'CC-PCT')""");

        report.Applied.ShouldBeFalse();
        report.Errors.ShouldHaveSingleItem().Message.ShouldBe(Conflict);
        (await DatabaseState.OfAsync(database)).ShouldBe(before);
    }

    private static async Task AddedMeanwhileAsync(TestDatabase empty)
    {
        await using var database = await Samples.DemoCouncilAsync(empty);
        var before = await DatabaseState.OfAsync(database);

        var report = await ImportAsync(database, Samples.Good("CA").Bytes(),
            """
            INSERT INTO "Outturns" ("MeasureId", "Period", "Value", "IsProvisional", "State", "UpdatedBy", "UpdatedAt", "Version")
            SELECT "Id", '2019-09', 1, FALSE, 'Draft', 'someone', '2026-01-01 00:00:00+00:00', 1 FROM "Measures" WHERE "Code" = 'CA-MON'
            """);

        report.Applied.ShouldBeFalse();
        report.Errors.ShouldHaveSingleItem().Message.ShouldBe(Conflict);
        (await DatabaseState.OfAsync(database)).ShouldBe(before);
    }

    /// <summary>
    /// Imports as an Admin; once the import's SaveChanges is done, runs <paramref name="meanwhile"/> in its transaction
    /// (which must change that many <paramref name="rows"/>, when given).
    /// </summary>
    private static async Task<ImportReport> ImportAsync(TestDatabase database, byte[] workbook, string meanwhile, int? rows = 1, ILogger<WorkbookImporter>? log = null)
    {
        var options = new DbContextOptionsBuilder<PerformanceWheelDbContext>();
        options.UseConfiguredDatabase(database.Options).AddInterceptors(new Meanwhile(meanwhile, rows));
        var importer = new WorkbookImporter(new Contexts(options.Options), TimeProvider.System, Options.Create(new ImportOptions()), log ?? new RecordingLogger());
        using var stream = new MemoryStream(workbook);
        return await importer.ImportAsync(stream, Samples.Admin());
    }

    private sealed class Contexts(DbContextOptions<PerformanceWheelDbContext> options) : IDbContextFactory<PerformanceWheelDbContext>
    {
        public PerformanceWheelDbContext CreateDbContext() => new(options);
    }

    private sealed class Meanwhile(string sql, int? rows) : SaveChangesInterceptor
    {
        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            var db = eventData.Context!.Database;
            await using DbCommand command = db.GetDbConnection().CreateCommand();
            command.Transaction = db.CurrentTransaction!.GetDbTransaction();
#pragma warning disable CA2100 // fixed SQL from the test
            command.CommandText = sql;
#pragma warning restore CA2100
            var changed = await command.ExecuteNonQueryAsync(cancellationToken);
            if (rows is { } expected)
            {
                changed.ShouldBe(expected);
            }

            return result;
        }
    }

    private sealed class RecordingLogger : ILogger<WorkbookImporter>
    {
        public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, exception));
    }
}
