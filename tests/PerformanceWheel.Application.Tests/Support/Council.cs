using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Application.Tests.Support;

/// <summary>The clock the commands read: always the same instant, so two paths can be compared.</summary>
internal sealed class FixedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}

/// <summary>
/// A small council on a real, migrated SQLite file: a plan 2019/20–2022/23 with the ring "Communities" and segment S1,
/// the directorate "Public Health" and the committee P. The commands run on it as the pages and the import run them.
/// </summary>
internal sealed class Council : IAsyncDisposable
{
    public const string Officer = "officer@council.test";
    public const string Directorate = "Public Health";
    public static readonly DateTimeOffset Now = new(2020, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;

    private Council(TestDatabase database) => _database = database;

    /// <summary>The council on <paramref name="on"/> (a database not yet migrated), or on a new SQLite file.</summary>
    public static async Task<Council> CreateAsync(TestDatabase? on = null)
    {
        var database = await (on ?? TestDatabases.CreateSqlite()).MigrateAsync();
        await using (var db = database.CreateContext())
        {
            var plan = new Plan("Council plan", FinancialYear.Parse("2019/20"), FinancialYear.Parse("2022/23"));
            plan.AddGroup("Communities", 1).AddSegment("S1", "Safe streets", null, 1);
            db.Plans.Add(plan);
            db.Directorates.Add(new Directorate(Directorate));
            db.Committees.Add(new Committee("P", "People"));
            await db.SaveChangesAsync();
        }

        return new Council(database);
    }

    public PerformanceWheelDbContext Context() => _database.CreateContext();

    /// <summary>Contexts of the council's database, as the services' factory gives them; with interceptors, to make a save fail.</summary>
    public IDbContextFactory<PerformanceWheelDbContext> Contexts(params IInterceptor[] interceptors) =>
        interceptors.Length == 0 ? _database.Factory() : new InterceptedContexts(_database, interceptors);

    private sealed class InterceptedContexts(TestDatabase database, IInterceptor[] interceptors) : IDbContextFactory<PerformanceWheelDbContext>
    {
        public PerformanceWheelDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<PerformanceWheelDbContext>(DatabaseSetup.BuildOptions(database.Options)).AddInterceptors(interceptors).Options);
    }

    /// <summary>Saves a measure as the measure form does, on a context of its own (as a page request has).</summary>
    public async Task<ChangeResult> SaveMeasureAsync(int? id, MeasureDraft draft)
    {
        return await new MeasureCommands(_database.Factory(), new FixedClock(Now)).SaveAsync(id, draft, Officer);
    }

    /// <summary>Sets a target as the targets form does, on a context of its own.</summary>
    public async Task<ChangeResult> SetTargetAsync(int measureId, TargetDraft draft)
    {
        return await new TargetCommands(_database.Factory(), new FixedClock(Now)).SetAsync(measureId, draft, Officer);
    }

    /// <summary>Runs any framework command on a context of its own, with the council's clock.</summary>
    public Task<ChangeResult> RunAsync<TCommand>(Func<IDbContextFactory<PerformanceWheelDbContext>, TimeProvider, TCommand> create, Func<TCommand, Task<ChangeResult>> command) =>
        command(create(_database.Factory(), new FixedClock(Now)));

    public Task<ImportReport> ImportAsync(TestWorkbook workbook, bool isAdmin = true)
    {
        var importer = new WorkbookImporter(_database.Factory(), new FixedClock(Now), Options.Create(new ImportOptions()), NullLogger<WorkbookImporter>.Instance);
        using var stream = new MemoryStream(workbook.Bytes());
        return importer.ImportAsync(stream, new ImportRequest(Officer, isAdmin, FileName: "framework.xlsx"));
    }


    public async Task<int> DirectorateIdAsync()
    {
        await using var db = Context();
        return await db.Directorates.Where(d => d.Name == Directorate).Select(d => d.Id).SingleAsync();
    }

    public async Task<int> SegmentIdAsync()
    {
        await using var db = Context();
        return await db.Segments.Where(s => s.Code == "S1").Select(s => s.Id).SingleAsync();
    }

    public async Task<int> CommitteeIdAsync()
    {
        await using var db = Context();
        return await db.Committees.Where(c => c.Code == "P").Select(c => c.Id).SingleAsync();
    }

    public async Task<int> MeasureIdAsync(string code)
    {
        await using var db = Context();
        return await db.Measures.Where(m => m.Code == code).Select(m => m.Id).SingleAsync();
    }

    /// <summary>The measure as stored, read back whole from a fresh context.</summary>
    public async Task<Measure?> MeasureAsync(string code)
    {
        await using var db = Context();
        return await db.Measures.AsNoTracking().Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Committees)
            .Include(m => m.Benchmarks).Include(m => m.Targets).AsSplitQuery().SingleOrDefaultAsync(m => m.Code == code);
    }

    /// <summary>The audit entries about one thing, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string entityType, string key)
    {
        await using var db = Context();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
