using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PerformanceWheel.Data;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks.Http;

/// <summary>
/// Makes a database holding the large council for the web app to serve (scripts/http-bench.sh), with reading without
/// signing in allowed so wrk can request the pages anonymously (anonymous readers see published figures only).
/// <code>
/// prepare-db --sqlite PATH [--scale 1]                      copy of the cached SQLite file (LargeCouncilDatabase)
/// prepare-db --postgres ADMIN --database NAME [--scale 1]   a fresh PostgreSQL database NAME, loaded and analysed
/// prepare-db --postgres ADMIN --database NAME --drop        drops it again
/// </code>
/// Either way the database is migrated to the current schema before the council setting is changed, so the app
/// starts on it with nothing left to migrate.
/// </summary>
internal static class PrepareDatabase
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? sqlite = null, admin = null, name = null;
        var scale = 1;
        var drop = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sqlite": sqlite = args[++i]; break;
                case "--postgres": admin = args[++i]; break;
                case "--database": name = args[++i]; break;
                case "--scale": scale = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--drop": drop = true; break;
                default:
                    Console.Error.WriteLine($"prepare-db: unknown argument '{args[i]}'");
                    return 2;
            }
        }

        if ((sqlite is null) == (admin is null) || (admin is not null && string.IsNullOrWhiteSpace(name)))
        {
            Console.Error.WriteLine("prepare-db: give --sqlite PATH, or --postgres ADMIN --database NAME");
            return 2;
        }

        DatabaseOptions database;
        if (sqlite is not null)
        {
            var cached = await LargeCouncilDatabase.CachedSqliteAsync(scale, new Progress<string>(Console.WriteLine));
            var source = new SqliteConnectionStringBuilder(cached.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sqlite))!);
            File.Copy(source, sqlite, overwrite: true);
            database = LargeCouncilDatabase.Sqlite(sqlite);
            Console.WriteLine($"Copied {source} to {sqlite}");
        }
        else
        {
            await AdminAsync(admin!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            if (drop)
            {
                Console.WriteLine($"Dropped database {name}");
                return 0;
            }

            await AdminAsync(admin!, $"CREATE DATABASE \"{name}\"");
            database = new DatabaseOptions(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
            var load = await LargeCouncil.LargeCouncil.LoadAsync(database, scale, new Progress<string>(p => Console.WriteLine("   " + p)));
            Console.WriteLine($"Loaded {load.Outturns:N0} outturns into {name} in {load.TotalTime.TotalSeconds:F1} s");
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var version = new NpgsqlCommand("SELECT 'PostgreSQL ' || current_setting('server_version')", connection);
            Console.WriteLine($"Server: {await version.ExecuteScalarAsync()}");
        }

        await using (var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(database)))
        {
            await db.Database.MigrateAsync();
            var settings = await db.CouncilSettings.SingleAsync();
            settings.ChangeReading(allowAnonymousReading: true, settings.OverdueDaysAfterPeriodEnd);
            await db.SaveChangesAsync();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                // Autovacuum would analyse the new tables within a minute; do it now so the plans are the steady-state ones.
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        Console.WriteLine($"{LargeCouncil.LargeCouncil.CouncilName} ({scale}×) ready; reading without signing in allowed");
        return 0;
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
