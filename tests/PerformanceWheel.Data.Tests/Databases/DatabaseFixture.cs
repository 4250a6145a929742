namespace PerformanceWheel.Data.Tests.Databases;

/// <summary>A class fixture holding one migrated database for a test class, and making empty ones on request.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>Whether this provider can run here (PostgreSQL needs a server).</summary>
    protected virtual bool IsAvailable => true;

    /// <summary>The test class's migrated database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database fixture was not initialised.");

    /// <summary>A new empty database (no tables at all), owned and disposed by the caller.</summary>
    public abstract Task<TestDatabase> CreateEmptyDatabaseAsync();

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            // Every test using this fixture is skipped (PostgreSqlFact); nothing to create.
            return;
        }

        _database = await CreateEmptyDatabaseAsync();
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>A migrated SQLite file database per test class.</summary>
public sealed class SqliteFixture : DatabaseFixture
{
    public override Task<TestDatabase> CreateEmptyDatabaseAsync() => SqliteTestDatabase.CreateAsync();
}

/// <summary>A migrated PostgreSQL database per test class, on the server named by PERFORMANCEWHEEL_TEST_POSTGRES.</summary>
public sealed class PostgreSqlFixture : DatabaseFixture
{
    protected override bool IsAvailable => PostgreSqlTestDatabase.IsConfigured;

    public override Task<TestDatabase> CreateEmptyDatabaseAsync() => PostgreSqlTestDatabase.CreateAsync();
}

/// <summary>A migrated SQL Server database per test class, on the server named by PERFORMANCEWHEEL_TEST_SQLSERVER.</summary>
public sealed class SqlServerFixture : DatabaseFixture
{
    protected override bool IsAvailable => SqlServerTestDatabase.IsConfigured;

    public override Task<TestDatabase> CreateEmptyDatabaseAsync() => SqlServerTestDatabase.CreateAsync();
}
