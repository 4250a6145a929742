using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Framework;

/// <summary>What the council settings page edits: who may read without signing in, open data, and when data is overdue.</summary>
public sealed record ReadingSettings(bool AllowAnonymousReading, bool OpenDataEnabled, int OverdueDaysAfterPeriodEnd);

/// <summary>A rating scheme as the settings page asks for it, from a financial year ("2025/26") on.</summary>
public sealed record SchemeDraft(string? EffectiveFrom, decimal? BlueExceedsTargetByPercent, bool RedOnlyWhenWorseThanLastYear, SegmentRatingMethod SegmentRating);

/// <summary>What a scheme change does to a quarter: its measures' and segments' counts under the scheme it has now and under the new one.</summary>
public sealed record SchemePreview(ReportingPeriod Quarter, RagScheme Before, RagScheme After, Rollup MeasuresBefore, Rollup MeasuresAfter, Rollup SegmentsBefore, Rollup SegmentsAfter)
{
    /// <summary>Whether the change reaches the quarter at all (it does not when it applies from a later year).</summary>
    public bool Changes => Before != After;
}

/// <summary>Reads and changes the council's settings (Admin only): reading, open data, overdue days and the rating scheme; every change is audited.</summary>
public sealed class CouncilSettingsAdministration(IDbContextFactory<PerformanceWheelDbContext> contextFactory, TimeProvider clock, PerformanceReader reader)
{
    public const string AuditType = "Council settings";

    public async Task<ReadingSettings> ReadingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
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
        var settings = await db.CouncilSettings.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
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

    /// <summary>The council's name (empty when there are no settings yet); Council:Name gives only an empty database's first one.</summary>
    public async Task<string> NameAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
    }

    /// <summary>Renames the council (on reports and packs from now on); a change is audited as "Name: old → new".</summary>
    public async Task<ChangeResult> RenameAsync(string? name, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            return ChangeResult.Failed("Name", "The council has no settings yet; restart the application to create them.");
        }

        var old = settings.Name;
        try
        {
            settings.Rename(name!);
        }
        catch (DomainException e)
        {
            return ChangeResult.Failed("Name", e.Message);
        }

        if (settings.Name != old)
        {
            db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), "Updated", AuditType, Key(settings.Name), $"Name: {old} → {settings.Name}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return ChangeResult.Saved(settings.Id);
    }

    private static string Key(string name) => name.Length <= Lengths.Label ? name : name[..Lengths.Label];

    /// <summary>Whether the council separates duties: whoever entered or last changed a figure cannot approve it (off when there are no settings yet).</summary>
    public async Task<bool> SeparatesDutiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CouncilSettings.AnyAsync(c => c.SeparatesDuties, cancellationToken);
    }

    /// <summary>Turns separation of duties on or off; a change is audited.</summary>
    public async Task<ChangeResult> SaveSeparationOfDutiesAsync(bool on, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            return ChangeResult.Failed("SeparatesDuties", "The council has no settings yet; restart the application to create them.");
        }

        if (settings.SeparatesDuties != on)
        {
            var changes = new List<string>();
            Note(changes, "Separation of duties (whoever entered or last changed a figure cannot approve it)", settings.SeparatesDuties, on);
            settings.ChangeSeparationOfDuties(on);
            db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), "Updated", AuditType, settings.Name.Length <= Lengths.Label ? settings.Name : settings.Name[..Lengths.Label], changes[0]));
            await db.SaveChangesAsync(cancellationToken);
        }

        return ChangeResult.Saved(settings.Id);
    }

    /// <summary>The council's schemes by financial year (the plain scheme when there are no settings yet).</summary>
    public async Task<SchemeHistory> SchemesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return settings?.SchemeHistory ?? SchemeHistory.Plain;
    }

    /// <summary>
    /// What the change would do to the latest quarter with figures (drafts included: an Admin sees them): its counts under
    /// its scheme now and under the schemes after the change. Null when the draft is wrong (see the problems) or there are no figures yet.
    /// </summary>
    public async Task<(SchemePreview? Preview, IReadOnlyList<FieldProblem> Problems)> PreviewSchemeAsync(SchemeDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (from, scheme, problems) = Check(draft);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var quarters = await reader.QuartersWithDataAsync(FigureScope.Everything, cancellationToken);
        if (quarters.Count == 0)
        {
            return (null, []);
        }

        var current = await SchemesAsync(cancellationToken);
        var proposed = current.With(from!.Value, scheme!);
        var before = await reader.EvaluateUnderAsync(quarters[0], current, cancellationToken);
        var after = await reader.EvaluateUnderAsync(quarters[0], proposed, cancellationToken);
        return (new SchemePreview(quarters[0], before.Scheme, after.Scheme, before.MeasureTotals, after.MeasureTotals, before.SegmentTotals, after.SegmentTotals), []);
    }

    /// <summary>Changes the rating scheme from a financial year on; earlier years keep the scheme they were rated and published under.</summary>
    public async Task<ChangeResult> SaveSchemeAsync(SchemeDraft draft, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (from, scheme, problems) = Check(draft);
        if (problems.Count > 0)
        {
            return ChangeResult.Failed(problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            return ChangeResult.Failed(nameof(SchemeDraft.EffectiveFrom), "The council has no settings yet; restart the application to create them.");
        }

        var old = settings.SchemeHistory.For(from!.Value);
        if (old == scheme && settings.SchemeHistory.Changes.All(c => c.From <= from.Value))
        {
            return ChangeResult.Saved(settings.Id);
        }

        settings.ChangeSchemeFrom(from.Value, scheme!.BlueExceedsTargetByPercent, scheme.RedOnlyWhenWorseThanLastYear, scheme.SegmentRating, by, clock.GetUtcNow());
        db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), "Updated", AuditType, settings.Name.Length <= Lengths.Label ? settings.Name : settings.Name[..Lengths.Label],
            $"Rating scheme from {from.Value.Label}: {old.Description} → {scheme.Description}"));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(settings.Id);
    }

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditType).OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    private static (FinancialYear? From, RagScheme? Scheme, List<FieldProblem> Problems) Check(SchemeDraft draft)
    {
        var problems = new List<FieldProblem>();
        FinancialYear? from = null;
        if (string.IsNullOrWhiteSpace(draft.EffectiveFrom))
        {
            problems.Add(new(nameof(SchemeDraft.EffectiveFrom), "Enter the financial year the scheme applies from, e.g. 2025/26."));
        }
        else if (FinancialYear.TryParse(draft.EffectiveFrom.Trim(), out var year))
        {
            from = year;
        }
        else
        {
            problems.Add(new(nameof(SchemeDraft.EffectiveFrom), $"'{draft.EffectiveFrom.Trim()}' is not a financial year; expected a label such as 2025/26."));
        }

        if (draft.BlueExceedsTargetByPercent is < 0 or > 1000)
        {
            problems.Add(new(nameof(SchemeDraft.BlueExceedsTargetByPercent), "The Blue threshold must be between 0 and 1000 percent, or empty for no Blue for exceeding target."));
        }

        if (!Enum.IsDefined(draft.SegmentRating))
        {
            problems.Add(new(nameof(SchemeDraft.SegmentRating), "Choose how segments are rated: by majority or by the worst of their measures."));
        }

        return problems.Count > 0
            ? (null, null, problems)
            : (from, RagScheme.Create(draft.BlueExceedsTargetByPercent, draft.RedOnlyWhenWorseThanLastYear, draft.SegmentRating), problems);
    }

    private static void Note(List<string> changes, string what, bool before, bool after)
    {
        if (before != after)
        {
            changes.Add($"{what}: {(before ? "on" : "off")} → {(after ? "on" : "off")}");
        }
    }
}
