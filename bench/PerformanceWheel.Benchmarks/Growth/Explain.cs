using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Benchmarks.Growth;

/// <summary>
/// The hot query of PerformanceSnapshot.LoadAsync — the outturns of a range of financial years — rebuilt with the
/// same LINQ (the snapshot is internal to the Application project), its SQL from ToQueryString(), and its plan:
/// EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite, run through the very command EF creates.
/// </summary>
internal static class Explain
{
    public static List<ReportingPeriod> PeriodsOf(FinancialYear from, FinancialYear to) => ReportingPeriod.EveryPeriod(from, to).ToList();

    /// <summary>As in PerformanceSnapshot.LoadAsync.</summary>
    public static IQueryable<Outturn> OutturnsOf(PerformanceWheelDbContext db, FinancialYear from, FinancialYear to, bool publishedOnly)
    {
        var codes = PeriodsOf(from, to);
        return db.Outturns.AsNoTracking()
            .Where(o => codes.Contains(o.Period))
            .Where(o => !publishedOnly || o.State == WorkflowState.Published);
    }

    /// <summary>Materialises the scorecard's outturns as the snapshot does (all directorates, or one): the query's share of ScorecardAsync.</summary>
    public static async Task<int> LoadScorecardOutturnsAsync(DatabaseOptions options, ReportingPeriod quarter, int? directorateId)
    {
        await using var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(options));
        var query = OutturnsOf(db, quarter.Year.Previous.Previous.Previous, quarter.Year, true);
        if (directorateId is { } id)
        {
            query = query.Where(o => o.Measure.DirectorateId == id);
        }

        return (await query.ToListAsync()).Count;
    }

    public static async Task<int> DirectorateIdAsync(DatabaseOptions options, string name)
    {
        await using var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(options));
        return await db.Directorates.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
    }

    /// <summary>The scorecard's outturn rows: ScorecardAsync reads four financial years for every directorate.</summary>
    public static async Task<long> CountScorecardOutturnsAsync(DatabaseOptions options, ReportingPeriod quarter)
    {
        await using var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(options));
        return await OutturnsOf(db, quarter.Year.Previous.Previous.Previous, quarter.Year, true).LongCountAsync();
    }

    public static async Task CaptureAsync(DatabaseOptions options, int scale, ReportingPeriod quarter, string directorate, StringBuilder output)
    {
        await using var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(options));
        var pg = options.Provider == DatabaseProvider.PostgreSql;
        var directorateId = await db.Directorates.Where(d => d.Name == directorate).Select(d => d.Id).SingleAsync();
        var queries = new (string Title, IQueryable Query)[]
        {
            ("ScorecardAsync: outturns of four financial years, published only (every directorate's)",
                OutturnsOf(db, quarter.Year.Previous.Previous.Previous, quarter.Year, true)),
            ("EvaluateAsync (the wheel): outturns of two financial years, published only",
                OutturnsOf(db, quarter.Year.Previous, quarter.Year, true)),
            ($"Proposed for ScorecardAsync: the same four years for one directorate's measures ({directorate})",
                OutturnsOf(db, quarter.Year.Previous.Previous.Previous, quarter.Year, true).Where(o => o.Measure.DirectorateId == directorateId)),
        };

        await db.Database.OpenConnectionAsync();
        foreach (var (title, query) in queries)
        {
            output.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"#### {(pg ? "PostgreSQL" : "SQLite")} {scale}×: {title}").AppendLine();
            output.AppendLine("SQL from `ToQueryString()` (the period list abbreviated):").AppendLine();
            output.AppendLine("```sql").AppendLine(Abbreviate(query.ToQueryString())).AppendLine("```").AppendLine();
            await using var command = query.CreateDbCommand();
            command.CommandText = (pg ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + command.CommandText;
            output.AppendLine(pg ? "`EXPLAIN (ANALYZE, BUFFERS)`:" : "`EXPLAIN QUERY PLAN`:").AppendLine();
            output.AppendLine("```");
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    output.AppendLine(pg ? reader.GetString(0) : Detail(reader));
                }
            }

            output.AppendLine("```").AppendLine();
        }
    }

    private static string Detail(DbDataReader reader) => reader.GetString(reader.FieldCount - 1);

    /// <summary>Shortens the long list of period codes EF writes out (68 for four years) to its ends.</summary>
    private static string Abbreviate(string sql)
    {
        var lines = sql.Split('\n').ToList();
        var parameters = lines.Where(l => l.StartsWith(".param set @codes", StringComparison.Ordinal) || l.StartsWith("-- @codes", StringComparison.Ordinal)).ToList();
        if (parameters.Count > 4)
        {
            var first = lines.IndexOf(parameters[0]);
            lines.RemoveAll(parameters.Skip(2).SkipLast(1).Contains);
            lines.Insert(first + 2, $"… ({parameters.Count - 3} more period codes)");
        }

        return string.Join('\n', lines.Select(l => l.Length > 240 ? l[..160] + " … " + l[^60..] : l));
    }
}
