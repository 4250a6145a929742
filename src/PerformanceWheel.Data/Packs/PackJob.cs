using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Data.Packs;

/// <summary>Where a pack job is.</summary>
public enum PackJobState
{
    Queued = 1,
    Running = 2,
    Ready = 3,
    Failed = 4,
}

/// <summary>
/// A PDF pack made ahead of its readers (docs/decisions/0015): one row per pack, kind, committee, quarter and audience,
/// queued, claimed by one node's pack maker, then holding the file and the figures version it was made from.
/// </summary>
public sealed class PackJob : Entity
{
    /// <summary>"published|Cabinet||2025/26 Q4": audience, kind, committee and quarter; one row each.</summary>
    public const int KeyLength = 800;

    private PackJob() { }

    public PackJob(string key, string kind, string? committee, ReportingPeriod quarter, string audience, long figuresVersion, DateTimeOffset now)
    {
        Key = Guard.Required(key, "Key", KeyLength);
        Kind = Guard.Required(kind, "Kind", Lengths.Enum);
        Committee = committee;
        Quarter = quarter;
        Audience = Guard.Required(audience, "Audience", KeyLength);
        FiguresVersion = figuresVersion;
        State = PackJobState.Queued;
        QueuedAt = now;
    }

    public string Key { get; private set; } = null!;

    /// <summary>Cabinet or Scrutiny.</summary>
    public string Kind { get; private set; } = null!;

    /// <summary>The committee's code of a Scrutiny pack.</summary>
    public string? Committee { get; private set; }

    public ReportingPeriod Quarter { get; private set; }

    /// <summary>Whose figures (FigureScope.Key): "published", "all", or "drafts:" and the directorates.</summary>
    public string Audience { get; private set; } = null!;

    /// <summary>The figures version the pack is (to be) made from; a ready pack of another version is stale.</summary>
    public long FiguresVersion { get; private set; }

    public PackJobState State { get; private set; }

    /// <summary>What the maker is doing now ("Reading the figures", "Printing"), shown while the pack is made.</summary>
    public string? Stage { get; private set; }

    /// <summary>Tries since it was last queued for a new version (a pack that keeps failing is not retried forever).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The maker that claimed the job, and until when: a job whose lease ran out (its node stopped) is made again.</summary>
    public Guid? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public string? Error { get; private set; }

    public string? FileName { get; private set; }

    public byte[]? Content { get; private set; }

    /// <summary>The contents page's page of each section as last printed (JSON), so the next print of the pack prints once.</summary>
    public string? PageMap { get; private set; }

    /// <summary>Asked for again with newer figures (or after a failure): made again, the old file no longer served.</summary>
    public void Requeue(long figuresVersion, DateTimeOffset now)
    {
        if (figuresVersion != FiguresVersion)
        {
            Attempts = 0;
        }

        FiguresVersion = figuresVersion;
        State = PackJobState.Queued;
        Stage = null;
        Error = null;
        QueuedAt = now;
        ClaimedBy = null;
        LeaseUntil = null;
        Content = null;
    }
}
