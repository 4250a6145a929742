using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using PerformanceWheel.Data.Migrations;

namespace PerformanceWheel.Data;

/// <summary>Which database engine holds the data.</summary>
public enum DatabaseProvider
{
    Sqlite = 1,
    PostgreSql = 2,
    SqlServer = 3,
}

/// <summary>The database settings: <c>Database:Provider</c> and <c>ConnectionStrings:PerformanceWheel</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/performancewheel.db";

    /// <summary>Reads the provider name as written in configuration ("Sqlite", "PostgreSQL", "SqlServer"; case-insensitive).</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        "SQLSERVER" or "MSSQL" => DatabaseProvider.SqlServer,
        _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported; use Sqlite, PostgreSQL or SqlServer."),
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
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(options.ConnectionString, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory"));
                break;
            default:
                builder.UseSqlite(options.ConnectionString);
                break;
        }

        // One generated migrations set per provider, each in its own namespace of this assembly (docs/decisions/0016).
        builder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        // Lets a node that remembers the figures version notice its own commits at once (Figures/FiguresCommits.cs).
        builder.AddInterceptors(Figures.FiguresCommits.Instance);
        return builder;
    }

    public static DbContextOptions<PerformanceWheelDbContext> BuildOptions(DatabaseOptions options) =>
        ((DbContextOptionsBuilder<PerformanceWheelDbContext>)new DbContextOptionsBuilder<PerformanceWheelDbContext>().UseConfiguredDatabase(options)).Options;
}
