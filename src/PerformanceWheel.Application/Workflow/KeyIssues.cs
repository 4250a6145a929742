using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Workflow;

/// <summary>A directorate's key issues for a quarter as read: the text, who wrote it last and when, and its version.</summary>
public sealed record KeyIssuesView(string Directorate, ReportingPeriod Quarter, string Text, string? UpdatedBy, DateTimeOffset UpdatedAt, int Version);

/// <summary>The outcome of saving key issues: saved (with the text as now stored), or the message to show beside the field.</summary>
public sealed record KeyIssuesOutcome(bool Saved, string? Message, KeyIssuesView? Current)
{
    /// <summary>Someone else saved the key issues since the version the writer started from (<see cref="Current"/> holds theirs).</summary>
    public bool Conflict { get; init; }
}

/// <summary>
/// Directorates' key issues per quarter (issue 15, the director's review; issue 17, the covering report): a Director of
/// the directorate or an Admin writes them (<see cref="DirectorateOperation.KeyIssues"/>, checked here whoever calls);
/// every change leaves an audit entry ("Directorate key issues", "{quarter} {directorate}"); a save from a version
/// someone else has since replaced is refused with theirs shown, and nothing is overwritten.
/// </summary>
public sealed class KeyIssues(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public const string AuditType = "Directorate key issues";

    /// <summary>The directorate's key issues for <paramref name="quarter"/>, or null when none are written.</summary>
    public Task<KeyIssuesView?> ForAsync(string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default) =>
        new KeyIssuesReader(contexts).ForAsync(directorate, quarter, cancellationToken);

    /// <summary>
    /// Saves the directorate's key issues for the quarter. <paramref name="version"/> is the version the writer started
    /// from (0 when none were written yet); a different stored version is a conflict.
    /// </summary>
    public async Task<KeyIssuesOutcome> SaveAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, string? text, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        quarter = quarter.Quarter;
        if (!DirectorateAccess.Allows(user, DirectorateOperation.KeyIssues, directorate))
        {
            return new KeyIssuesOutcome(false, $"Nothing was saved: only a Director of {directorate} or an Admin may write its key issues.", null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Directorates.FirstOrDefaultAsync(d => d.Name == directorate, cancellationToken);
        if (owner is null)
        {
            return new KeyIssuesOutcome(false, $"There is no directorate called '{directorate}'.", null);
        }

        var stored = await db.DirectorateKeyIssues.Include(k => k.Directorate)
            .FirstOrDefaultAsync(k => k.DirectorateId == owner.Id && k.Quarter == quarter, cancellationToken);
        if ((stored?.Version ?? 0) != version)
        {
            return new KeyIssuesOutcome(false,
                $"{stored?.UpdatedBy ?? "Someone"} saved the key issues for {directorate} since you opened this page. Nothing was overwritten: " +
                "their text is shown here and yours is kept in the box; copy what you need into yours and save again.", stored is null ? null : View(stored)) { Conflict = true };
        }

        var before = stored?.Text;
        try
        {
            var keyIssues = stored ?? new DirectorateKeyIssues(owner, quarter);
            if (!keyIssues.Write(text, user.Name, clock.GetUtcNow()))
            {
                return new KeyIssuesOutcome(true, null, View(keyIssues));
            }

            if (stored is null)
            {
                db.DirectorateKeyIssues.Add(keyIssues);
            }

            db.AuditEntries.Add(new AuditEntry(user.Name, keyIssues.UpdatedAt, before is null ? "Written" : "Changed", AuditType,
                OutturnWorkflow.KeyPrefix(directorate, quarter), Change(before, keyIssues.Text)));
            await db.SaveChangesAsync(cancellationToken);
            return new KeyIssuesOutcome(true, null, View(keyIssues));
        }
        catch (DomainException e)
        {
            return new KeyIssuesOutcome(false, e.Message, stored is null ? null : View(stored));
        }
        catch (DbUpdateException)
        {
            if (await SavedByOtherAsync(directorate, quarter, version, cancellationToken) is not { } theirs)
            {
                throw;
            }

            // Another writer saved first (the version, or the directorate-and-quarter index for a first text): nothing of theirs is overwritten.
            return new KeyIssuesOutcome(false,
                $"{theirs.UpdatedBy ?? "Someone"} saved the key issues for {directorate} at the same moment. Nothing was overwritten: " +
                "their text is shown here and yours is kept in the box; copy what you need into yours and save again.", theirs) { Conflict = true };
        }
    }

    private async Task<KeyIssuesView?> SavedByOtherAsync(string directorate, ReportingPeriod quarter, int version, CancellationToken cancellationToken) =>
        await ForAsync(directorate, quarter, cancellationToken) is { } now && now.Version != version ? now : null;

    // "Key issues: old → new", each shortened so the entry stays readable (the full text is the row itself).
    private static string Change(string? before, string after)
    {
        static string Short(string? text) => text is null ? "(none)" : text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
        return $"{DirectorateKeyIssues.TextField}: {Short(before)} → {Short(after)}";
    }

    private static KeyIssuesView View(DirectorateKeyIssues k) => KeyIssuesReader.View(k);
}

/// <summary>Reads directorates' key issues (the review, the tracker and the packs); writing them is <see cref="KeyIssues"/>.</summary>
public sealed class KeyIssuesReader(IDbContextFactory<PerformanceWheelDbContext> contexts)
{
    /// <summary>Every directorate's key issues written for <paramref name="quarter"/>, by directorate name.</summary>
    public async Task<IReadOnlyList<KeyIssuesView>> QuarterAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        quarter = quarter.Quarter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DirectorateKeyIssues.AsNoTracking().Include(k => k.Directorate)
            .Where(k => k.Quarter == quarter)
            .ToListAsync(cancellationToken);
        return rows.Select(View).OrderBy(v => v.Directorate, StringComparer.Ordinal).ToList();
    }

    /// <summary>The directorate's key issues for <paramref name="quarter"/>, or null when none are written.</summary>
    public async Task<KeyIssuesView?> ForAsync(string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        quarter = quarter.Quarter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DirectorateKeyIssues.AsNoTracking().Include(k => k.Directorate)
            .FirstOrDefaultAsync(k => k.Directorate.Name == directorate && k.Quarter == quarter, cancellationToken);
        return row is null ? null : View(row);
    }

    internal static KeyIssuesView View(DirectorateKeyIssues k) => new(k.Directorate.Name, k.Quarter, k.Text, k.UpdatedBy, k.UpdatedAt, k.Version);
}
