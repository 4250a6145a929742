using Microsoft.EntityFrameworkCore;

namespace PerformanceWheel.Data.Tests.Databases;

/// <summary>One real, uniquely named database that exists for the life of this object.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>A context configured exactly as the application configures one.</summary>
    public PerformanceWheelDbContext CreateContext() =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions(Provider, ConnectionString)));

    public async Task MigrateAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }

    /// <summary>The live schema, read from the database's own catalogue (never from EF's model).</summary>
    public abstract Task<IReadOnlySet<string>> ReadSchemaAsync();

    /// <summary>Runs a SQL script as a DBA would, statement batch and all.</summary>
    public abstract Task ExecuteScriptAsync(string script);

    /// <summary>Asserts the failure was this provider's unique-index violation on exactly that index.</summary>
    public abstract void ShouldBeUniqueViolation(DbUpdateException exception, string table, params string[] columns);

    public abstract ValueTask DisposeAsync();
}
