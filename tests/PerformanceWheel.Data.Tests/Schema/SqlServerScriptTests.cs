using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PerformanceWheel.Data.Migrations;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Schema;

/// <summary>
/// What can be known about SQL Server without a server (none runs here): the idempotent DBA script that CI generates
/// (scripts/test.sh) creates every table and column of the model with the model's types, and SQL Server would accept
/// the foreign keys (it refuses a table reached by two cascading paths). The live-server tests are the *OnSqlServer
/// classes, run only where PERFORMANCEWHEEL_TEST_SQLSERVER is set.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static PerformanceWheelDbContext SqlServerContext() =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions(DatabaseProvider.SqlServer, "Server=localhost;Database=PerformanceWheel;TrustServerCertificate=True")));

    [Fact]
    public void TheIdempotentScriptCreatesEveryTableAndColumnOfTheModelWithItsType()
    {
        using var context = SqlServerContext();
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var missing = new List<string>();
        foreach (var table in context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
        {
            var create = Regex.Match(script, $@"CREATE TABLE \[{Regex.Escape(table.Name)}\] \((?<body>.*?)\n    \);", RegexOptions.Singleline);
            if (!create.Success)
            {
                missing.Add($"TABLE {table.Name}");
                continue;
            }

            // A column added by a later migration is in an ALTER TABLE … ADD statement instead of the CREATE TABLE.
            var body = create.Groups["body"].Value + string.Concat(Regex.Matches(script, $@"ALTER TABLE \[{Regex.Escape(table.Name)}\] ADD (?<column>\[[^;]*);")
                .Select(m => "\n" + m.Groups["column"].Value));
            foreach (var column in table.Columns)
            {
                var nullability = column.IsNullable ? "NULL" : "NOT NULL";
                // [Name] nvarchar(100) COLLATE Latin1_General_100_CS_AS NOT NULL, [Id] int NOT NULL IDENTITY, [Value] decimal(18,6) NULL
                var definition = new Regex($@"\[{Regex.Escape(column.Name)}\] {Regex.Escape(column.StoreType)}(?: COLLATE \w+)? {nullability}(?=[ ,\r\n]|$)");
                if (!definition.IsMatch(body))
                {
                    missing.Add($"{table.Name}.{column.Name} {column.StoreType} {nullability}");
                }
            }
        }

        missing.ShouldBeEmpty("the SQL Server script lacks these parts of the model");
    }

    [Fact]
    public void TheIdempotentScriptAppliesEachMigrationOnlyWhereItsHistoryRowIsMissing()
    {
        using var context = SqlServerContext();
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var migration in context.Database.GetMigrations())
        {
            script.ShouldContain($"WHERE [MigrationId] = N'{migration}'");
        }

        context.Database.GetMigrations().ShouldContain(MigrationSets.Baseline);
        script.ShouldContain("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL");
    }

    [Fact]
    public void TextColumnsAreCaseSensitiveLikeTheOtherProviders()
    {
        using var context = SqlServerContext();
        var text = context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.SelectMany(t => t.Columns).Where(c => c.StoreType.StartsWith("nvarchar", StringComparison.Ordinal)).ToList();

        text.ShouldNotBeEmpty();
        text.Where(c => c.Collation != PerformanceWheelDbContext.SqlServerTextCollation).Select(c => $"{c.Table.Name}.{c.Name}").ShouldBeEmpty();
    }

    [Fact]
    public void NoTableIsReachedByTwoCascadingPaths()
    {
        using var context = SqlServerContext();
        var cascading = context.Model.GetRelationalModel().Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => fk.PrincipalTable.Name, fk => fk.Table.Name);

        var clashes = new List<string>();
        foreach (var start in cascading.Select(g => g.Key))
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            Walk(start, [start]);
            clashes.AddRange(paths.Where(p => p.Value > 1).Select(p => $"{start} reaches {p.Key} by {p.Value} cascading paths"));

            void Walk(string table, HashSet<string> seen)
            {
                foreach (var dependent in cascading[table])
                {
                    paths[dependent] = paths.GetValueOrDefault(dependent) + 1;
                    if (seen.Add(dependent))
                    {
                        Walk(dependent, seen);
                        seen.Remove(dependent);
                    }
                    else
                    {
                        clashes.Add($"a cascading cycle through {dependent}");
                    }
                }
            }
        }

        clashes.ShouldBeEmpty("SQL Server refuses such foreign keys (error 1785)");
    }
}

/// <summary>Every provider's migrations hold the whole model: adding a migration now would find nothing to do.</summary>
public sealed class PendingModelChangesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=unused;TrustServerCertificate=True")]
    public void TheModelHasNoChangesTheSnapshotLacks(DatabaseProvider provider, string connectionString)
    {
        using var context = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(new DatabaseOptions(provider, connectionString)));

        context.Database.HasPendingModelChanges().ShouldBeFalse(
            $"the {provider} model differs from its snapshot: run scripts/add-migration.sh <Name> (docs/decisions/0016)");
        context.Database.GetMigrations().First().ShouldBe(MigrationSets.Baseline);
    }
}
