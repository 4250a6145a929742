using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Workflow;

/// <summary>A figure as the reviewer saw it when the review was loaded: its measure, period and version then.</summary>
public sealed record SeenFigure(string MeasureCode, ReportingPeriod Period, int Version)
{
    public static SeenFigure Of(EntryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Measure.Code, row.Period, row.Outturn?.Version ?? 0);
    }
}

/// <summary>A figure the reviewer may not approve while the council separates duties, and why ("you entered it").</summary>
public sealed record DutyConflict(string MeasureCode, ReportingPeriod Period, string Why)
{
    public string Text => $"{MeasureCode} {Period.Label} ({Why})";
}

/// <summary>What returning did: how many figures were returned, or why none were (<see cref="Refused"/>).</summary>
public sealed record ReturnOutcome(int Returned, string? Refused)
{
    /// <summary>The figures changed by someone else since the reviewer loaded them ("code period (what happened)").</summary>
    public IReadOnlyList<string> Stale { get; init; } = [];
}

/// <summary>What a reviewer sees: the directorate's figures of the quarter and which submitted ones they may approve.</summary>
public sealed record ReviewSheet(EntryGrid Grid, bool SeparatesDuties, IReadOnlyList<DutyConflict> Conflicts)
{
    public IReadOnlyList<EntryRow> Submitted => Grid.Rows.Where(r => r.Outturn?.State == WorkflowState.Submitted).ToList();

    /// <summary>Why the reviewer may not approve the figure of <paramref name="row"/>; null when they may.</summary>
    public string? ConflictOf(EntryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Conflicts.FirstOrDefault(c => c.MeasureCode == row.Measure.Code && c.Period == row.Period)?.Why;
    }

    /// <summary>The submitted figures the reviewer may approve ("ready").</summary>
    public IReadOnlyList<EntryRow> Ready => Submitted.Where(r => ConflictOf(r) is null).ToList();
}

/// <summary>
/// The director's review: approving or returning a directorate's submitted figures of a quarter — all of them, one
/// measure's, or one figure — with separation of duties and the version each figure was seen at. The one path of
/// approving and returning: the outturn page's forms (through <see cref="OutturnWorkflow"/>) and the interactive review
/// both come here. The methods taking a <see cref="WorkflowUser"/> check <see cref="DirectorateAccess"/> before changing
/// anything; a figure changed since it was seen is not approved or returned, and the outcome names it.
/// </summary>
public sealed class FigureReview(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    /// <summary>The review of a directorate's quarter for <paramref name="user"/>; null when there is no such directorate or they may not review it.</summary>
    public async Task<ReviewSheet?> SheetAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!DirectorateAccess.Allows(user, DirectorateOperation.ReviewFigures, directorate))
        {
            return null;
        }

        var grid = await new OutturnWorkflow(contexts, clock).GridAsync(directorate, quarter, cancellationToken);
        if (grid is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var submitted = await OutturnWorkflow.InStateAsync(db, directorate, quarter, [WorkflowState.Submitted], null, cancellationToken);
        return new ReviewSheet(grid, await OutturnWorkflow.SeparatesDutiesAsync(db, cancellationToken), await DutyConflictsAsync(db, submitted, user.Name, cancellationToken));
    }

    /// <summary>Approves the <paramref name="figures"/> seen, when <paramref name="user"/> is a Director of the directorate or an Admin.</summary>
    public Task<ApprovalOutcome> ApproveAsync(
        WorkflowUser user, string directorate, ReportingPeriod quarter, IReadOnlyList<SeenFigure> figures, string? overrideReason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(figures);
        return DirectorateAccess.Allows(user, DirectorateOperation.ApproveFigures, directorate)
            ? ApproveAsync(directorate, quarter, figures, user.Name, user.IsAdmin, overrideReason, cancellationToken)
            : Task.FromResult(ApprovalOutcome.Refusal([], $"Nothing was approved: only a Director of {directorate} or an Admin may approve its figures."));
    }

    /// <summary>Returns the <paramref name="figures"/> seen (one figure, or figures of one measure) with a reason, when <paramref name="user"/> may.</summary>
    public Task<ReturnOutcome> ReturnAsync(
        WorkflowUser user, string directorate, ReportingPeriod quarter, IReadOnlyList<SeenFigure> figures, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(figures);
        if (!DirectorateAccess.Allows(user, DirectorateOperation.ReturnFigures, directorate))
        {
            return Task.FromResult(new ReturnOutcome(0, $"Nothing was returned: only a Director of {directorate} or an Admin may return its figures."));
        }

        var codes = figures.Select(f => f.MeasureCode).Distinct(StringComparer.Ordinal).ToList();
        return codes.Count != 1
            ? Task.FromResult(new ReturnOutcome(0, "Nothing was returned: return one figure or one measure's figures at a time."))
            : ReturnAsync(directorate, quarter, codes[0], figures, reason, user.Name, cancellationToken);
    }

    /// <summary>
    /// Approves submitted figures: every one of the quarter (<paramref name="seen"/> null) or those seen, all or none.
    /// When the council separates duties, nothing is approved while any of them was entered or last changed by the approver
    /// (the outcome names them and why), unless an Admin overrides with a reason, which the audit log records.
    /// </summary>
    internal async Task<ApprovalOutcome> ApproveAsync(
        string directorate, ReportingPeriod quarter, IReadOnlyList<SeenFigure>? seen, string user, bool isAdmin, string? overrideReason, CancellationToken cancellationToken)
    {
        if (seen is { Count: 0 })
        {
            return ApprovalOutcome.Refusal([], "Nothing was approved: no figure was chosen.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outturns = await OutturnWorkflow.InStateAsync(db, directorate, quarter, [WorkflowState.Submitted], null, cancellationToken);
        if (seen is not null)
        {
            var (chosen, stale) = await ChosenAsync(db, directorate, quarter, outturns, seen, cancellationToken);
            if (stale.Count > 0)
            {
                return ApprovalOutcome.Refusal([], StaleMessage("approved", stale)) with { Stale = stale };
            }

            outturns = chosen;
        }

        var conflicts = (await DutyConflictsAsync(db, outturns, user, cancellationToken)).Select(c => c.Text).ToList();
        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        if (conflicts.Count > 0)
        {
            var named = $"{string.Join("; ", conflicts)}. Someone else must approve {(conflicts.Count == 1 ? "it" : "them")}";
            if (reason is null)
            {
                return ApprovalOutcome.Refusal(conflicts,
                    $"Nothing was approved: separation of duties is on, and you may not approve {conflicts.Count} of {Counted.Of(outturns.Count, "submitted figure")}: {named}" +
                    (isAdmin ? ", or, as an Admin, give a reason to override (it is recorded in the audit log)." : "."));
            }

            if (!isAdmin)
            {
                return ApprovalOutcome.Refusal(conflicts,
                    $"Nothing was approved: only an Admin may override separation of duties. You may not approve {conflicts.Count} of {Counted.Of(outturns.Count, "submitted figure")}: {named}.");
            }

            if (reason.Length > Lengths.Text)
            {
                return ApprovalOutcome.Refusal(conflicts, $"Nothing was approved: the reason for overriding is longer than {Lengths.Text} characters.");
            }
        }

        var at = clock.GetUtcNow();
        OutturnWorkflow.Move(db, outturns, WorkflowState.Approved, "Approved", null, directorate, quarter, user, at, ScopeOf(seen));
        if (conflicts.Count > 0)
        {
            var details = $"{Counted.Of(conflicts.Count, "figure")} approved by whoever entered or last changed {(conflicts.Count == 1 ? "it" : "them")}: {string.Join("; ", conflicts)}. Reason: {reason}";
            db.AuditEntries.Add(new AuditEntry(user, at, OutturnWorkflow.OverrideAction, "Directorate period", OutturnWorkflow.KeyPrefix(directorate, quarter),
                details.Length <= Lengths.Text ? details : details[..Lengths.Text]));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApprovalOutcome.Refusal([], "Nothing was approved: someone changed these figures at the same moment. Reload the review to see them as they are now.");
        }

        return new ApprovalOutcome(outturns.Count, null, conflicts, conflicts.Count > 0);
    }

    /// <summary>Returns submitted figures with a reason: every one of the quarter, one measure's, or those seen (of one measure).</summary>
    internal async Task<ReturnOutcome> ReturnAsync(
        string directorate, ReportingPeriod quarter, string? measureCode, IReadOnlyList<SeenFigure>? seen, string? reason, string user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ReturnOutcome(0, "Nothing was returned: enter the reason for returning, so the officers know what to change.");
        }

        if (reason.Trim().Length > Lengths.Text)
        {
            return new ReturnOutcome(0, $"Nothing was returned: the reason for returning must be at most {Lengths.Text} characters; it has {reason.Trim().Length}.");
        }

        if (seen is { Count: 0 })
        {
            return new ReturnOutcome(0, "Nothing was returned: no figure was chosen.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outturns = await OutturnWorkflow.InStateAsync(db, directorate, quarter, [WorkflowState.Submitted], measureCode, cancellationToken);
        if (seen is not null)
        {
            var (chosen, stale) = await ChosenAsync(db, directorate, quarter, outturns, seen, cancellationToken);
            if (stale.Count > 0)
            {
                return new ReturnOutcome(0, StaleMessage("returned", stale)) { Stale = stale };
            }

            outturns = chosen;
        }

        OutturnWorkflow.Move(db, outturns, WorkflowState.Returned, OutturnWorkflow.ReturnedAction, reason.Trim(), directorate, quarter, user, clock.GetUtcNow(),
            seen is { Count: 1 } ? $"{seen[0].MeasureCode} {seen[0].Period.Label}" : measureCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReturnOutcome(0, "Nothing was returned: someone changed these figures at the same moment. Reload the review to see them as they are now.");
        }

        return new ReturnOutcome(outturns.Count, null);
    }

    // The submitted figures the reviewer chose, and those changed since they saw them ("code period (what happened)"):
    // saved again (a new version), moved on (returned to draft, approved by someone else) or gone.
    private static async Task<(List<Outturn> Chosen, List<string> Stale)> ChosenAsync(
        PerformanceWheelDbContext db, string directorate, ReportingPeriod quarter, List<Outturn> submitted, IReadOnlyList<SeenFigure> seen, CancellationToken cancellationToken)
    {
        var chosen = new List<Outturn>();
        var stale = new List<string>();
        List<Outturn>? others = null;
        foreach (var figure in seen.DistinctBy(f => (f.MeasureCode, f.Period)))
        {
            var name = $"{figure.MeasureCode} {figure.Period.Label}";
            var outturn = submitted.FirstOrDefault(o => o.Measure.Code == figure.MeasureCode && o.Period == figure.Period);
            if (outturn is not null && outturn.Version == figure.Version)
            {
                chosen.Add(outturn);
                continue;
            }

            if (outturn is not null)
            {
                stale.Add($"{name} (changed by {outturn.UpdatedBy} since you opened the review)");
                continue;
            }

            others ??= await OutturnWorkflow.InStateAsync(db, directorate, quarter, Enum.GetValues<WorkflowState>(), null, cancellationToken);
            var now = others.FirstOrDefault(o => o.Measure.Code == figure.MeasureCode && o.Period == figure.Period);
            stale.Add(now is null
                ? $"{name} (no longer there)"
                : $"{name} (now {now.State.InSentence()}, by {now.UpdatedBy})");
        }

        return (chosen, stale);
    }

    private static string StaleMessage(string done, IReadOnlyList<string> stale) =>
        $"Nothing was {done}: {string.Join("; ", stale)}. Nothing was overwritten; reload the review to see the figures as they are now.";

    // What the audit entry says was moved: one figure, one measure's figures, or (null) a number of figures.
    private static string? ScopeOf(IReadOnlyList<SeenFigure>? seen)
    {
        if (seen is null || seen.Select(f => f.MeasureCode).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return null;
        }

        return seen.Count == 1 ? $"{seen[0].MeasureCode} {seen[0].Period.Label}" : seen[0].MeasureCode;
    }

    /// <summary>The figures <paramref name="user"/> may not approve, and why; none when the council does not separate duties.</summary>
    private static async Task<List<DutyConflict>> DutyConflictsAsync(PerformanceWheelDbContext db, List<Outturn> outturns, string user, CancellationToken cancellationToken)
    {
        if (outturns.Count == 0 || !await OutturnWorkflow.SeparatesDutiesAsync(db, cancellationToken))
        {
            return [];
        }

        var ids = outturns.Select(o => o.Id).ToList();
        var revisions = await db.OutturnRevisions.AsNoTracking().Where(r => ids.Contains(r.OutturnId)).ToListAsync(cancellationToken);
        var latest = revisions.GroupBy(r => r.OutturnId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);

        // Figures entered through an API key carry the key's name: the person who made the key answers for them.
        var keys = (await db.ApiKeys.AsNoTracking().Select(k => new { k.Name, k.Prefix, k.CreatedBy }).ToListAsync(cancellationToken))
            .Where(k => SeparationOfDuties.Same(k.CreatedBy, user))
            .Select(k => new ApproversKey(ApiKey.ActingNameOf(k.Name, k.Prefix), k.Name))
            .ToList();
        return outturns
            .OrderBy(o => o.Measure.Code, StringComparer.Ordinal).ThenBy(o => o.Period)
            .Select(o => (o, Why: SeparationOfDuties.Conflict(o, latest.GetValueOrDefault(o.Id), user, keys)))
            .Where(c => c.Why is not null)
            .Select(c => new DutyConflict(c.o.Measure.Code, c.o.Period, c.Why!))
            .ToList();
    }
}
