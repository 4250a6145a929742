using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Schema;

/// <summary>
/// The provider's generated migrations must build exactly the schema the EF model expects:
/// tables, columns with store types and nullability, keys, foreign keys with their delete actions, and indexes.
/// </summary>
public abstract class MigratedSchemaTests(Func<Task<TestDatabase>> createEmptyDatabase)
{
    public const string InitialSchema = PerformanceWheel.Data.Migrations.MigrationSets.Baseline;

    public virtual async Task MigratingAnEmptyDatabaseYieldsTheSchemaTheModelExpects()
    {
        await using var database = await createEmptyDatabase();
        await using var context = database.CreateContext();
        (await database.ReadSchemaAsync()).ShouldBeEmpty("the database should start with no tables");

        await context.Database.MigrateAsync();

        ModelSchema.ShouldMatch(await database.ReadSchemaAsync(), ModelSchema.Expected(context), $"The migrated {database.Provider} schema");
    }

    public virtual async Task MigratingAnEmptyDatabaseAppliesTheInitialSchemaAndLeavesNothingPending()
    {
        await using var database = await createEmptyDatabase();
        await using var context = database.CreateContext();
        (await context.Database.GetPendingMigrationsAsync()).ShouldContain(InitialSchema);

        await context.Database.MigrateAsync();

        (await context.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await context.Database.GetAppliedMigrationsAsync()).ShouldContain(InitialSchema);
    }
}

public sealed class MigratedSchemaOnSqlite() : MigratedSchemaTests(SqliteTestDatabase.CreateAsync)
{
    [Fact]
    public override Task MigratingAnEmptyDatabaseYieldsTheSchemaTheModelExpects() => base.MigratingAnEmptyDatabaseYieldsTheSchemaTheModelExpects();

    [Fact]
    public override Task MigratingAnEmptyDatabaseAppliesTheInitialSchemaAndLeavesNothingPending() =>
        base.MigratingAnEmptyDatabaseAppliesTheInitialSchemaAndLeavesNothingPending();
}

public sealed class MigratedSchemaOnPostgreSql() : MigratedSchemaTests(PostgreSqlTestDatabase.CreateAsync)
{
    [PostgreSqlFact]
    public override Task MigratingAnEmptyDatabaseYieldsTheSchemaTheModelExpects() => base.MigratingAnEmptyDatabaseYieldsTheSchemaTheModelExpects();

    [PostgreSqlFact]
    public override Task MigratingAnEmptyDatabaseAppliesTheInitialSchemaAndLeavesNothingPending() =>
        base.MigratingAnEmptyDatabaseAppliesTheInitialSchemaAndLeavesNothingPending();
}

public sealed class MigratedSchemaOnSqlServer() : MigratedSchemaTests(SqlServerTestDatabase.CreateAsync)
{
    [SqlServerFact]
    public override Task MigratingAnEmptyDatabaseYieldsTheSchemaTheModelExpects() => base.MigratingAnEmptyDatabaseYieldsTheSchemaTheModelExpects();

    [SqlServerFact]
    public override Task MigratingAnEmptyDatabaseAppliesTheInitialSchemaAndLeavesNothingPending() =>
        base.MigratingAnEmptyDatabaseAppliesTheInitialSchemaAndLeavesNothingPending();
}
