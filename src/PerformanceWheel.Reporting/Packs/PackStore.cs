using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Packs;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Pdf;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>A Cabinet or Scrutiny pack for one quarter and one audience (whose figures: FigureScope.Key).</summary>
public sealed record StoredPackRequest(PackKind Kind, string? Committee, ReportingPeriod Quarter, string Audience)
{
    /// <summary>The row's key: one pack per audience, kind, committee and quarter.</summary>
    public string Key => $"{Audience}|{Kind}|{Committee?.ToUpperInvariant()}|{Quarter.Label}";

    /// <summary>The figures the pack is for, from its audience key.</summary>
    public FigureScope Scope => Audience switch
    {
        "all" => FigureScope.Everything,
        "published" => FigureScope.Published,
        _ when Audience.StartsWith("drafts:", StringComparison.Ordinal) => FigureScope.DraftsOf(Audience["drafts:".Length..].Split('|')),
        _ => throw new InvalidOperationException($"'{Audience}' is not an audience."),
    };
}

/// <summary>What a reader is told about a stored pack, without its file.</summary>
public sealed record StoredPackStatus(
    int Id, PackJobState State, long FiguresVersion, string? Stage, int Attempts, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, string? Error, string? FileName, int Ahead);

/// <summary>A job claimed by a pack maker.</summary>
public sealed record ClaimedPack(int Id, Guid Claim, StoredPackRequest Request, IReadOnlyDictionary<string, int>? LastPages);

/// <summary>
/// The queue of pack jobs and the files they made, in the database (docs/decisions/0015): every node sees the same
/// queue and serves the same files; a job survives a restart, and a job whose maker stopped is made again once its
/// lease runs out.
/// </summary>
public sealed class PackStore(IDbContextFactory<PerformanceWheelDbContext> contextFactory, TimeProvider time, IOptions<ReportingOptions> options) : IDisposable
{
    // Ready files kept in this node's memory by (key, figures version): a made pack never changes, so a copy of one is
    // never stale; reading tens of megabytes back from the database on every download is what it saves (performance.md).
    private readonly MemoryCache _files = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.StoredPackMemoryMegabytes) * 1024L * 1024 });
    private readonly bool _keepFiles = options.Value.StoredPackMemoryMegabytes > 0;

    /// <summary>A store that keeps no file in memory (tests and tools).</summary>
    public PackStore(IDbContextFactory<PerformanceWheelDbContext> contextFactory, TimeProvider time)
        : this(contextFactory, time, Options.Create(new ReportingOptions { StoredPackMemoryMegabytes = 0 }))
    {
    }

    /// <summary>How long a claim holds without being renewed (the maker renews it while it works).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>A pack that failed this many times for the same figures is not tried again until the figures change.</summary>
    public const int MaxAttempts = 3;

    public async Task<StoredPackStatus?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var status = await db.PackJobs.AsNoTracking()
            .Where(j => j.Key == key)
            .Select(j => new StoredPackStatus(j.Id, j.State, j.FiguresVersion, j.Stage, j.Attempts, j.QueuedAt, j.StartedAt, j.FinishedAt, j.Error, j.FileName, 0))
            .FirstOrDefaultAsync(cancellationToken);
        if (status is not { State: PackJobState.Queued })
        {
            return status;
        }

        // The queue is short (a few packs per quarter and audience); SQLite cannot compare times in SQL.
        var queued = await db.PackJobs.AsNoTracking().Where(j => j.State == PackJobState.Queued && j.Id != status.Id).Select(j => j.QueuedAt).ToListAsync(cancellationToken);
        return status with { Ahead = queued.Count(q => q <= status.QueuedAt) };
    }

    /// <summary>The stored file of a ready pack of the given figures version, or null (not ready, or stale).</summary>
    public async Task<PackFile?> FileAsync(string key, long figuresVersion, CancellationToken cancellationToken = default)
    {
        var id = (key, figuresVersion);
        if (_keepFiles && _files.TryGetValue(id, out PackFile? kept))
        {
            return kept;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.PackJobs.AsNoTracking()
            .Where(j => j.Key == key && j.State == PackJobState.Ready && j.FiguresVersion == figuresVersion)
            .Select(j => new { j.FileName, j.Content })
            .FirstOrDefaultAsync(cancellationToken);
        if (file is not { FileName: not null, Content: not null })
        {
            return null;
        }

        var found = new PackFile(file.FileName, "application/pdf", file.Content);
        if (_keepFiles)
        {
            _files.Set(id, found, new MemoryCacheEntryOptions { Size = Math.Max(1, file.Content.Length), SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return found;
    }

    public void Dispose() => _files.Dispose();

    /// <summary>Queues the pack for the given figures version unless it is already queued, being made or made for it.</summary>
    public async Task EnqueueAsync(StoredPackRequest request, long figuresVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.PackJobs.FirstOrDefaultAsync(j => j.Key == request.Key, cancellationToken);
        if (job is null)
        {
            db.PackJobs.Add(new PackJob(request.Key, request.Kind.ToString(), request.Committee, request.Quarter, request.Audience, figuresVersion, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request or node queued it at the same moment: theirs stands.
            }

            return;
        }

        var current = job.FiguresVersion == figuresVersion;
        if (current && (job.State is PackJobState.Queued or PackJobState.Running or PackJobState.Ready || job.Attempts >= MaxAttempts))
        {
            return;
        }

        job.Requeue(figuresVersion, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Claims the oldest queued job, or one whose maker's lease ran out; null when there is none.</summary>
    public async Task<ClaimedPack?> ClaimAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        // The queue is short; SQLite cannot compare or sort times in SQL, so the oldest is chosen here.
        var candidates = (await db.PackJobs.AsNoTracking()
                .Where(j => j.State == PackJobState.Queued || j.State == PackJobState.Running)
                .Select(j => new { j.Id, j.State, j.ClaimedBy, j.LeaseUntil, j.QueuedAt, j.Kind, j.Committee, j.Quarter, j.Audience, j.PageMap })
                .ToListAsync(cancellationToken))
            .Where(j => j.State == PackJobState.Queued || j.LeaseUntil < now)
            .OrderBy(j => j.QueuedAt)
            .Take(5);
        foreach (var c in candidates)
        {
            var claim = Guid.NewGuid();
            var until = now + Lease;
            // Only one maker wins: the row must still be as it was read.
            var won = await db.PackJobs
                .Where(j => j.Id == c.Id && j.State == c.State && j.ClaimedBy == c.ClaimedBy)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, PackJobState.Running)
                    .SetProperty(j => j.ClaimedBy, claim)
                    .SetProperty(j => j.LeaseUntil, until)
                    .SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.Stage, "Starting")
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
            if (won == 1)
            {
                var pages = c.PageMap is null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(c.PageMap);
                return new ClaimedPack(c.Id, claim, new StoredPackRequest(Enum.Parse<PackKind>(c.Kind), c.Committee, c.Quarter, c.Audience), pages);
            }
        }

        return null;
    }

    /// <summary>Says what the maker is doing and renews its lease; false when the job is no longer its own (queued again).</summary>
    public async Task<bool> ProgressAsync(ClaimedPack job, string stage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var until = time.GetUtcNow() + Lease;
        return await db.PackJobs
            .Where(j => j.Id == job.Id && j.ClaimedBy == job.Claim && j.State == PackJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, stage).SetProperty(j => j.LeaseUntil, until), cancellationToken) == 1;
    }

    /// <summary>Stores the file made from the figures of <paramref name="figuresVersion"/>, unless the job was queued again meanwhile.</summary>
    public async Task<bool> CompleteAsync(ClaimedPack job, PackFile file, long figuresVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(file);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var pages = file.Pages is null ? null : JsonSerializer.Serialize(file.Pages);
        return await db.PackJobs
            .Where(j => j.Id == job.Id && j.ClaimedBy == job.Claim && j.State == PackJobState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, PackJobState.Ready)
                .SetProperty(j => j.FiguresVersion, figuresVersion)
                .SetProperty(j => j.Content, file.Content)
                .SetProperty(j => j.FileName, file.FileName)
                .SetProperty(j => j.PageMap, pages)
                .SetProperty(j => j.Stage, (string?)null)
                .SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ClaimedBy, (Guid?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    public async Task FailAsync(ClaimedPack job, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var message = error.Length > 2000 ? error[..2000] : error;
        await db.PackJobs
            .Where(j => j.Id == job.Id && j.ClaimedBy == job.Claim && j.State == PackJobState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, PackJobState.Failed)
                .SetProperty(j => j.Error, message)
                .SetProperty(j => j.Stage, (string?)null)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ClaimedBy, (Guid?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Quarters published as a whole so far, and the newest: when it changes, a quarter was published.</summary>
    public async Task<(int Count, int LastId)> PublicationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var count = await db.QuarterPublications.CountAsync(cancellationToken);
        var last = count == 0 ? 0 : await db.QuarterPublications.MaxAsync(p => p.Id, cancellationToken);
        return (count, last);
    }
}
