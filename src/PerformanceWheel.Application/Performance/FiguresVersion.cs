using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using Microsoft.Extensions.Options;
using PerformanceWheel.Data.Figures;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// The figures version (docs/decisions/0013): a number that changes in the same transaction as anything a page shows
/// (figures, framework, targets, assessments, critical items, projects, finance, settings, publication). Whatever is
/// kept between requests — evaluated quarters, rendered pages, stored packs — is kept under the version it was made at
/// and is not used once the version has moved on. Read it before reading the figures, so what is kept under a version
/// is never older than that version.
/// </summary>
public interface IFiguresVersion
{
    /// <summary>The version now, read from the database (every node sees the same number).</summary>
    ValueTask<long> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>Settings of the figures version's reads (Performance:FiguresVersion).</summary>
public sealed class FiguresVersionOptions
{
    public const string Section = "Performance:FiguresVersion";

    /// <summary>
    /// How long a node may answer from the version it last read, in milliseconds, while this process commits nothing
    /// (its own commits make it read again at once). The longest another node's change can take to show here; 0 reads
    /// the database on every call.
    /// </summary>
    public int RecheckMilliseconds { get; set; } = 1000;
}

/// <summary>
/// Reads the version's single row (one primary-key lookup), and answers from the last read while it is younger than
/// <see cref="FiguresVersionOptions.RecheckMilliseconds"/> and this process has committed nothing since
/// (<see cref="FiguresCommits"/>): a cached page then costs no database round trip, a change made on this node is seen
/// by its next request, and one made on another node within the recheck interval.
/// </summary>
public sealed class DatabaseFiguresVersion(
    IDbContextFactory<PerformanceWheelDbContext> contextFactory, TimeProvider time, IOptions<FiguresVersionOptions> options) : IFiguresVersion
{
    private readonly TimeSpan _recheck = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.RecheckMilliseconds));
    private readonly Lazy<string> _database = new(() =>
    {
        using var db = contextFactory.CreateDbContext();
        return db.Database.GetConnectionString() ?? string.Empty;
    });
    private Known? _known;

    /// <summary>A version that reads the database on every call (tools and tests that build readers by hand).</summary>
    public DatabaseFiguresVersion(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
        : this(contextFactory, TimeProvider.System, Options.Create(new FiguresVersionOptions { RecheckMilliseconds = 0 }))
    {
    }

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        // The commit count is taken before the read: a commit during the read makes the next call read again.
        var commits = FiguresCommits.Count(_database.Value);
        var now = time.GetTimestamp();
        var known = _known;
        if (known is not null && known.Commits == commits && time.GetElapsedTime(known.ReadAt, now) < _recheck)
        {
            return known.Value;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var value = await FiguresVersions.CurrentAsync(db, cancellationToken);
        if (_recheck > TimeSpan.Zero && (known is null || known.Commits != commits || value >= known.Value))
        {
            _known = new Known(value, commits, now);
        }

        return value;
    }

    private sealed record Known(long Value, long Commits, long ReadAt);
}
