using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PerformanceWheel.Data;

namespace PerformanceWheel.TestSupport;

/// <summary>An empty database of either provider, removed when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    internal TestDatabase(DatabaseOptions options, Func<Task> drop)
    {
        Options = options;
        _drop = drop;
    }

    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public PerformanceWheelDbContext CreateContext() => new(DatabaseSetup.BuildOptions(Options));

    /// <summary>A context factory for services that take IDbContextFactory.</summary>
    public IDbContextFactory<PerformanceWheelDbContext> Factory() => new Factory(this);

    public async Task<TestDatabase> MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        return this;
    }

    public async ValueTask DisposeAsync() => await _drop();
}

internal sealed class Factory(TestDatabase database) : IDbContextFactory<PerformanceWheelDbContext>
{
    public PerformanceWheelDbContext CreateDbContext() => database.CreateContext();
}

/// <summary>Creates real test databases: a SQLite file in a temp folder, or a uniquely named PostgreSQL database.</summary>
public static class TestDatabases
{
    public const string PostgreSqlVariable = "PERFORMANCEWHEEL_TEST_POSTGRES";

    public static string? PostgreSqlAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } value ? value : null;

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? CreatePostgreSqlAsync() : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pw-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "test.db"), Pooling = false }.ToString();
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, connection), () =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on another thread: the temp folder is cleaned by the OS.
            }

            return Task.CompletedTask;
        });
    }

    public static async Task<TestDatabase> CreatePostgreSqlAsync()
    {
        var admin = PostgreSqlAdminConnectionString
            ?? throw new InvalidOperationException($"{PostgreSqlVariable} is not set.");
        var name = "pw_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.PostgreSql, builder.ToString()), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
