using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// What rating needs of an outturn, read without its commentary and authorship (the narrow projection the wheel,
/// comparisons and scorecards read).
/// </summary>
internal readonly record struct RatedFigure(decimal? Value, OutturnStatus? Status, WorkflowState State, bool IsProvisional) : IRatedFigure;

/// <summary>
/// The framework and the outturns of a range of financial years, read once and evaluated in memory for any
/// quarter in that range (the wheel, comparisons across quarters, trends). Outturns are read narrowly
/// (<see cref="RatedFigure"/>: no commentary, no authorship), and only one directorate's when a scorecard asks.
/// </summary>
internal sealed class PerformanceSnapshot
{
    private static readonly IReadOnlyDictionary<ReportingPeriod, RatedFigure> NoOutturns = new Dictionary<ReportingPeriod, RatedFigure>();

    private PerformanceSnapshot() { }

    /// <summary>The council's scheme for each financial year; a year is rated under its own.</summary>
    public SchemeHistory Schemes { get; private init; } = SchemeHistory.Plain;

    public IReadOnlyList<Plan> Plans { get; private init; } = [];

    public IReadOnlyList<Measure> Measures { get; private init; } = [];

    public IReadOnlyList<Directorate> Directorates { get; private init; } = [];

    public IReadOnlyDictionary<int, IReadOnlyDictionary<ReportingPeriod, RatedFigure>> Outturns { get; private init; } =
        new Dictionary<int, IReadOnlyDictionary<ReportingPeriod, RatedFigure>>();

    public IReadOnlyList<SegmentAssessment> Assessments { get; private init; } = [];

    public IReadOnlyList<Project> Projects { get; private init; } = [];

    public FigureScope Scope { get; private init; } = FigureScope.Published;

    public bool PublishedOnly => Scope.PublishedOnly;

    /// <summary>Quarters with at least one published figure (PeriodPublication); filled for readers who do not see every draft.</summary>
    public IReadOnlySet<ReportingPeriod> PublishedQuarters { get; private init; } = new HashSet<ReportingPeriod>();

    /// <param name="directorateId">Only this directorate's measures and figures (a scorecard); null for the whole council.</param>
    public static async Task<PerformanceSnapshot> LoadAsync(
        PerformanceWheelDbContext db, FinancialYear from, FinancialYear to, FigureScope scope, CancellationToken cancellationToken, SchemeHistory? schemes = null, int? directorateId = null)
    {
        var settings = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking()
            .Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var measureQuery = db.Measures.AsNoTracking();
        if (directorateId is { } only)
        {
            measureQuery = measureQuery.Where(m => m.DirectorateId == only);
        }

        var measures = await measureQuery
            .Include(m => m.Directorate)
            .Include(m => m.Segment)
            .Include(m => m.Committees)
            .Include(m => m.Targets)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var directorates = await db.Directorates.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.Name).ToListAsync(cancellationToken);

        var codes = ReportingPeriod.EveryPeriod(from, to).ToList();
        var outturnQuery = scope.Filter(db.Outturns.AsNoTracking()).Where(o => codes.Contains(o.Period));
        if (directorateId is { } owner)
        {
            outturnQuery = outturnQuery.Where(o => o.Measure.DirectorateId == owner);
        }

        var outturns = await outturnQuery
            .Select(o => new { o.MeasureId, o.Period, o.Value, o.Status, o.State, o.IsProvisional })
            .ToListAsync(cancellationToken);

        var quarters = codes.Where(c => c.Kind == PeriodKind.Quarter).ToList();
        var assessments = await db.SegmentAssessments.AsNoTracking()
            .Where(a => quarters.Contains(a.Period))
            .ToListAsync(cancellationToken);
        var projects = await ProjectUpdateReader.Visible(db, scope)
            .Where(p => !p.IsRetired)
            .ToListAsync(cancellationToken);

        return new PerformanceSnapshot
        {
            Schemes = schemes ?? settings?.SchemeHistory ?? SchemeHistory.Plain,
            Plans = plans,
            Measures = measures,
            Directorates = directorates,
            Outturns = outturns
                .GroupBy(o => o.MeasureId)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ReportingPeriod, RatedFigure>)g.ToDictionary(o => o.Period, o => new RatedFigure(o.Value, o.Status, o.State, o.IsProvisional))),
            Assessments = assessments,
            Projects = projects,
            Scope = scope,
            PublishedQuarters = !scope.AllDrafts
                ? outturns.Where(o => o.State == WorkflowState.Published && o.Period.Kind != PeriodKind.Year).Select(o => o.Period.Quarter).ToHashSet()
                : new HashSet<ReportingPeriod>(),
        };
    }

    /// <summary>The plan in force in a financial year (the newest that covers it).</summary>
    public Plan? PlanFor(FinancialYear year) =>
        Plans.Where(p => p.Covers(year)).OrderByDescending(p => p.FirstYear).FirstOrDefault();

    public IReadOnlyDictionary<ReportingPeriod, RatedFigure> OutturnsOf(Measure measure) => Outturns.GetValueOrDefault(measure.Id, NoOutturns);

    public MeasureResult Evaluate(Measure measure, ReportingPeriod period) =>
        MeasureEvaluator.Evaluate(measure, OutturnsOf(measure), period, Schemes.For(period.Year));

    /// <summary>Measures shown on scorecards for a quarter: active ones, and discontinued ones (as Blue) for the year they stopped and the next.</summary>
    public IEnumerable<Measure> MeasuresShownIn(ReportingPeriod quarter) =>
        Measures.Where(m => m.DiscontinuedFrom is not { } from || from.Year >= quarter.Year.Previous);

    public PeriodEvaluation Evaluate(ReportingPeriod quarter, Plan? plan)
    {
        var lines = MeasuresShownIn(quarter)
            .Select(m => ToLine(m, Evaluate(m, quarter)))
            .OrderBy(l => l.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var groups = plan is null ? [] : Groups(plan, quarter, lines);
        var segmentCodes = groups.SelectMany(g => g.Segments).Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var planMeasures = plan is null ? lines : lines.Where(l => l.SegmentCode is not null && segmentCodes.Contains(l.SegmentCode)).ToList();
        var scheme = Schemes.For(quarter.Year);
        var measureTotals = Rollup.Of(planMeasures.Select(l => (l.Result.Rating, l.Result.DirectionFromPrevious)), scheme);

        return new PeriodEvaluation(
            quarter,
            plan?.Name,
            groups,
            lines,
            Directorates.Select(d => d.Name).ToList(),
            Rollup.Combine(groups.Select(g => g.SegmentCounts)),
            measureTotals,
            Headlines.For(measureTotals),
            PublishedOnly)
        {
            Scheme = scheme,
            SchemeFrom = Schemes.EffectiveFrom(quarter.Year),
        };
    }

    public static MeasureLine ToLine(Measure m, MeasureResult result) => new(
        m.Code, m.Title, m.Directorate.Name, m.Segment?.Code, m.Unit,
        FigureFormat.For(m, [result.Value, result.PreviousValue, result.LastYearValue, result.Target?.Value, result.Target?.Low, result.Target?.High]).Decimals,
        m.Polarity, m.Frequency,
        m.Committees.Select(c => c.Code).Order().ToList(), result);

    private List<GroupLine> Groups(Plan plan, ReportingPeriod quarter, IReadOnlyList<MeasureLine> lines)
    {
        var result = new List<GroupLine>();
        var scheme = Schemes.For(quarter.Year);

        // Grouped once for the whole plan, not searched again for each segment.
        var linesBySegment = lines.Where(l => l.SegmentCode is not null).ToLookup(l => l.SegmentCode!, StringComparer.Ordinal);
        var projectsBySegment = Projects.ToLookup(p => p.SegmentId);
        var judgements = !Scope.AllDrafts && !PublishedQuarters.Contains(quarter)
            ? new Dictionary<int, SegmentAssessment>()
            : Assessments.Where(a => a.Period == quarter).GroupBy(a => a.SegmentId).ToDictionary(g => g.Key, g => g.First());
        foreach (var group in plan.Groups.OrderBy(g => g.Order))
        {
            var segments = new List<SegmentLine>();
            foreach (var segment in group.Segments.Where(s => !s.IsRetired).OrderBy(s => s.Order).ThenBy(s => s.Code))
            {
                var measures = linesBySegment[segment.Code].ToList();
                var projectStatuses = projectsBySegment[segment.Id]
                    .Select(p => p.Updates.FirstOrDefault(u => u.Period == quarter)?.Brag)
                    .ToList();
                var suggested = SegmentRating.Suggest(measures.Select(m => m.Result.Rating.Status), projectStatuses, scheme);
                // Readers who do not see every draft (councillors, anonymous readers, Directors) see a judgement only
                // once its quarter is published (as with figures).
                var assessment = judgements.GetValueOrDefault(segment.Id);
                var projectRollup = Rollup.OfProjectsOrSegments(projectStatuses.Select(p => (p is { } r ? RagRating.Of(r) : RagRating.NotRated(NotRatedReason.NoValue), (Direction?)null)));
                var suggestedDirection = MajorityDirection(measures);
                segments.Add(new SegmentLine(
                    segment.Code,
                    segment.Title,
                    group.Name,
                    group.Order,
                    segment.Order,
                    segment.Committees.Select(c => c.Code).Order().ToList(),
                    suggested,
                    assessment?.JudgedRag,
                    assessment?.Rationale,
                    assessment?.Direction ?? suggestedDirection,
                    Rollup.Of(measures.Select(m => (m.Result.Rating, m.Result.DirectionFromPrevious)), scheme))
                {
                    SuggestedDirection = suggestedDirection,
                    JudgedDirection = assessment?.Direction,
                    Projects = projectRollup,
                });
            }

            var counts = Rollup.OfProjectsOrSegments(segments.Select(s => (s.Rag is { } r ? RagRating.Of(r) : RagRating.NotRated(NotRatedReason.NoValue), s.Direction)));
            result.Add(new GroupLine(group.Name, group.Order, segments, counts));
        }

        return result;
    }

    /// <summary>A segment's suggested direction: the direction most of its measures moved; a tie → Steady.</summary>
    private static Direction? MajorityDirection(IReadOnlyList<MeasureLine> measures)
    {
        var directions = measures.Select(m => m.Result.DirectionFromPrevious).Where(d => d.HasValue).Select(d => d!.Value).ToList();
        if (directions.Count == 0)
        {
            return null;
        }

        var ranked = directions.GroupBy(d => d).OrderByDescending(g => g.Count()).ToList();
        return ranked.Count > 1 && ranked[0].Count() == ranked[1].Count() ? Direction.Steady : ranked[0].Key;
    }
}
