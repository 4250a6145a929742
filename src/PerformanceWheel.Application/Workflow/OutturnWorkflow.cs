using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Workflow;

/// <summary>One measure due in the period, with what the entry grid shows beside the inputs.</summary>
public sealed record EntryRow(
    Measure Measure,
    ReportingPeriod Period,
    Target? Target,
    decimal? PreviousValue,
    decimal? ValueBefore,
    Outturn? Outturn,
    MeasureResult Result)
{
    /// <summary>The measure's figures of this year and last (what <see cref="Result"/> was evaluated from), for previews.</summary>
    public IReadOnlyDictionary<ReportingPeriod, Outturn> Series { get; init; } = new Dictionary<ReportingPeriod, Outturn>();

    /// <summary>The director's reason when the figure is returned (from the audit entry that returned it); null otherwise.</summary>
    public string? ReturnReason { get; init; }
}

/// <summary>The entry grid of a directorate for a quarter.</summary>
public sealed record EntryGrid(Directorate Directorate, ReportingPeriod Quarter, IReadOnlyList<EntryRow> Rows, IReadOnlyList<AuditEntry> History)
{
    public int Count(WorkflowState state) => Rows.Count(r => r.Outturn?.State == state);

    public int Missing => Rows.Count(r => r.Outturn is null);
}

/// <summary>One directorate's line on the data-due tracker.</summary>
public sealed record DueLine(string Directorate, int Due, IReadOnlyList<string> Missing, int Draft, int Returned, int Submitted, int Approved, int Published, DateOnly DueBy, bool IsOverdue);

/// <summary>
/// What publishing a quarter did: how many figures it published, whether that published the quarter as a whole (every
/// figure due is now published, so readers open it by default), or why nothing was published.
/// </summary>
public sealed record PublishOutcome(int Published, bool Whole, string? Refused)
{
    public string Message(ReportingPeriod quarter) => Refused ?? (Whole
        ? $"{Counted.Of(Published, "figure")} published for {quarter.Label}: the whole quarter is published and readers now open it first."
        : $"{Counted.Of(Published, "figure")} published for {quarter.Label} as part of the quarter; readers keep opening the last quarter published as a whole first.");
}

/// <summary>
/// What approving did: how many figures were approved, or why none were (<see cref="Refused"/>). <see cref="Conflicts"/>
/// names the figures the approver entered or last changed ("code period (why)"); approved anyway only by an Admin's override.
/// </summary>
public sealed record ApprovalOutcome(int Approved, string? Refused, IReadOnlyList<string> Conflicts, bool Overridden)
{
    /// <summary>The figures changed by someone else since the approver loaded them ("code period (what happened)"): none was approved.</summary>
    public IReadOnlyList<string> Stale { get; init; } = [];

    public static ApprovalOutcome Refusal(IReadOnlyList<string> conflicts, string message) => new(0, message, conflicts, false);
}

/// <summary>
/// The quarterly cycle: officers enter and submit a directorate's figures, a Director of that directorate approves
/// them or returns them with a reason, and an Admin or PerformanceOfficer publishes the whole period, which locks it.
/// Every change of a figure after its first entry leaves a revision; every step leaves an audit entry.
/// </summary>
public sealed class OutturnWorkflow(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    // Each public method is one operation with a context of its own (docs/decisions/0012): the grid is interactive, and
    // a context shared by a circuit's events would be shared by every event of the officer's session.
    /// <summary>The measures of a directorate due in a quarter: quarterly ones for the quarter, monthly ones for each month, annual ones in Q4.</summary>
    public async Task<EntryGrid?> GridAsync(string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await GridAsync(db, directorate, quarter, cancellationToken);
    }

    private static async Task<EntryGrid?> GridAsync(PerformanceWheelDbContext db, string directorate, ReportingPeriod quarter, CancellationToken cancellationToken)
    {
        var owner = await db.Directorates.AsNoTracking().FirstOrDefaultAsync(d => d.Name == directorate, cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var measures = await db.Measures.AsNoTracking()
            .Include(m => m.Targets).Include(m => m.Directorate)
            .Where(m => m.DirectorateId == owner.Id)
            .OrderBy(m => m.Code)
            .ToListAsync(cancellationToken);
        var ids = measures.Select(m => m.Id).ToList();
        var periods = ReportingPeriod.EveryPeriod(quarter.Year.Previous, quarter.Year).ToList();
        var outturns = await db.Outturns.AsNoTracking().Where(o => ids.Contains(o.MeasureId) && periods.Contains(o.Period)).ToListAsync(cancellationToken);
        var byMeasure = outturns.GroupBy(o => o.MeasureId).ToDictionary(g => g.Key, g => g.ToDictionary(o => o.Period));

        var rows = new List<EntryRow>();
        foreach (var m in measures.Where(m => !m.IsDiscontinuedIn(quarter)))
        {
            var series = byMeasure.GetValueOrDefault(m.Id) ?? [];
            foreach (var period in DuePeriods(m, quarter))
            {
                series.TryGetValue(period, out var current);
                rows.Add(new EntryRow(
                    m, period, m.TargetFor(period),
                    series.GetValueOrDefault(period.Previous)?.Value,
                    series.GetValueOrDefault(period.Previous.Previous)?.Value,
                    current,
                    MeasureEvaluator.Evaluate(m, series, period)) { Series = series });
            }
        }

        var key = KeyPrefix(owner.Name, quarter);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Directorate period" && a.EntityKey == key)
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        var withReasons = rows.Select(r => r.Outturn?.State == WorkflowState.Returned ? r with { ReturnReason = ReturnReasonOf(r.Measure.Code, r.Period, history) } : r).ToList();
        return new EntryGrid(owner, quarter, withReasons, history);
    }

    // The reason of the latest "Returned" entry that covers the figure: one written by Move for the figure ("CODE Oct-19
    // (n figures): reason"), for its measure ("CODE (n figures): reason") or for every submitted figure ("n figures: reason").
    private static string? ReturnReasonOf(string code, ReportingPeriod period, IReadOnlyList<AuditEntry> newestFirst)
    {
        foreach (var entry in newestFirst.Where(a => a.Action == ReturnedAction && a.Changes is not null))
        {
            var changes = entry.Changes!;
            var colon = changes.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var what = changes[..colon];
            if (what.StartsWith(code + " (", StringComparison.Ordinal) || what.StartsWith($"{code} {period.Label} (", StringComparison.Ordinal)
                || (what.Length > 0 && char.IsAsciiDigit(what[0])))
            {
                return changes[(colon + 2)..];
            }
        }

        return null;
    }

    /// <summary>
    /// The data-due tracker: for each directorate, how many figures of the quarter are missing, draft, returned,
    /// submitted, approved and published, and whether missing ones are overdue (the council's days after period end).
    /// </summary>
    public async Task<IReadOnlyList<DueLine>> TrackerAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TrackerAsync(db, quarter, cancellationToken);
    }

    private async Task<IReadOnlyList<DueLine>> TrackerAsync(PerformanceWheelDbContext db, ReportingPeriod quarter, CancellationToken cancellationToken)
    {
        var settings = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var dueBy = quarter.End.AddDays(settings?.OverdueDaysAfterPeriodEnd ?? 30);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var lines = new List<DueLine>();
        foreach (var name in await db.Directorates.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken))
        {
            var grid = await GridAsync(db, name, quarter, cancellationToken);
            if (grid is null)
            {
                continue;
            }

            var missing = grid.Rows.Where(r => r.Outturn is null).Select(r => $"{r.Measure.Code} {r.Period.Label}").ToList();
            lines.Add(new DueLine(name, grid.Rows.Count, missing, grid.Count(WorkflowState.Draft), grid.Count(WorkflowState.Returned),
                grid.Count(WorkflowState.Submitted), grid.Count(WorkflowState.Approved), grid.Count(WorkflowState.Published),
                dueBy, missing.Count > 0 && today > dueBy));
        }

        return lines;
    }

    public static IEnumerable<ReportingPeriod> DuePeriods(Measure measure, ReportingPeriod quarter)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Frequency switch
        {
            Frequency.Monthly => quarter.Months(),
            Frequency.Quarterly => [quarter],
            _ => quarter.Number == 4 ? [ReportingPeriod.ForYear(quarter.Year)] : [],
        };
    }

    /// <summary>Enters or changes figures of the directorate (the grid and the API): see <see cref="FigureEntry"/>.</summary>
    public Task<IReadOnlyList<EntryOutcome>> SaveAsync(string directorate, IReadOnlyList<EntryInput> inputs, string user, CancellationToken cancellationToken = default) =>
        new FigureEntry(contexts, clock).SaveAsync(directorate, inputs, user, cancellationToken);

    /// <summary>Submits the directorate's draft figures for the quarter.</summary>
    public Task<int> SubmitAsync(string directorate, ReportingPeriod quarter, string user, CancellationToken cancellationToken = default) =>
        MoveAsync(directorate, quarter, [WorkflowState.Draft, WorkflowState.Returned], WorkflowState.Submitted, "Submitted", null, user, cancellationToken);

    /// <summary>
    /// A Director (or an Admin) approves the directorate's submitted figures of the quarter, all or none. When the council
    /// separates duties, nothing is approved while any of them was entered or last changed by the approver (the outcome names
    /// them and why), unless an Admin overrides with a reason, which the audit log records with the figures.
    /// </summary>
    public Task<ApprovalOutcome> ApproveAsync(
        string directorate, ReportingPeriod quarter, string user, bool isAdmin = false, string? overrideReason = null, CancellationToken cancellationToken = default) =>
        new FigureReview(contexts, clock).ApproveAsync(directorate, quarter, null, user, isAdmin, overrideReason, cancellationToken);

    /// <summary>The audit log's action when a Director returns figures.</summary>
    public const string ReturnedAction = "Returned";

    /// <summary>The audit log's action for an Admin's override of separation of duties.</summary>
    public const string OverrideAction = "Separation of duties overridden";

    /// <summary>Whether the council separates duties (off while the council has no settings).</summary>
    public async Task<bool> SeparatesDutiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SeparatesDutiesAsync(db, cancellationToken);
    }

    internal static Task<bool> SeparatesDutiesAsync(PerformanceWheelDbContext db, CancellationToken cancellationToken) =>
        db.CouncilSettings.AnyAsync(c => c.SeparatesDuties, cancellationToken);

    /// <summary>A Director returns submitted figures (all, or one measure's) with a reason.</summary>
    public async Task<int> ReturnAsync(string directorate, ReportingPeriod quarter, string? measureCode, string reason, string user, CancellationToken cancellationToken = default)
    {
        Guard.Required(reason, "Reason for returning", Lengths.Text);
        return (await new FigureReview(contexts, clock).ReturnAsync(directorate, quarter, measureCode, null, reason, user, cancellationToken)).Returned;
    }

    /// <summary>
    /// Publishes every approved figure of the period (all directorates); published figures are locked. When some figures
    /// due are not approved or not entered, publishing only the approved ones must be chosen deliberately
    /// (<paramref name="partOfQuarter"/>) and does not move readers' default quarter; with nothing approved, nothing is
    /// published and the outcome says why. Publishing that leaves every figure due published publishes the quarter as a whole.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(ReportingPeriod quarter, string user, bool partOfQuarter = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await TrackerAsync(db, quarter, cancellationToken);
        var waiting = lines.Sum(l => l.Draft + l.Returned + l.Submitted);
        var missing = lines.Sum(l => l.Missing.Count);
        var periods = DueIn(quarter);
        var approved = await db.Outturns.Include(o => o.Measure).Where(o => periods.Contains(o.Period) && o.State == WorkflowState.Approved).ToListAsync(cancellationToken);
        if (approved.Count == 0)
        {
            return new PublishOutcome(0, false,
                $"Nothing was published: no figure of {quarter.Label} is approved yet ({waiting} entered but not approved, {missing} not entered). " +
                "A Director approves a directorate's submitted figures before they can be published.");
        }

        var whole = waiting == 0 && missing == 0;
        if (!whole && !partOfQuarter)
        {
            return new PublishOutcome(0, false,
                $"Nothing was published: of the figures due for {quarter.Label}, {Counted.Of(waiting, "is entered but not approved", "are entered but not approved")} " +
                $"and {Counted.Of(missing, "is not entered", "are not entered")}. " +
                $"Choose to publish only the {Counted.Of(approved.Count, "approved figure")} as part of the quarter, or wait until every directorate's figures are approved.");
        }

        var at = clock.GetUtcNow();
        foreach (var o in approved)
        {
            o.MoveTo(WorkflowState.Published, user, at);
        }

        // Project updates: the quarter's approved updates are published with its figures.
        await ProjectUpdatePublication.PublishApprovedAsync(db, quarter, user, at, cancellationToken);

        if (whole && !await db.QuarterPublications.AnyAsync(p => p.Quarter == quarter, cancellationToken))
        {
            db.QuarterPublications.Add(new QuarterPublication(quarter, user, at));
        }

        db.AuditEntries.Add(new AuditEntry(user, at, "Published", "Period", quarter.Label,
            $"{Counted.Of(approved.Count, "figure")} published ({(whole ? "the whole quarter" : $"part of the quarter: {waiting} not approved, {missing} not entered")})"));
        await db.SaveChangesAsync(cancellationToken);
        return new PublishOutcome(approved.Count, whole, null);
    }

    /// <summary>Corrects a published figure: a reason is required, and the revision (old → new, who, when, why) is kept.</summary>
    public async Task CorrectAsync(string measureCode, ReportingPeriod period, decimal? value, OutturnStatus? status, string reason, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outturn = await db.Outturns.Include(o => o.Measure).FirstOrDefaultAsync(o => o.Measure.Code == measureCode && o.Period == period, cancellationToken)
            ?? throw new DomainException($"There is no figure for {measureCode} in {period.Label}.");
        if ((await FigurePeriods.RuleAsync(db, clock, cancellationToken)).Problem(outturn.Measure, period) is { } periodProblem)
        {
            throw new DomainException(periodProblem);
        }

        var at = clock.GetUtcNow();
        var (oldValue, oldStatus) = (outturn.Value, outturn.Status);
        outturn.Correct(value, status, outturn.IsProvisional, outturn.Commentary, reason, user, at);
        db.OutturnRevisions.Add(new OutturnRevision(outturn, oldValue, oldStatus, RevisionKind.Correction, reason, user, at));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> MoveAsync(
        string directorate, ReportingPeriod quarter, WorkflowState[] from, WorkflowState to, string action, string? reason, string user, CancellationToken cancellationToken, string? measureCode = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outturns = await InStateAsync(db, directorate, quarter, from, measureCode, cancellationToken);
        Move(db, outturns, to, action, reason, directorate, quarter, user, clock.GetUtcNow(), measureCode);
        await db.SaveChangesAsync(cancellationToken);
        return outturns.Count;
    }

    internal static Task<List<Outturn>> InStateAsync(PerformanceWheelDbContext db, string directorate, ReportingPeriod quarter, WorkflowState[] from, string? measureCode, CancellationToken cancellationToken)
    {
        var periods = DueIn(quarter);
        return db.Outturns.Include(o => o.Measure).ThenInclude(m => m.Directorate)
            .Where(o => o.Measure.Directorate.Name == directorate && periods.Contains(o.Period) && from.Contains(o.State))
            .Where(o => measureCode == null || o.Measure.Code == measureCode)
            .ToListAsync(cancellationToken);
    }

    internal static void Move(
        PerformanceWheelDbContext db, List<Outturn> outturns, WorkflowState to, string action, string? reason, string directorate, ReportingPeriod quarter, string user, DateTimeOffset at, string? scope)
    {
        foreach (var o in outturns)
        {
            o.MoveTo(to, user, at);
        }

        // scope: what was moved when not every figure in the state was: a measure ("CODE") or one figure ("CODE Oct-19").
        var figures = Counted.Of(outturns.Count, "figure");
        var what = scope is null ? figures : $"{scope} ({figures})";
        db.AuditEntries.Add(new AuditEntry(user, at, action, "Directorate period", KeyPrefix(directorate, quarter), reason is null ? what : $"{what}: {reason}"));
    }

    internal static List<ReportingPeriod> DueIn(ReportingPeriod quarter) =>
        [quarter, .. quarter.Months(), .. quarter.Number == 4 ? [ReportingPeriod.ForYear(quarter.Year)] : Array.Empty<ReportingPeriod>()];

    internal static string KeyPrefix(string directorate, ReportingPeriod quarter)
    {
        var key = $"{quarter.Label} {directorate}";
        return key.Length <= Lengths.Label ? key : key[..Lengths.Label];
    }
}
