using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Tests.Support;
using PerformanceWheel.Data.Figures;
using PerformanceWheel.Domain.Framework;
using Shouldly;

namespace PerformanceWheel.Application.Tests.Performance;

/// <summary>
/// The figures version a node remembers between reads (docs/decisions/0013): its own commits are seen by the next call;
/// another node's change (a write this process did not commit) within the recheck interval; with no interval, at once.
/// </summary>
public sealed class FiguresVersionRecheckOnSqlite
{
    [Fact]
    public async Task AChangeCommittedInThisProcessIsSeenByTheNextCallWithoutWaiting()
    {
        await using var council = await Council.CreateAsync();
        var clock = new SteppedClock();
        var version = Remembering(council, clock, recheckMilliseconds: 60_000);
        var before = await version.CurrentAsync(CancellationToken.None);

        await using (var db = council.Context())
        {
            db.Directorates.Add(new Directorate("Housing"));
            await db.SaveChangesAsync();
        }

        (await version.CurrentAsync(CancellationToken.None)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task AnotherNodesChangeIsSeenOnceTheRecheckIntervalHasPassed()
    {
        await using var council = await Council.CreateAsync();
        var clock = new SteppedClock();
        var version = Remembering(council, clock, recheckMilliseconds: 1000);
        var before = await version.CurrentAsync(CancellationToken.None);

        await BumpAsAnotherNodeAsync(council);

        (await version.CurrentAsync(CancellationToken.None)).ShouldBe(before, "remembered for up to a second");
        clock.Advance(TimeSpan.FromMilliseconds(999));
        (await version.CurrentAsync(CancellationToken.None)).ShouldBe(before);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await version.CurrentAsync(CancellationToken.None)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task WithNoRecheckIntervalEveryCallReadsTheDatabase()
    {
        await using var council = await Council.CreateAsync();
        var version = Remembering(council, new SteppedClock(), recheckMilliseconds: 0);
        var before = await version.CurrentAsync(CancellationToken.None);

        await BumpAsAnotherNodeAsync(council);

        (await version.CurrentAsync(CancellationToken.None)).ShouldBe(before + 1);
    }

    private static DatabaseFiguresVersion Remembering(Council council, TimeProvider clock, int recheckMilliseconds) =>
        new(council.Contexts(), clock, Options.Create(new FiguresVersionOptions { RecheckMilliseconds = recheckMilliseconds }));

    // One statement outside any transaction of this process's contexts: what this node sees of a commit made elsewhere.
    private static async Task BumpAsAnotherNodeAsync(Council council)
    {
        await using var db = council.Context();
        var changed = await db.Database.ExecuteSqlRawAsync($"UPDATE \"FiguresVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = {FiguresVersion.RowId}");
        changed.ShouldBe(1);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = TimeSpan.TicksPerDay;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
