using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;

namespace PerformanceWheel.LargeCouncil;

/// <summary>Databases holding the large council, for benchmarks: a context factory and a cached SQLite file per scale.</summary>
public static class LargeCouncilDatabase
{
    /// <summary>Where cached SQLite files live: <c>PW_BENCH_DATA</c>, else a folder under the temp directory.</summary>
    public static string CacheFolder =>
        Environment.GetEnvironmentVariable("PW_BENCH_DATA") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "performancewheel-bench");

    public static DatabaseOptions Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString());

    public static IDbContextFactory<PerformanceWheelDbContext> Factory(DatabaseOptions options) => new ContextFactory(options);

    /// <summary>
    /// A SQLite file holding the council at a scale, loaded once and reused (its name carries the generator version).
    /// The load goes to a temporary file that is renamed when complete, so an interrupted load is never reused.
    /// </summary>
    public static async Task<DatabaseOptions> CachedSqliteAsync(int scale, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(CacheFolder);
        var path = Path.Combine(CacheFolder, $"large-council-x{scale}-v{LargeCouncil.GeneratorVersion}.db");
        if (!File.Exists(path))
        {
            var partial = path + ".loading-" + Environment.ProcessId;
            File.Delete(partial);
            var report = await LargeCouncil.LoadAsync(Sqlite(partial), scale, progress, cancellationToken);
            SqliteConnection.ClearAllPools();
            File.Move(partial, path, overwrite: true);
            progress?.Report($"Loaded {report.Outturns:N0} outturns into {path} in {report.TotalTime.TotalSeconds:F1} s");
        }

        return Sqlite(path);
    }

    private sealed class ContextFactory(DatabaseOptions options) : IDbContextFactory<PerformanceWheelDbContext>
    {
        private readonly DbContextOptions<PerformanceWheelDbContext> _options = DatabaseSetup.BuildOptions(options);

        public PerformanceWheelDbContext CreateDbContext() => new(_options);
    }
}
