using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PerformanceWheel.Data;

/// <summary>Which database engine holds the data.</summary>
public enum DatabaseProvider
{
    Sqlite = 1,
    PostgreSql = 2,
}

/// <summary>The database settings: <c>Database:Provider</c> and <c>ConnectionStrings:PerformanceWheel</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/performancewheel.db";

    /// <summary>Reads the provider name as written in configuration ("Sqlite", "PostgreSQL"; case-insensitive).</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported; use Sqlite or PostgreSQL."),
    };
}

/// <summary>The one place where the database provider is chosen.</summary>
public static class DatabaseSetup
{
    public static DbContextOptionsBuilder UseConfiguredDatabase(this DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"));
                break;
            default:
                builder.UseSqlite(options.ConnectionString);
                break;
        }

        // Migrations are hand-written without a model snapshot (docs/decisions/0003); the schema test proves they match the model.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }

    public static DbContextOptions<PerformanceWheelDbContext> BuildOptions(DatabaseOptions options) =>
        ((DbContextOptionsBuilder<PerformanceWheelDbContext>)new DbContextOptionsBuilder<PerformanceWheelDbContext>().UseConfiguredDatabase(options)).Options;
}
