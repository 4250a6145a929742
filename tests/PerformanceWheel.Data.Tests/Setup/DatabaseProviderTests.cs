using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Setup;

/// <summary>Database:Provider names the engine; an unknown name is refused with the names that are accepted.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData(" sqlserver ", DatabaseProvider.SqlServer)]
    [InlineData("MSSQL", DatabaseProvider.SqlServer)]
    public void TheProviderIsReadFromItsName(string? name, DatabaseProvider expected) =>
        DatabaseOptions.ParseProvider(name).ShouldBe(expected);

    [Fact]
    public void AnUnknownProviderIsRefusedNamingTheAcceptedOnes() =>
        Should.Throw<InvalidOperationException>(() => DatabaseOptions.ParseProvider("Oracle"))
            .Message.ShouldBe("Database:Provider 'Oracle' is not supported; use Sqlite, PostgreSQL or SqlServer.");

    [Fact]
    public void SqlServerIsConfiguredWithItsOwnMigrationsSet()
    {
        using var context = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(
            new DatabaseOptions(DatabaseProvider.SqlServer, "Server=localhost;Database=unused;TrustServerCertificate=True")));

        context.Database.IsSqlServer().ShouldBeTrue();
        var migrations = context.Database.GetMigrations().ToList();
        migrations[0].ShouldBe(Migrations.MigrationSets.Baseline);
        var types = typeof(PerformanceWheelDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "PerformanceWheel.Data.Migrations.SqlServer" && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().Single().Id)
            .Order();
        migrations.ShouldBe(types.ToList(), Case.Sensitive, "SQL Server's own set, every migration of it and nothing else");
    }
}
