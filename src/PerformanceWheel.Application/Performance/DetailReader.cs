using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>One period of a measure's trend: the figure, its rating and directions, and what was said about it.</summary>
public sealed record TrendPoint(MeasureResult Result, string? Commentary, Outturn? Outturn);

/// <summary>Everything a measure page shows.</summary>
public sealed record MeasureDetail(Measure Measure, ReportingPeriod Period, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<CriticalItem> CriticalItems, bool PublishedOnly)
{
    public TrendPoint? Latest => Trend.Count == 0 ? null : Trend[^1];

    /// <summary>The council's rating schemes: each period of the trend is rated under its own financial year's.</summary>
    public SchemeHistory Schemes { get; init; } = SchemeHistory.Plain;

    /// <summary>The rating scheme the detail's period is rated under (its financial year's).</summary>
    public RagScheme Scheme => Schemes.For(Period.Year);

    /// <summary>How this measure's figures and targets are written wherever the detail is shown: one number of decimals for all of them.</summary>
    public FigureFormat Format => FigureFormat.For(Measure, Trend.SelectMany(t => new[] { t.Result.Value, t.Result.PreviousValue }));

    /// <summary>
    /// Every change to the measure's figures (old → new, who, when, why), newest first. Published-only readers get the
    /// corrections of published figures only, never a change to a draft.
    /// </summary>
    public IReadOnlyList<OutturnRevision> Revisions { get; init; } = [];

    /// <summary>The display names of the people named in the trend and revisions, by user name.</summary>
    public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How a person is credited to readers: their display name, or the measure's directorate for anyone who is not a known
    /// user (the demo loader, an API key, a removed account). Never a user name or email address.
    /// </summary>
    public string Credit(string? userName) =>
        userName is not null && People.TryGetValue(userName, out var name) ? name : Measure.Directorate.Name;
}

/// <summary>Everything a segment page shows for a quarter.</summary>
public sealed record SegmentDetail(
    Segment Segment,
    SegmentLine Line,
    PeriodEvaluation Evaluation,
    IReadOnlyList<MeasureLine> Measures,
    IReadOnlyList<(Project Project, ProjectUpdate? Update)> Projects,
    IReadOnlyList<CriticalItem> CriticalItems);

/// <summary>
/// Budget monitoring for one quarter: its service-area lines (none when no monitoring was recorded for it — never
/// another quarter's), the overall position by quarter, and the quarters that have service-area lines.
/// </summary>
public sealed record FinanceView(ReportingPeriod? Period, IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<BudgetLine> Lines, IReadOnlyList<BudgetPosition> Positions)
{
    public decimal TotalBudget => Lines.Sum(l => l.ApprovedBudget);

    public decimal TotalForecast => Lines.Sum(l => l.ForecastOutturn);

    public decimal TotalVariance => TotalForecast - TotalBudget;

    public int? TotalVariancePercent => TotalBudget == 0 ? null : (int)Math.Round(TotalVariance * 100m / TotalBudget, MidpointRounding.AwayFromZero);

    /// <summary>The overall position recorded for the chosen quarter, if any.</summary>
    public BudgetPosition? Position => Positions.FirstOrDefault(p => p.Period == Period);

    /// <summary>The quarters whose finance is not published yet (shown only to readers who see drafts, marked as drafts).</summary>
    public IReadOnlySet<ReportingPeriod> DraftQuarters { get; init; } = new HashSet<ReportingPeriod>();

    /// <summary>Whether the chosen quarter's finance is a draft.</summary>
    public bool IsDraft => Period is { } p && DraftQuarters.Contains(p);

    /// <summary>Whether anything at all (lines or an overall position) was recorded for the chosen quarter.</summary>
    public bool HasPeriod => Period is { } p && (Periods.Contains(p) || Position is not null);

    /// <summary>The plain statement shown instead of the service-area table when the quarter has none.</summary>
    public string NoLinesStatement => Period is { } p
        ? $"No budget monitoring by service area has been recorded for {p.Label}."
        : "No budget monitoring has been recorded.";
}

/// <summary>Seed 004's two lists for a quarter, with seed 003's critical items.</summary>
public sealed record ExceptionsView(PeriodEvaluation Evaluation, IReadOnlyList<MeasureLine> RequiringImprovement, IReadOnlyList<MeasureLine> Improved, IReadOnlyList<CriticalItem> CriticalItems);

/// <summary>Reads single measures, segments, projects, finance and exceptions.</summary>
public sealed class DetailReader(IDbContextFactory<PerformanceWheelDbContext> contextFactory, PerformanceReader performance, TimeProvider clock)
{
    /// <summary>
    /// A measure with its last eight periods ending at <paramref name="period"/> (default: its latest figure; with no figure
    /// at all, Q1 of the financial year the app's clock is in).
    /// </summary>
    public async Task<MeasureDetail?> MeasureAsync(string code, ReportingPeriod? period, FigureScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var measure = await db.Measures.AsNoTracking()
            .Include(m => m.Directorate)
            .Include(m => m.Segment!).ThenInclude(s => s.Group).ThenInclude(g => g.Plan)
            .Include(m => m.Committees)
            .Include(m => m.Benchmarks)
            .Include(m => m.Targets)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Code == code, cancellationToken);
        if (measure is null)
        {
            return null;
        }

        var (outturns, schemes) = await MeasureFigures.LoadAsync(db, measure.Id, scope, cancellationToken);

        var end = period is { } p
            ? OwnPeriod(measure, p)
            : outturns.Keys.Where(k => k.Kind == measure.PeriodKind).DefaultIfEmpty(ReportingPeriod.ForQuarter(FinancialYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), 1)).Max();

        var trend = Enumerable.Range(0, PerformanceReader.TrendLength)
            .Select(i => PerformanceReader.Back(end, PerformanceReader.TrendLength - 1 - i))
            .Select(q => new TrendPoint(MeasureEvaluator.Evaluate(measure, outturns, q, schemes.For(q.Year)), outturns.GetValueOrDefault(q)?.Commentary, outturns.GetValueOrDefault(q)))
            .ToList();
        var seesDrafts = scope.SeesDraftsOf(measure.Directorate.Name);
        var criticalItems = await VisibleAsync(db, await db.CriticalItems.AsNoTracking().Include(c => c.Measure).ThenInclude(m => m.Directorate).Where(c => c.MeasureId == measure.Id).ToListAsync(cancellationToken), scope, cancellationToken);
        var revisions = await db.OutturnRevisions.AsNoTracking()
            .Where(r => r.Outturn.MeasureId == measure.Id)
            .Where(r => seesDrafts || (r.Kind == RevisionKind.Correction && r.Outturn.State == WorkflowState.Published))
            .ToListAsync(cancellationToken);
        var userNames = trend.Select(t => t.Outturn?.CommentaryBy).Concat(revisions.Select(r => r.ChangedBy)).OfType<string>().Distinct().ToList();
        var people = (await db.Users.AsNoTracking()
                .Where(u => userNames.Contains(u.UserName!))
                .Select(u => new { u.UserName, u.DisplayName })
                .ToListAsync(cancellationToken))
            .Where(u => !string.IsNullOrWhiteSpace(u.DisplayName) && !u.DisplayName.Contains('@', StringComparison.Ordinal))
            .ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
        return new MeasureDetail(measure, end, trend, criticalItems.OrderByDescending(c => c.Period).ToList(), !seesDrafts)
        {
            Schemes = schemes,
            Revisions = revisions.OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id).ToList(),
            People = people,
        };
    }

    /// <summary>
    /// The measure's own period for a requested one: a monthly measure asked for a quarter or year shows up to its last
    /// month; a quarterly measure asked for a month shows that month's quarter; an annual measure shows the year.
    /// </summary>
    public static ReportingPeriod OwnPeriod(Measure measure, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return (measure.PeriodKind, period.Kind) switch
        {
            (PeriodKind.Month, PeriodKind.Quarter or PeriodKind.Year) => period.Months()[^1],
            (PeriodKind.Quarter, PeriodKind.Month) => period.Quarter,
            (PeriodKind.Quarter, PeriodKind.Year) => ReportingPeriod.ForQuarter(period.Year, 4),
            (PeriodKind.Year, _) => ReportingPeriod.ForYear(period.Year),
            _ => period,
        };
    }

    /// <summary>A segment for a quarter: its rating, measures, projects and critical items (kept per figures version and audience).</summary>
    public async Task<SegmentDetail?> SegmentAsync(string code, ReportingPeriod quarter, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(scope);
        quarter = PerformanceReader.AsQuarter(quarter);
        return await performance.KeptAsync(
            $"segment|{EvaluatedQuarters.AudienceKey(scope)}|{quarter.Code}|{code}",
            () => BuildSegmentAsync(code, quarter, scope),
            d => 1 + PerformanceReader.SizeOf(d.Evaluation),
            cancellationToken);
    }

    private async Task<SegmentDetail?> BuildSegmentAsync(string code, ReportingPeriod quarter, FigureScope scope)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var segment = await db.Segments.AsNoTracking()
            .Include(s => s.Group).ThenInclude(g => g.Plan)
            .Include(s => s.Committees)
            .FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (segment is null)
        {
            return null;
        }

        var snapshot = await PerformanceSnapshot.LoadAsync(db, quarter.Year.Previous, quarter.Year, scope, cancellationToken);
        var plan = snapshot.Plans.First(p => p.Id == segment.Group.PlanId);
        var evaluation = snapshot.Evaluate(quarter, plan);
        var line = evaluation.Groups.SelectMany(g => g.Segments).First(s => s.Code == segment.Code);
        var measures = evaluation.Measures.Where(m => m.SegmentCode == segment.Code).ToList();
        var projects = snapshot.Projects
            .Where(p => p.SegmentId == segment.Id)
            .OrderBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
            .Select(p => (p, p.LatestAt(quarter)))
            .ToList();
        var measureCodes = measures.Select(m => m.Code).ToList();
        var criticalItems = await VisibleAsync(db, await db.CriticalItems.AsNoTracking()
            .Include(c => c.Measure).ThenInclude(m => m.Directorate)
            .Where(c => c.Period == quarter && measureCodes.Contains(c.Measure.Code))
            .ToListAsync(cancellationToken), scope, cancellationToken);
        return new SegmentDetail(segment, line, evaluation, measures, projects, criticalItems);
    }

    /// <summary>A project with the updates the reader may see (drafts only of directorates in scope).</summary>
    public async Task<Project?> ProjectAsync(string code, FigureScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ProjectUpdateReader.Visible(db, scope)
            .Include(p => p.Segment).ThenInclude(s => s.Group)
            .FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
    }

    /// <summary>Budget lines for a period (default: the latest with lines) and every overall position, as far as the reader may see them (FinanceAudience).</summary>
    public async Task<FinanceView> FinanceAsync(ReportingPeriod? period, FigureScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (lines, positions, drafts) = await Finance.FinanceAudience.VisibleAsync(
            db, await db.BudgetLines.AsNoTracking().ToListAsync(cancellationToken), await db.BudgetPositions.AsNoTracking().ToListAsync(cancellationToken), scope, cancellationToken);
        positions = positions.OrderBy(p => p.Period).ToList();
        var periods = lines.Select(l => l.Period).Distinct().OrderDescending().ToList();
        // The quarter asked for, and only that quarter: no silent fallback to an older quarter's budget.
        var chosen = period is { } asked ? PerformanceReader.AsQuarter(asked) : periods.Count > 0 ? periods[0] : (ReportingPeriod?)null;
        return new FinanceView(
            chosen,
            periods,
            lines.Where(l => l.Period == chosen).OrderBy(l => l.ServiceArea, StringComparer.OrdinalIgnoreCase).ToList(),
            positions)
        {
            DraftQuarters = drafts,
        };
    }

    /// <summary>Measures that are Red or declining (with their critical items), and measures that improved, for a quarter (kept per figures version and audience).</summary>
    public async Task<ExceptionsView> ExceptionsAsync(ReportingPeriod quarter, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        quarter = PerformanceReader.AsQuarter(quarter);
        return (await performance.KeptAsync(
            $"exceptions|{EvaluatedQuarters.AudienceKey(scope)}|{quarter.Code}",
            () => BuildExceptionsAsync(quarter, scope),
            v => 1 + v.RequiringImprovement.Count + v.Improved.Count + v.CriticalItems.Count,
            cancellationToken))!;
    }

    private async Task<ExceptionsView?> BuildExceptionsAsync(ReportingPeriod quarter, FigureScope scope)
    {
        var cancellationToken = CancellationToken.None;
        var evaluation = await performance.EvaluateAsync(quarter, scope, cancellationToken);
        var concern = evaluation.Measures
            .Where(m => m.Result.Rating.Status == RagStatus.Red || m.Result.DirectionFromPrevious == Direction.Declining)
            .OrderByDescending(m => m.Result.Rating.Status == RagStatus.Red)
            .ThenBy(m => m.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var improved = evaluation.Measures
            .Where(m => m.Result.DirectionFromPrevious == Direction.Improving && m.Result.Rating.Status != RagStatus.Red)
            .ToList();

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = await VisibleAsync(db, await db.CriticalItems.AsNoTracking()
            .Include(c => c.Measure).ThenInclude(m => m.Directorate)
            .Where(c => c.Period == evaluation.Period)
            .ToListAsync(cancellationToken), scope, cancellationToken);
        return new ExceptionsView(evaluation, concern, improved, items.OrderBy(i => i.Measure.Code, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// Critical items a reader may see: those of directorates whose drafts the reader sees, and otherwise those of
    /// published quarters (PeriodPublication).
    /// </summary>
    private static async Task<List<CriticalItem>> VisibleAsync(PerformanceWheelDbContext db, List<CriticalItem> items, FigureScope scope, CancellationToken cancellationToken)
    {
        if (scope.AllDrafts || items.Count == 0)
        {
            return items;
        }

        var published = await PeriodPublication.PublishedQuartersAsync(db, items.Select(i => i.Period), cancellationToken);
        return items.Where(i => scope.SeesDraftsOf(i.Measure.Directorate.Name) || published.Contains(PeriodPublication.QuarterOf(i.Period))).ToList();
    }
}
