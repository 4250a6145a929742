using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks.Import;

/// <summary>
/// <c>-- import [--postgres [CONNSTRING]] [--heap]</c>: writes the large council's measures, targets and every outturn to a
/// workbook (streamed with OpenXmlWriter), then times the workbook import into a copy of the large council without its
/// outturns: validate, import (every figure created), re-import (every figure unchanged) and an import where every value
/// changed (a revision each). Prints, for each step, the elapsed time, the CPU time the process used (steadier than the
/// elapsed time on a shared machine), the bytes allocated and the process's peak working set, then the same for each
/// phase of the importer (Import.Read, Import.Load, Import.Check, Import.Save, from its ActivitySource). SQLite always;
/// PostgreSQL too with <c>--postgres</c> (an admin connection string, default PERFORMANCEWHEEL_TEST_POSTGRES: a database
/// pw_import_timing is created, loaded with the large council and dropped afterwards). <c>--heap</c> also prints the
/// managed heap live after each phase (a full collection at the phase's end, so the times include them): what the
/// import holds on to, as opposed to what it allocates and drops.
/// </summary>
public static class ImportTiming
{
    private const string PostgresDatabase = "pw_import_timing";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? postgres = null;
        var at = Array.IndexOf(args, "--postgres");
        if (at >= 0)
        {
            postgres = at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[at + 1]
                : Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(postgres))
            {
                Console.Error.WriteLine("--postgres needs an admin connection string (or PERFORMANCEWHEEL_TEST_POSTGRES).");
                return 2;
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "performancewheel-import-timing");
        Directory.CreateDirectory(folder);
        var original = Path.Combine(folder, "large-council-outturns.xlsx");
        var changed = Path.Combine(folder, "large-council-outturns-changed.xlsx");
        WriteWorkbooks(original, changed); // the model is garbage once written, so it does not count in the peak working set

        using var phases = new PhaseListener(args.Contains("--heap"));
        Console.WriteLine("Preparing SQLite: the cached large council, copied, without its outturns…");
        var cached = await LargeCouncilDatabase.CachedSqliteAsync(1, new Progress<string>(Console.WriteLine));
        var source = new SqliteConnectionStringBuilder(cached.ConnectionString).DataSource;
        var copy = Path.Combine(folder, "import-timing.db");
        SqliteConnection.ClearAllPools();
        File.Copy(source, copy, overwrite: true);
        var sqlite = LargeCouncilDatabase.Sqlite(copy);
        await RunStepsAsync("SQLite", sqlite, original, changed, phases);
        SqliteConnection.ClearAllPools();

        if (postgres is not null)
        {
            Console.WriteLine("Preparing PostgreSQL: the large council loaded into a new database, without its outturns…");
            await AdminAsync(postgres, $"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)");
            await AdminAsync(postgres, $"CREATE DATABASE \"{PostgresDatabase}\"");
            try
            {
                var database = new DatabaseOptions(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(postgres) { Database = PostgresDatabase }.ToString());
                await LargeCouncil.LargeCouncil.LoadAsync(database, 1);
                await RunStepsAsync("PostgreSQL", database, original, changed, phases);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgres, $"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)");
            }
        }

        return 0;
    }

    private static async Task RunStepsAsync(string name, DatabaseOptions options, string original, string changed, PhaseListener phases)
    {
        await using (var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(options)))
        {
            await db.OutturnRevisions.ExecuteDeleteAsync();
            await db.Outturns.ExecuteDeleteAsync();
            if (options.Provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            }
        }

        Console.WriteLine($"== {name}");
        var importer = new WorkbookImporter(
            LargeCouncilDatabase.Factory(options), TimeProvider.System, Options.Create(new ImportOptions { MaxFileBytes = 200L * 1024 * 1024 }), NullLogger<WorkbookImporter>.Instance);
        var admin = new ImportRequest("bench@large.council", true, ImportMode.Historical, "large-council-outturns.xlsx");
        await TimeAsync("validate (nothing written)", original, f => importer.ValidateAsync(f, admin), phases);
        await TimeAsync("import, every figure new", original, f => importer.ImportAsync(f, admin), phases);
        await TimeAsync("re-import, every figure unchanged", original, f => importer.ImportAsync(f, admin), phases);
        await TimeAsync("import, every value changed (revisions)", changed, f => importer.ImportAsync(f, admin), phases);
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task TimeAsync(string what, string path, Func<Stream, Task<ImportReport>> run, PhaseListener phases)
    {
        GC.Collect();
        var startHeap = GC.GetTotalMemory(forceFullCollection: false);
        ResetPeakWorkingSet();
        phases.Clear();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long startSet;
        TimeSpan cpu;
        using (var before = Process.GetCurrentProcess())
        {
            (startSet, cpu) = (before.WorkingSet64, before.TotalProcessorTime);
        }

        var watch = Stopwatch.StartNew();
        ImportReport report;
        await using (var file = File.OpenRead(path))
        {
            report = await run(file);
        }

        watch.Stop();
        var outturns = report.Count("Outturns");
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var process = Process.GetCurrentProcess();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {watch.Elapsed.TotalSeconds:F2} s (CPU {cpuSeconds:F2} s); {(report.IsValid ? "valid" : $"{report.Errors.Count} errors, first: {report.Errors[0]}")}; outturns {outturns.Created:N0} created, {outturns.Updated:N0} updated, {outturns.Unchanged:N0} unchanged, {report.Revisions:N0} revisions; allocated {bytes / 1024d / 1024d:F0} MB; peak working set {process.PeakWorkingSet64 / 1024d / 1024d:F0} MB (at the start {startSet / 1024d / 1024d:F0} MB, managed heap {startHeap / 1024d / 1024d:F0} MB); load average {LoadAverage()}"));
        foreach (var phase in phases.Completed())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {phase.Name,-14} {phase.Seconds,6:F2} s  allocated {phase.Bytes / 1024d / 1024d,6:F0} MB{(phase.Live is { } live ? $"  live after {live / 1024d / 1024d,5:F0} MB" : string.Empty)}"));
        }
    }

    /// <summary>
    /// On Linux, resets the process's peak resident set size (VmHWM, which PeakWorkingSet64 reads) so that each step
    /// reports its own peak rather than the generator's or an earlier step's.
    /// </summary>
    private static void ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // Elsewhere the peak is the process's since it started.
        }
    }

    /// <summary>The 1-minute load average: above the core count, other work shared the machine.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>Records the importer's phases (its ActivitySource) with their elapsed time and the bytes allocated meanwhile.</summary>
    private sealed class PhaseListener : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<(string Name, double Seconds, long Bytes, long? Live)> _completed = [];
        private readonly Dictionary<Activity, long> _started = [];

        public PhaseListener(bool heap)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == WorkbookImporter.TraceSource,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStarted = activity =>
                {
                    lock (_completed)
                    {
                        _started[activity] = GC.GetTotalAllocatedBytes(precise: false);
                    }
                },
                ActivityStopped = activity =>
                {
                    lock (_completed)
                    {
                        var bytes = GC.GetTotalAllocatedBytes(precise: false) - _started.GetValueOrDefault(activity);
                        _started.Remove(activity);
                        _completed.Add((activity.OperationName, activity.Duration.TotalSeconds, bytes, heap ? GC.GetTotalMemory(forceFullCollection: true) : null));
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Clear()
        {
            lock (_completed)
            {
                _completed.Clear();
            }
        }

        public List<(string Name, double Seconds, long Bytes, long? Live)> Completed()
        {
            lock (_completed)
            {
                return [.. _completed];
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    private static void WriteWorkbooks(string original, string changed)
    {
        Console.WriteLine("Generating the large council (scale 1) in memory…");
        var model = LargeCouncil.LargeCouncil.Generate(1);
        Write(original, model, changedValues: false);
        Write(changed, model, changedValues: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Workbook: {model.Measures.Count:N0} measures, {model.Measures.Sum(m => m.Targets.Count):N0} targets, {model.Outturns.Count:N0} outturns, {new FileInfo(original).Length / 1024d / 1024d:F1} MB"));
    }

    /// <summary>Streams the workbook with OpenXmlWriter: Measures, Targets, Outturns (inline strings; numbers as numbers).</summary>
    private static void Write(string path, LargeCouncilModel model, bool changedValues)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        void Sheet(string name, string[] header, IEnumerable<object?[]> rows)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var number = 1;
                WriteRow(writer, header, number);
                foreach (var row in rows)
                {
                    WriteRow(writer, row, ++number);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
        }

        Sheet("Measures", ["Code", "Title", "Directorate", "Segment", "Polarity", "Unit", "Frequency", "Aggregation", "Tolerance", "Tolerance type", "Steady threshold", "Committees", "Discontinued from", "Description"],
            model.Measures.Select(m => new object?[]
            {
                m.Code, m.Title, m.Directorate.Name, m.Segment?.Code, m.Polarity switch { Polarity.HigherIsBetter => "Higher is better", Polarity.LowerIsBetter => "Lower is better", _ => "Within range" },
                m.Unit.Label, m.Frequency.ToString(), m.Aggregation == Aggregation.YearToDate ? "Year to date" : m.Aggregation.ToString(), m.ToleranceValue, m.ToleranceType.ToString(),
                m.SteadyThreshold, string.Join(", ", m.Committees.Select(c => c.Code)), m.DiscontinuedFrom?.Label, m.Description,
            }));
        Sheet("Targets", ["Code", "Year", "Target", "Target low", "Target high", "Period"],
            model.Measures.SelectMany(m => m.Targets.Select(t => new object?[] { m.Code, t.Year.Label, t.Value, t.Low, t.High, t.Period?.Label })));
        Sheet("Outturns", ["Code", "Period", "Value", "Status", "Provisional", "Commentary"],
            model.Outturns.Select(o => new object?[]
            {
                o.Measure.Code, o.Period.Label, o.Value is { } v && changedValues ? Changed(o.Measure, v) : o.Value,
                o.Status switch { OutturnStatus.Tbc => "TBC", null => null, _ => "N/A" }, o.IsProvisional ? "Y" : "N", o.Commentary,
            }));
        workbookPart.Workbook.Save();
    }

    private static decimal Changed(Measure measure, decimal value) =>
        measure.Unit.Kind == UnitKind.Percent && value > 99m ? value - 1m : value + 1m;

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<object?> cells, int row)
    {
        string Reference(int column) => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + column)}{row}");
        writer.WriteStartElement(new Row { RowIndex = (uint)row });
        for (var i = 0; i < cells.Count; i++)
        {
            switch (cells[i])
            {
                case null:
                    break;
                case string text:
                    writer.WriteElement(new Cell(new InlineString(new Text(text))) { DataType = CellValues.InlineString, CellReference = Reference(i) });
                    break;
                case decimal number:
                    writer.WriteElement(new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture))) { CellReference = Reference(i) });
                    break;
                default:
                    writer.WriteElement(new Cell(new CellValue(Convert.ToString(cells[i], CultureInfo.InvariantCulture)!)) { CellReference = Reference(i) });
                    break;
            }
        }

        writer.WriteEndElement();
    }
}
