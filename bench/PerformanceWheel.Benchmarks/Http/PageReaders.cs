using System.Diagnostics;
using System.Globalization;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks.Http;

/// <summary>
/// The application reads behind the three pages scripts/http-bench.sh requests, timed in process (no HTTP, no
/// rendering), as an anonymous reader sees them (published figures only): with the page's server time this splits a
/// request into reading and everything else (authorization, rendering the components, writing the response).
/// <code>
/// page-readers --sqlite PATH | --database-connection CONNSTRING  --measure CODE [--period "2025/26 Q4"] [--runs 5]
/// </code>
/// Each line: the median of --runs calls after two warm-ups, in milliseconds, as a Markdown table row.
/// </summary>
internal static class PageReaders
{
    private const string Directorate = "Adult Social Care";

    public static async Task<int> RunAsync(string[] args)
    {
        DatabaseOptions? database = null;
        string? measure = null;
        var period = LargeCouncil.LargeCouncil.LatestQuarter;
        var runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sqlite": database = LargeCouncilDatabase.Sqlite(args[++i]); break;
                case "--database-connection": database = new DatabaseOptions(DatabaseProvider.PostgreSql, args[++i]); break;
                case "--measure": measure = args[++i]; break;
                case "--period": period = ReportingPeriod.Parse(args[++i]); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"page-readers: unknown argument '{args[i]}'");
                    return 2;
            }
        }

        if (database is null || measure is null)
        {
            Console.Error.WriteLine("page-readers: give --sqlite PATH or --database-connection CONNSTRING, and --measure CODE");
            return 2;
        }

        var factory = LargeCouncilDatabase.Factory(database);
        var performance = new PerformanceReader(factory, new DatabaseFiguresVersion(factory), EvaluatedQuarters.Uncached());
        var details = new DetailReader(factory, performance, TimeProvider.System);
        var quarters = await TimeAsync(runs, () => performance.QuartersWithDataAsync(FigureScope.Published));
        var wheel = await TimeAsync(runs, () => performance.EvaluateAsync(period, FigureScope.Published));
        var scorecard = await TimeAsync(runs, () => performance.ScorecardAsync(Directorate, period, FigureScope.Published));
        var detail = await TimeAsync(runs, () => details.MeasureAsync(measure, period, FigureScope.Published));

        Console.WriteLine(Row("wheel", $"QuartersWithDataAsync + EvaluateAsync", quarters + wheel));
        Console.WriteLine(Row("scorecard", $"QuartersWithDataAsync + ScorecardAsync({Directorate})", quarters + scorecard));
        Console.WriteLine(Row("measure", $"DetailReader.MeasureAsync({measure})", detail));
        return 0;
    }

    private static string Row(string page, string calls, double ms) =>
        string.Create(CultureInfo.InvariantCulture, $"READERS | {page} | {calls} | {ms:F0} |");

    private static async Task<double> TimeAsync<T>(int runs, Func<Task<T>> call)
    {
        await call();
        await call();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
    }
}
