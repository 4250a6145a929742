using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks.Growth;

/// <summary>
/// How cost grows with the council: loads the large council at each scale into SQLite and PostgreSQL, then times
/// PerformanceReader.ScorecardAsync for one directorate and EvaluateAsync for the whole quarter (median of N after
/// two warm-up calls), and captures the query plans of the outturns-by-period query PerformanceSnapshot issues.
/// <code>
/// growth [--scales 1,10,100] [--runs 11] [--sqlite-dir DIR] [--postgres CONNSTRING | --no-postgres]
///        [--budget-seconds 600] [--out growth.md] [--explain-out explain.md] [--keep]
/// </code>
/// A scale is skipped, with the reason, when its load and timings are estimated (linearly from the previous scale's)
/// to exceed the budget, or its database half the free disk. --postgres defaults to PERFORMANCEWHEEL_TEST_POSTGRES (an admin connection: a
/// database pw_bench_x{scale} is created and, unless --keep, dropped afterwards).
/// </summary>
internal static class GrowthRun
{
    private const string Directorate = "Adult Social Care";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = GrowthOptions.Parse(args);
        var rows = new List<GrowthRow>();
        var explain = new StringBuilder();
        var skipped = new List<string>();

        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (options.PostgresAdmin is not null)
        {
            providers.Add(DatabaseProvider.PostgreSql);
        }
        else
        {
            skipped.Add("PostgreSQL: no server given (--postgres or PERFORMANCEWHEEL_TEST_POSTGRES)");
        }

        foreach (var provider in providers)
        {
            GrowthRow? previous = null;
            foreach (var scale in options.Scales)
            {
                if (previous is not null)
                {
                    var factor = (double)scale / previous.Scale;
                    var estimate = previous.TotalSeconds * factor;
                    var disk = previous.SizeMegabytes * factor;
                    var free = new DriveInfo(Path.GetFullPath(options.SqliteFolder)).AvailableFreeSpace / 1048576.0;
                    if (estimate > options.BudgetSeconds || disk > free * 0.5)
                    {
                        var reason = $"{Name(provider)} {scale}×: skipped — load and timings estimated at {estimate:F0} s and {disk:N0} MB " +
                                     $"(linear from {previous.Scale}×: {previous.TotalSeconds:F0} s of which load {previous.LoadSeconds:F0} s, {previous.SizeMegabytes:N0} MB); " +
                                     $"budget {options.BudgetSeconds} s, free disk {free:N0} MB";
                        Console.WriteLine(reason);
                        skipped.Add(reason);
                        continue;
                    }
                }

                var row = await MeasureAsync(provider, scale, options, explain);
                rows.Add(row);
                previous = row;
                Console.WriteLine(row.ToMarkdown());
            }
        }

        var report = new StringBuilder();
        report.AppendLine(GrowthRow.Header);
        foreach (var row in rows)
        {
            report.AppendLine(row.ToMarkdown());
        }

        foreach (var reason in skipped)
        {
            report.AppendLine().Append("- ").AppendLine(reason);
        }

        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, report.ToString());
        }

        if (options.ExplainOut is not null)
        {
            await File.WriteAllTextAsync(options.ExplainOut, explain.ToString());
        }

        return 0;
    }

    private static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    private static async Task<GrowthRow> MeasureAsync(DatabaseProvider provider, int scale, GrowthOptions options, StringBuilder explain)
    {
        Console.WriteLine($"== {Name(provider)} {scale}×: loading");
        var clock = Stopwatch.StartNew();
        var (database, size, drop) = await CreateAsync(provider, scale, options);
        try
        {
            var load = await LargeCouncil.LargeCouncil.LoadAsync(database, scale, new Progress<string>(p => Console.WriteLine("   " + p)));
            Console.WriteLine($"   loaded {load.Outturns:N0} outturns in {load.TotalTime.TotalSeconds:F1} s (framework {load.FrameworkTime.TotalSeconds:F1} s)");
            if (provider == DatabaseProvider.PostgreSql)
            {
                // Autovacuum would analyse the new tables within a minute; do it now so the plans are the steady-state ones.
                await using var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(database));
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            var factory = LargeCouncilDatabase.Factory(database);
            var reader = new PerformanceReader(factory, new DatabaseFiguresVersion(factory), EvaluatedQuarters.Uncached());
            var latest = LargeCouncil.LargeCouncil.LatestQuarter;
            var scorecard = await TimeAsync(options.Runs, async () => (await reader.ScorecardAsync(Directorate, latest, FigureScope.Published))!.Lines.Count);
            var wheel = await TimeAsync(options.Runs, async () => (await reader.EvaluateAsync(latest, FigureScope.Published)).Measures.Count);
            var rowsRead = await Explain.CountScorecardOutturnsAsync(database, latest);
            var directorateId = await Explain.DirectorateIdAsync(database, Directorate);
            var allQuery = await TimeAsync(options.Runs, () => Explain.LoadScorecardOutturnsAsync(database, latest, null));
            var oneQuery = await TimeAsync(options.Runs, () => Explain.LoadScorecardOutturnsAsync(database, latest, directorateId));
            await Explain.CaptureAsync(database, scale, latest, Directorate, explain);

            return new GrowthRow(Name(provider), scale, load.Measures, load.Outturns, load.TotalTime.TotalSeconds, await size(),
                rowsRead, scorecard.Lines, scorecard.Median, scorecard.P90, wheel.Median, wheel.P90, allQuery.Median, oneQuery.Lines, oneQuery.Median, options.Runs, clock.Elapsed.TotalSeconds, LoadAverage());
        }
        finally
        {
            if (!options.Keep)
            {
                await drop();
            }
        }
    }

    /// <summary>The 1-minute load average when a measurement ends: above the core count, other work shared the machine.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private sealed record Timing(int Lines, double Median, double P90);

    private static async Task<Timing> TimeAsync(int runs, Func<Task<int>> call)
    {
        var lines = await call();
        await call();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        return new Timing(lines, median, times[(int)Math.Ceiling(runs * 0.9) - 1]);
    }

    private static async Task<(DatabaseOptions Options, Func<Task<double>> SizeMegabytes, Func<Task> Drop)> CreateAsync(DatabaseProvider provider, int scale, GrowthOptions options)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(options.SqliteFolder);
            var path = Path.Combine(options.SqliteFolder, $"growth-x{scale}.db");
            File.Delete(path);
            return (LargeCouncilDatabase.Sqlite(path),
                () => Task.FromResult(new FileInfo(path).Length / 1048576.0),
                () =>
                {
                    SqliteConnection.ClearAllPools();
                    File.Delete(path);
                    return Task.CompletedTask;
                });
        }

        var name = $"pw_bench_x{scale}";
        await AdminAsync(options.PostgresAdmin!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await AdminAsync(options.PostgresAdmin!, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(options.PostgresAdmin) { Database = name }.ToString();
        return (new DatabaseOptions(DatabaseProvider.PostgreSql, connection),
            async () =>
            {
                await using var c = new NpgsqlConnection(connection);
                await c.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", c);
                return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) / 1048576.0;
            },
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(options.PostgresAdmin!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One line of the growth table.</summary>
internal sealed record GrowthRow(
    string Provider, int Scale, int Measures, long Outturns, double LoadSeconds, double SizeMegabytes, long RowsRead,
    int ScorecardLines, double ScorecardMedian, double ScorecardP90, double WheelMedian, double WheelP90,
    double QueryAllMedian, int DirectorateRows, double QueryOneMedian, int Runs, double TotalSeconds, string LoadAverage)
{
    public const string Header =
        "| database | scale | measures | outturns | load (s) | rows/s | size (MB) | scorecard lines | ScorecardAsync median (ms) | p90 | EvaluateAsync median (ms) | p90 " +
        "| outturn rows the scorecard reads | that query alone (ms) | rows for one directorate | that query alone (ms) | load average |\n" +
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture,
        $"| {Provider} | {Scale}× | {Measures:N0} | {Outturns:N0} | {LoadSeconds:F1} | {Outturns / LoadSeconds:N0} | {SizeMegabytes:N0} | {ScorecardLines} " +
        $"| {ScorecardMedian:F0} | {ScorecardP90:F0} | {WheelMedian:F0} | {WheelP90:F0} | {RowsRead:N0} | {QueryAllMedian:F0} | {DirectorateRows:N0} | {QueryOneMedian:F0} | {LoadAverage} |");
}

internal sealed record GrowthOptions(IReadOnlyList<int> Scales, int Runs, string SqliteFolder, string? PostgresAdmin, int BudgetSeconds, string? Out, string? ExplainOut, bool Keep)
{
    public static GrowthOptions Parse(string[] args)
    {
        var scales = new List<int> { 1, 10 };
        var runs = 11;
        var folder = Path.Combine(LargeCouncilDatabase.CacheFolder, "growth");
        var postgres = Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_POSTGRES") is { Length: > 0 } p ? p : null;
        var budget = 600;
        string? output = null, explain = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--scales": scales = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sqlite-dir": folder = Next(); break;
                case "--postgres": postgres = Next(); break;
                case "--no-postgres": postgres = null; break;
                case "--budget-seconds": budget = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": output = Next(); break;
                case "--explain-out": explain = Next(); break;
                case "--keep": keep = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        return new GrowthOptions(scales, runs, folder, postgres, budget, output, explain, keep);
    }
}
