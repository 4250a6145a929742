using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PerformanceWheel.Data.Tests.Databases;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Schema;

/// <summary>
/// DBAs who will not let the application migrate get a SQL script instead: idempotent where the provider can make one
/// (PostgreSQL), else the full script from an empty database (SQLite, see <see cref="MigrationScriptOnSqlite"/>).
/// </summary>
public abstract class MigrationScriptTests(Func<Task<TestDatabase>> createEmptyDatabase, MigrationsSqlGenerationOptions scriptOptions)
{
    private bool IsIdempotent => scriptOptions.HasFlag(MigrationsSqlGenerationOptions.Idempotent);

    public virtual async Task TheDbaScriptCreatesTheOutturnsTable()
    {
        await using var database = await createEmptyDatabase();
        await using var context = database.CreateContext();

        var script = context.GetService<IMigrator>().GenerateScript(options: scriptOptions);

        script.ShouldNotBeNullOrWhiteSpace();
        script.ShouldContain("CREATE TABLE \"Outturns\"");
        script.ShouldContain(MigratedSchemaTests.InitialSchema);
    }

    public virtual async Task TheDbaScriptBuildsTheSchemaTheModelExpects()
    {
        await using var database = await createEmptyDatabase();
        await using var context = database.CreateContext();
        var script = context.GetService<IMigrator>().GenerateScript(options: scriptOptions);

        await database.ExecuteScriptAsync(script);
        if (IsIdempotent)
        {
            // An idempotent script must be safe to run again on a database it has already migrated.
            await database.ExecuteScriptAsync(script);
        }

        ModelSchema.ShouldMatch(await database.ReadSchemaAsync(), ModelSchema.Expected(context), $"The {database.Provider} schema built by the script");
        (await context.Database.GetAppliedMigrationsAsync()).ShouldBe(context.Database.GetMigrations());
        (await context.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }
}

/// <summary>
/// EF Core's SQLite provider cannot generate idempotent scripts (it throws NotSupportedException), so the SQLite
/// DBA script is the plain script from an empty database. The last test here notices if EF ever lifts that limit.
/// </summary>
public sealed class MigrationScriptOnSqlite() : MigrationScriptTests(SqliteTestDatabase.CreateAsync, MigrationsSqlGenerationOptions.Default)
{
    [Fact]
    public override Task TheDbaScriptCreatesTheOutturnsTable() => base.TheDbaScriptCreatesTheOutturnsTable();

    [Fact]
    public override Task TheDbaScriptBuildsTheSchemaTheModelExpects() => base.TheDbaScriptBuildsTheSchemaTheModelExpects();

    [Fact]
    public async Task SqliteCannotGenerateAnIdempotentScript()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var context = database.CreateContext();

        Should.Throw<NotSupportedException>(() => context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
    }
}

public sealed class MigrationScriptOnPostgreSql() : MigrationScriptTests(PostgreSqlTestDatabase.CreateAsync, MigrationsSqlGenerationOptions.Idempotent)
{
    [PostgreSqlFact]
    public override Task TheDbaScriptCreatesTheOutturnsTable() => base.TheDbaScriptCreatesTheOutturnsTable();

    [PostgreSqlFact]
    public override Task TheDbaScriptBuildsTheSchemaTheModelExpects() => base.TheDbaScriptBuildsTheSchemaTheModelExpects();
}

public sealed class MigrationScriptOnSqlServer() : MigrationScriptTests(SqlServerTestDatabase.CreateAsync, MigrationsSqlGenerationOptions.Idempotent)
{
    [SqlServerFact]
    public override Task TheDbaScriptCreatesTheOutturnsTable() => base.TheDbaScriptCreatesTheOutturnsTable();

    [SqlServerFact]
    public override Task TheDbaScriptBuildsTheSchemaTheModelExpects() => base.TheDbaScriptBuildsTheSchemaTheModelExpects();
}
