using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;

namespace PerformanceWheel.Application.Framework;

/// <summary>What the council settings page edits: who may read without signing in, open data, and when data is overdue.</summary>
public sealed record ReadingSettings(bool AllowAnonymousReading, bool OpenDataEnabled, int OverdueDaysAfterPeriodEnd);

/// <summary>Reads and changes the council's reading and open data settings (Admin only); every change is audited.</summary>
public sealed class CouncilSettingsAdministration(IDbContextFactory<PerformanceWheelDbContext> contextFactory, TimeProvider clock)
{
    public const string AuditType = "Council settings";

    public async Task<ReadingSettings> ReadingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return settings is null
            ? new ReadingSettings(false, false, 30)
            : new ReadingSettings(settings.AllowAnonymousReading, settings.OpenDataEnabled, settings.OverdueDaysAfterPeriodEnd);
    }

    /// <summary>Whether the council publishes open data (off when there are no settings yet).</summary>
    public async Task<bool> OpenDataEnabledAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CouncilSettings.AnyAsync(c => c.OpenDataEnabled, cancellationToken);
    }

    public async Task<ChangeResult> SaveReadingAsync(ReadingSettings wanted, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            return ChangeResult.Failed(nameof(ReadingSettings.AllowAnonymousReading), "The council has no settings yet; restart the application to create them.");
        }

        var changes = new List<string>();
        Note(changes, "Anonymous reading", settings.AllowAnonymousReading, wanted.AllowAnonymousReading);
        Note(changes, "Open data", settings.OpenDataEnabled, wanted.OpenDataEnabled);
        if (settings.OverdueDaysAfterPeriodEnd != wanted.OverdueDaysAfterPeriodEnd)
        {
            changes.Add($"Overdue after: {settings.OverdueDaysAfterPeriodEnd} → {wanted.OverdueDaysAfterPeriodEnd} days");
        }

        try
        {
            settings.ChangeReading(wanted.AllowAnonymousReading, wanted.OverdueDaysAfterPeriodEnd);
        }
        catch (DomainException e)
        {
            return ChangeResult.Failed(nameof(ReadingSettings.OverdueDaysAfterPeriodEnd), e.Message);
        }

        settings.ChangeOpenData(wanted.OpenDataEnabled);
        if (changes.Count > 0)
        {
            db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), "Updated", AuditType, settings.Name.Length <= Lengths.Label ? settings.Name : settings.Name[..Lengths.Label], string.Join("; ", changes)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(settings.Id);
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditType).OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    private static void Note(List<string> changes, string what, bool before, bool after)
    {
        if (before != after)
        {
            changes.Add($"{what}: {(before ? "on" : "off")} → {(after ? "on" : "off")}");
        }
    }
}
