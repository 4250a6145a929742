using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Accounts;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Admin;

/// <summary>
/// What the user and sign-in pages ask of the database, through the services they call (they hold no context): the
/// directorates a Director can be given, and the audit record of a failed sign-in.
/// </summary>
public sealed class AccountServicesOnSqlite : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 15, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = TestDatabases.CreateSqlite();

    public async Task InitializeAsync() => await _database.MigrateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TheDirectoratesOfferedAreEveryDirectorateInNameOrder()
    {
        await using (var db = _database.CreateContext())
        {
            db.Directorates.AddRange(new Directorate("Place"), new Directorate("Adults and Health"), new Directorate("Children's Services"));
            await db.SaveChangesAsync();
        }

        var offered = await new DirectorateChoices(_database.Factory()).AllAsync();

        offered.Select(d => d.Name).ShouldBe(["Adults and Health", "Children's Services", "Place"]);
        await using var read = _database.CreateContext();
        offered.Select(d => d.Id).ShouldBe(await read.Directorates.OrderBy(d => d.Name).Select(d => d.Id).ToListAsync());
    }

    [Fact]
    public async Task AFailedSignInIsAuditedWithWhatWasTypedWhyAndFromWhere()
    {
        var typed = "  " + new string('x', Lengths.Label + 20) + "@council.example ";

        await new SignInAudit(_database.Factory(), new FixedClock(Now)).FailedAsync(typed, "wrong password", "192.0.2.7");
        await new SignInAudit(_database.Factory(), new FixedClock(Now)).FailedAsync("nobody@council.example", "no account with this email address", null);

        await using var db = _database.CreateContext();
        var entries = await db.AuditEntries.Where(a => a.Action == SignInAudit.Action).OrderBy(a => a.Id).ToListAsync();
        entries.Count.ShouldBe(2);
        entries[0].ShouldSatisfyAllConditions(
            () => entries[0].User.ShouldBe(SignInAudit.Source),
            () => entries[0].At.ShouldBe(Now),
            () => entries[0].EntityType.ShouldBe("Account"),
            () => entries[0].EntityKey.ShouldBe(typed.Trim()[..Lengths.Label]),
            () => entries[0].Changes.ShouldBe("wrong password; from 192.0.2.7"));
        entries[1].EntityKey.ShouldBe("nobody@council.example");
        entries[1].Changes.ShouldBe("no account with this email address; from an unknown address");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
