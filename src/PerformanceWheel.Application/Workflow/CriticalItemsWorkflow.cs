using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Workflow;

/// <summary>A measure rated Red in the quarter, with the critical items raised for it.</summary>
public sealed record RedMeasureRow(MeasureLine Line, IReadOnlyList<CriticalItem> Items);

/// <summary>A directorate's Red measures for a quarter and their critical items; items on measures no longer Red are listed apart.</summary>
public sealed record CriticalItemSheet(
    string Directorate,
    ReportingPeriod Quarter,
    IReadOnlyList<RedMeasureRow> RedMeasures,
    IReadOnlyList<CriticalItem> NoLongerRed,
    IReadOnlyList<AuditEntry> History);

/// <summary>What the critical item form asks for.</summary>
public sealed record CriticalItemInput(string? Issue, string? RemedialAction, string? Owner);

/// <summary>
/// Critical items (seed 003): for a measure rated Red in a quarter, the issue, the remedial action agreed and its owner.
/// Officers (Admin, PerformanceOfficer) keep them for every directorate, a Director for their own directorates only.
/// Items are added only for measures that are Red in the quarter (rated with every figure, drafts included: items are
/// written while the figures are reviewed); items already raised stay editable and removable if the rating changes.
/// Every field is checked before anything is saved; every change is audited ("Critical item", "{quarter} {measure}").
/// Critical items carry no version column, so an edit carries a fingerprint of the text it started from and is refused
/// when someone else changed the item in between.
/// </summary>
public sealed class CriticalItemsWorkflow(IDbContextFactory<PerformanceWheelDbContext> contexts, PerformanceReader performance, TimeProvider clock)
{
    public const string AuditType = "Critical item";

    private const int AuditValueLength = 200;

    /// <summary>The directorate's Red measures for the quarter with their items; null when there is no such directorate.</summary>
    public async Task<CriticalItemSheet?> SheetAsync(string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        quarter = PerformanceReader.AsQuarter(quarter);
        var owner = await db.Directorates.AsNoTracking().FirstOrDefaultAsync(d => d.Name == directorate, cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var evaluation = await performance.EvaluateAsync(quarter, FigureScope.Everything, cancellationToken);
        var lines = evaluation.Measures.Where(m => m.Directorate == owner.Name).ToList();
        var red = lines.Where(l => l.Result.Rating.Status == RagStatus.Red).ToList();
        var items = await db.CriticalItems.AsNoTracking()
            .Include(c => c.Measure)
            .Where(c => c.Period == quarter && c.Measure.DirectorateId == owner.Id)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var redCodes = red.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var keys = lines.Select(l => l.Code).Concat(items.Select(i => i.Measure.Code)).Distinct().Select(c => Key(quarter, c)).ToList();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AuditType && keys.Contains(a.EntityKey))
            .OrderByDescending(a => a.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        return new CriticalItemSheet(
            owner.Name,
            quarter,
            red.Select(l => new RedMeasureRow(l, items.Where(i => i.Measure.Code == l.Code).ToList())).ToList(),
            items.Where(i => !redCodes.Contains(i.Measure.Code)).ToList(),
            history);
    }

    /// <summary>Raises a critical item for one of the directorate's measures that is Red in the quarter.</summary>
    public async Task<ChangeResult> AddAsync(string directorate, ReportingPeriod quarter, string measureCode, CriticalItemInput input, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        quarter = PerformanceReader.AsQuarter(quarter);
        if (!DirectorateAccess.Allows(user, DirectorateOperation.CriticalItems, directorate))
        {
            return NotYours(directorate);
        }

        var measure = await db.Measures.Include(m => m.Directorate).FirstOrDefaultAsync(m => m.Code == measureCode, cancellationToken);
        if (measure is null || measure.Directorate.Name != directorate)
        {
            return ChangeResult.Failed("Measure", $"{measureCode} is not a measure of {directorate}.");
        }

        var evaluation = await performance.EvaluateAsync(quarter, FigureScope.Everything, cancellationToken);
        var line = evaluation.Measures.FirstOrDefault(m => m.Code == measure.Code);
        if (line?.Result.Rating.Status != RagStatus.Red)
        {
            var rating = line?.Result.Rating.Describe() ?? "not reported";
            return ChangeResult.Failed("Measure", $"{measure.Code} is not Red in {quarter.Label} ({rating}): critical items are raised for measures rated Red.");
        }

        var problems = Problems(input);
        if (problems.Count > 0)
        {
            return ChangeResult.Failed(problems);
        }

        var item = new CriticalItem(measure, quarter, input.Issue!, input.RemedialAction!, input.Owner!);
        db.CriticalItems.Add(item);
        db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Added", AuditType, Key(quarter, measure.Code), Describe(item)));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(item.Id);
    }

    /// <summary>
    /// Changes an item of the directorate. <paramref name="seen"/> is the item's fingerprint when the page was opened:
    /// when the item has changed since, nothing is saved and the message says so.
    /// </summary>
    public async Task<ChangeResult> EditAsync(string directorate, int id, CriticalItemInput input, string? seen, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        if (!DirectorateAccess.Allows(user, DirectorateOperation.CriticalItems, directorate))
        {
            return NotYours(directorate);
        }

        var item = await FindAsync(db, directorate, id, cancellationToken);
        if (item is null)
        {
            return ChangeResult.Failed("Issue", "This critical item no longer exists: someone may have removed it. Reload the page.");
        }

        if (seen is not null && seen != Fingerprint(item))
        {
            return ChangeResult.Failed("Issue",
                $"Someone changed this critical item since you opened this page; it now reads: {Short(item.Issue)} Your text is kept below: save again to replace theirs.");
        }

        var problems = Problems(input);
        if (problems.Count > 0)
        {
            return ChangeResult.Failed(problems);
        }

        var before = (item.Issue, item.RemedialAction, item.Owner);
        item.Edit(input.Issue!, input.RemedialAction!, input.Owner!);
        var changes = new List<string>();
        Compare(changes, "Issue", before.Issue, item.Issue);
        Compare(changes, "Remedial action", before.RemedialAction, item.RemedialAction);
        Compare(changes, "Owner", before.Owner, item.Owner);
        if (changes.Count == 0)
        {
            return ChangeResult.Saved(item.Id);
        }

        db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Changed", AuditType, Key(item.Period, item.Measure.Code), string.Join("; ", changes)));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(item.Id);
    }

    /// <summary>Removes an item of the directorate; the audit entry keeps what it said.</summary>
    public async Task<ChangeResult> RemoveAsync(string directorate, int id, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(user);
        if (!DirectorateAccess.Allows(user, DirectorateOperation.CriticalItems, directorate))
        {
            return NotYours(directorate);
        }

        var item = await FindAsync(db, directorate, id, cancellationToken);
        if (item is null)
        {
            return ChangeResult.Failed("Issue", "This critical item no longer exists: someone may have removed it already.");
        }

        db.CriticalItems.Remove(item);
        db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Removed", AuditType, Key(item.Period, item.Measure.Code), Describe(item)));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(id);
    }

    /// <summary>A short fingerprint of an item's text, carried by the edit form to notice changes made by someone else.</summary>
    public static string Fingerprint(CriticalItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{item.Issue}\u001f{item.RemedialAction}\u001f{item.Owner}"));
        return Convert.ToHexString(bytes, 0, 8);
    }

    public static string Key(ReportingPeriod period, string measureCode)
    {
        var key = $"{period.Label} {measureCode}";
        return key.Length <= Lengths.Label ? key : key[..Lengths.Label];
    }

    private static Task<CriticalItem?> FindAsync(PerformanceWheelDbContext db, string directorate, int id, CancellationToken cancellationToken) =>
        db.CriticalItems.Include(c => c.Measure).ThenInclude(m => m.Directorate)
            .FirstOrDefaultAsync(c => c.Id == id && c.Measure.Directorate.Name == directorate, cancellationToken);

    private static ChangeResult NotYours(string directorate) =>
        ChangeResult.Failed("Measure", $"You can change critical items only for your own directorates; {directorate} is not one of them.");

    /// <summary>What is wrong with the form's fields (none when it can be saved): the pages show it as the person types.</summary>
    public static IReadOnlyList<FieldProblem> Problems(CriticalItemInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FieldProblem>();
        Check(problems, "Issue", () => Guard.Required(input.Issue, "Issue", Lengths.Text));
        Check(problems, "RemedialAction", () => Guard.Required(input.RemedialAction, "Remedial action", Lengths.Text));
        Check(problems, "Owner", () => Guard.Required(input.Owner, "Owner", Lengths.Name));
        return problems;
    }

    private static void Check(List<FieldProblem> problems, string field, Action check)
    {
        try
        {
            check();
        }
        catch (DomainException e)
        {
            problems.Add(new FieldProblem(field, e.Message));
        }
    }

    private static void Compare(List<string> changes, string field, string before, string after)
    {
        if (before != after)
        {
            changes.Add($"{field}: {Short(before)} → {Short(after)}");
        }
    }

    private static string Describe(CriticalItem item) =>
        $"Issue: {Short(item.Issue)}; Remedial action: {Short(item.RemedialAction)}; Owner: {Short(item.Owner)}";

    private static string Short(string text) => text.Length <= AuditValueLength ? text : text[..(AuditValueLength - 1)] + "…";
}
