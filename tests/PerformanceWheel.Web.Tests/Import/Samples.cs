using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.TestSupport;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>Workbooks for the import tests, on the demo council: a good one with every sheet, and its pieces to break.</summary>
internal static class Samples
{
    public const string Ring = "Safe, vibrant and well-balanced communities";

    public static object?[] SegmentsHeader => Row("Code", "Name", "Group", "Order");

    public static object?[] MeasuresHeader => Row("Code", "Title", "Directorate", "Segment", "Polarity", "Unit", "Frequency", "Aggregation",
        "Tolerance", "Tolerance type", "Steady threshold", "Committees", "Discontinued from", "Description");

    public static object?[] TargetsHeader => Row("Code", "Year", "Target", "Target low", "Target high", "Period");

    public static object?[] OutturnsHeader => Row("Code", "Period", "Value", "Status", "Provisional", "Commentary");

    /// <summary>
    /// A segment {p}S in an existing ring; a quarterly % measure {p}-PCT (target 80, 5% tolerance, committees P and a new one),
    /// a monthly count {p}-MON in a new directorate, and a Within range measure {p}-RNG; their targets and three figures.
    /// </summary>
    public static TestWorkbook Good(string p, Action<Parts>? change = null)
    {
        var parts = new Parts
        {
            Segments = [SegmentsHeader, Row($"{p}S", "Imported segment", Ring, 9)],
            Measures =
            [
                MeasuresHeader,
                Row($"{p}-PCT", "Imported percentage", "Public Health", $"{p}S", "Higher is better", "%", "Quarterly", null, 5, "Percent", 0.5, $"P, {p}C", null, "A % measure"),
                Row($"{p}-MON", "Imported monthly count", $"{p} Directorate", null, "Lower is better", "number", "Monthly", "Average", 2, "Absolute", 0, null, null, null),
                Row($"{p}-RNG", "Imported range", "Public Health", "O3.2", "Within range", "days", "Quarterly", "Snapshot", 0, "Absolute", 0, null, null, null),
            ],
            Targets =
            [
                TargetsHeader,
                Row($"{p}-PCT", "2019/20", 80, null, null, null),
                Row($"{p}-MON", "2019/20", 10, null, null, null),
                Row($"{p}-RNG", "2019/20", null, 5, 10, null),
            ],
            Outturns =
            [
                OutturnsHeader,
                Row($"{p}-PCT", "2019/20 Q2", 84.8, null, "N", "Above target"),
                Row($"{p}-MON", "Sep-19", 9, null, "Y", null),
                Row($"{p}-MON", "Oct-19", null, "TBC", null, "Awaiting the return"),
            ],
        };
        change?.Invoke(parts);
        var workbook = new TestWorkbook();
        foreach (var (name, rows) in parts.Sheets())
        {
            workbook.Sheet(name, [.. rows]);
        }

        return workbook;
    }

    public static WorkbookImporter Importer(TestDatabase database, ImportOptions? options = null) =>
        new(database.Factory(), TimeProvider.System, Options.Create(options ?? new ImportOptions()), NullLogger<WorkbookImporter>.Instance);

    public static async Task<ImportReport> ImportAsync(TestDatabase database, byte[] workbook, ImportRequest request, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(workbook);
        return await Importer(database, options).ImportAsync(stream, request);
    }

    public static ImportRequest Admin(ImportMode? mode = null) => new("admin@demo.council", true, mode, "test.xlsx");

    public static ImportRequest Officer(ImportMode? mode = null) => new("officer@demo.council", false, mode, "test.xlsx");

    public static async Task<TestDatabase> DemoCouncilAsync(TestDatabase database)
    {
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        await new DemoCouncilLoader(db).LoadAsync();
        return database;
    }

    /// <summary>The sheets of a sample workbook, each a header row and data rows; null removes a sheet.</summary>
    public sealed class Parts
    {
        public List<object?[]>? Segments { get; set; }

        public List<object?[]>? Measures { get; set; }

        public List<object?[]>? Targets { get; set; }

        public List<object?[]>? Outturns { get; set; }

        public List<(string Name, List<object?[]> Rows)> Extra { get; } = [];

        public IEnumerable<(string Name, List<object?[]> Rows)> Sheets()
        {
            if (Segments is not null)
            {
                yield return ("Segments", Segments);
            }

            if (Measures is not null)
            {
                yield return ("Measures", Measures);
            }

            if (Targets is not null)
            {
                yield return ("Targets", Targets);
            }

            if (Outturns is not null)
            {
                yield return ("Outturns", Outturns);
            }

            foreach (var extra in Extra)
            {
                yield return extra;
            }
        }
    }
}

/// <summary>The demo council on one SQLite file, shared by a test class (each test uses its own codes).</summary>
public sealed class DemoCouncilDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await Samples.DemoCouncilAsync(TestDatabases.CreateSqlite());

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
