using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Framework;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Access;

/// <summary>API keys and the open data setting as stored: a Director key with its directorates, revocation, one row per hash.</summary>
public abstract class ApiKeyStorageTests(DatabaseFixture fixture)
{
    private static string NewHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())));

    public virtual async Task ADirectorKeyReadsBackWithItsDirectoratesAndRevocation()
    {
        var database = fixture.Database;
        var directorate = await database.SavedAsync(new Directorate(Arrange.Unique("Directorate")));
        var hash = NewHash();
        var key = new ApiKey("Director feed", "pw_abcdefgh", hash, Roles.Director, [directorate.Id], isBootstrap: false, "admin@council", Arrange.Monday);
        key.Revoke("admin@council", Arrange.Monday.AddDays(1));
        await database.SavedAsync(key);

        await using var read = database.CreateContext();
        var stored = await read.ApiKeys.Include(k => k.Directorates).SingleAsync(k => k.Hash == hash);
        (stored.Name, stored.Prefix, stored.Role, stored.IsBootstrap, stored.CreatedBy, stored.RevokedBy)
            .ShouldBe(("Director feed", "pw_abcdefgh", Roles.Director, false, "admin@council", "admin@council"));
        stored.Directorates.Select(d => d.DirectorateId).ShouldBe([directorate.Id]);
        stored.CreatedAt.ShouldBe(Arrange.Monday);
        stored.RevokedAt.ShouldBe(Arrange.Monday.AddDays(1));
        stored.IsRevoked.ShouldBeTrue();
        stored.LastUsedAt.ShouldBeNull();
    }

    public virtual async Task ASecondKeyWithTheSameHashIsRefused()
    {
        var database = fixture.Database;
        var hash = NewHash();
        await database.SavedAsync(new ApiKey("First", "pw_first", hash, Roles.Councillor, [], isBootstrap: false, "admin@council", Arrange.Monday));

        await using var context = database.CreateContext();
        context.ApiKeys.Add(new ApiKey("Second", "pw_second", hash, Roles.Councillor, [], isBootstrap: false, "admin@council", Arrange.Monday));

        var refused = await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());
        database.ShouldBeUniqueViolation(refused, "ApiKeys", "Hash");
    }

    public virtual async Task OpenDataIsOffForANewCouncilAndCanBeTurnedOn()
    {
        var database = fixture.Database;
        var council = await database.SavedAsync(new CouncilSettings(Arrange.Unique("Council")));

        await using (var context = database.CreateContext())
        {
            var stored = await context.CouncilSettings.SingleAsync(c => c.Id == council.Id);
            stored.OpenDataEnabled.ShouldBeFalse();
            stored.ChangeOpenData(true);
            await context.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        (await read.CouncilSettings.SingleAsync(c => c.Id == council.Id)).OpenDataEnabled.ShouldBeTrue();
    }
}

public sealed class ApiKeyStorageOnSqlite(SqliteFixture fixture) : ApiKeyStorageTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task ADirectorKeyReadsBackWithItsDirectoratesAndRevocation() => base.ADirectorKeyReadsBackWithItsDirectoratesAndRevocation();

    [Fact]
    public override Task ASecondKeyWithTheSameHashIsRefused() => base.ASecondKeyWithTheSameHashIsRefused();

    [Fact]
    public override Task OpenDataIsOffForANewCouncilAndCanBeTurnedOn() => base.OpenDataIsOffForANewCouncilAndCanBeTurnedOn();
}

public sealed class ApiKeyStorageOnPostgreSql(PostgreSqlFixture fixture) : ApiKeyStorageTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task ADirectorKeyReadsBackWithItsDirectoratesAndRevocation() => base.ADirectorKeyReadsBackWithItsDirectoratesAndRevocation();

    [PostgreSqlFact]
    public override Task ASecondKeyWithTheSameHashIsRefused() => base.ASecondKeyWithTheSameHashIsRefused();

    [PostgreSqlFact]
    public override Task OpenDataIsOffForANewCouncilAndCanBeTurnedOn() => base.OpenDataIsOffForANewCouncilAndCanBeTurnedOn();
}

public sealed class ApiKeyStorageOnSqlServer(SqlServerFixture fixture) : ApiKeyStorageTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task ADirectorKeyReadsBackWithItsDirectoratesAndRevocation() => base.ADirectorKeyReadsBackWithItsDirectoratesAndRevocation();

    [SqlServerFact]
    public override Task ASecondKeyWithTheSameHashIsRefused() => base.ASecondKeyWithTheSameHashIsRefused();

    [SqlServerFact]
    public override Task OpenDataIsOffForANewCouncilAndCanBeTurnedOn() => base.OpenDataIsOffForANewCouncilAndCanBeTurnedOn();
}
