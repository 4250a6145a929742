using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Reads the framework and outturns for a quarter and applies the rating rules: the wheel's segments with their
/// suggested and judged ratings, every measure's figure, rating and directions, and the rollups and headlines.
/// </summary>
public sealed class PerformanceReader(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
{
    /// <summary>The quarters that have at least one outturn (any measure frequency), newest first.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> QuartersWithDataAsync(bool publishedOnly, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var periods = await db.Outturns
            .Where(o => !publishedOnly || o.State == WorkflowState.Published)
            .Select(o => o.Period)
            .Distinct()
            .ToListAsync(cancellationToken);
        return periods
            .Where(p => p.Kind != PeriodKind.Year)
            .Select(p => p.Quarter)
            .Distinct()
            .OrderDescending()
            .ToList();
    }

    /// <summary>Evaluates every measure and segment for a quarter.</summary>
    public async Task<PeriodEvaluation> EvaluateAsync(ReportingPeriod quarter, bool publishedOnly, CancellationToken cancellationToken = default)
    {
        quarter = quarter.Kind == PeriodKind.Quarter ? quarter : quarter.Quarter;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var settings = await db.CouncilSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var scheme = settings?.Scheme ?? RagScheme.Default;

        var plans = await db.Plans.AsNoTracking()
            .Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees)
            .ToListAsync(cancellationToken);
        var plan = plans.Where(p => p.Covers(quarter.Year)).OrderByDescending(p => p.FirstYear).FirstOrDefault();

        var measures = await db.Measures.AsNoTracking()
            .Include(m => m.Directorate)
            .Include(m => m.Segment)
            .Include(m => m.Committees)
            .Include(m => m.Targets)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // Outturns of this and the previous financial year cover the previous quarter, the same quarter last year and year-to-date months.
        var codes = RelevantPeriods(quarter.Year);
        var outturns = await db.Outturns.AsNoTracking()
            .Where(o => codes.Contains(o.Period))
            .Where(o => !publishedOnly || o.State == WorkflowState.Published)
            .ToListAsync(cancellationToken);
        var byMeasure = outturns
            .GroupBy(o => o.MeasureId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ReportingPeriod, Outturn>)g.ToDictionary(o => o.Period));
        var empty = new Dictionary<ReportingPeriod, Outturn>();

        var lines = measures
            // A discontinued measure stays on the scorecard (as Blue) for the year it stopped and the year after.
            .Where(m => m.DiscontinuedFrom is not { } from || from.Year >= quarter.Year.Previous)
            .Select(m => new MeasureLine(
                m.Code, m.Title, m.Directorate.Name, m.Segment?.Code, m.Unit, m.DecimalPlaces, m.Polarity, m.Frequency,
                m.Committees.Select(c => c.Code).Order().ToList(),
                MeasureEvaluator.Evaluate(m, byMeasure.GetValueOrDefault(m.Id, empty), quarter, scheme)))
            .OrderBy(l => l.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var groups = plan is null ? [] : await GroupsAsync(db, plan, quarter, lines, scheme, cancellationToken);
        var planMeasures = plan is null
            ? lines
            : lines.Where(l => l.SegmentCode is not null && groups.Any(g => g.Segments.Any(s => s.Code == l.SegmentCode))).ToList();
        var measureTotals = Rollup.Of(planMeasures.Select(l => (l.Result.Rating, l.Result.DirectionFromPrevious)));

        return new PeriodEvaluation(
            quarter,
            plan?.Name,
            groups,
            lines,
            Rollup.Combine(groups.Select(g => g.SegmentCounts)),
            measureTotals,
            Headlines.For(measureTotals),
            publishedOnly);
    }

    private static async Task<IReadOnlyList<GroupLine>> GroupsAsync(
        PerformanceWheelDbContext db, Plan plan, ReportingPeriod quarter, IReadOnlyList<MeasureLine> lines, RagScheme scheme, CancellationToken cancellationToken)
    {
        var segmentIds = plan.Groups.SelectMany(g => g.Segments).Select(s => s.Id).ToList();
        var assessments = await db.SegmentAssessments.AsNoTracking()
            .Where(a => segmentIds.Contains(a.SegmentId) && a.Period == quarter)
            .ToDictionaryAsync(a => a.SegmentId, cancellationToken);
        var projects = await db.Projects.AsNoTracking()
            .Include(p => p.Updates)
            .Where(p => segmentIds.Contains(p.SegmentId) && !p.IsRetired)
            .ToListAsync(cancellationToken);

        var result = new List<GroupLine>();
        foreach (var group in plan.Groups.OrderBy(g => g.Order))
        {
            var segments = new List<SegmentLine>();
            foreach (var segment in group.Segments.Where(s => !s.IsRetired).OrderBy(s => s.Order).ThenBy(s => s.Code))
            {
                var measures = lines.Where(l => l.SegmentCode == segment.Code).ToList();
                var projectStatuses = projects
                    .Where(p => p.SegmentId == segment.Id)
                    .Select(p => p.Updates.FirstOrDefault(u => u.Period == quarter)?.Brag);
                var suggested = SegmentRating.Suggest(
                    measures.Select(m => m.Result.Rating.Status).Concat(projectStatuses), scheme.SegmentRating);
                assessments.TryGetValue(segment.Id, out var assessment);
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
                    assessment?.Direction ?? MajorityDirection(measures),
                    Rollup.Of(measures.Select(m => (m.Result.Rating, m.Result.DirectionFromPrevious)))));
            }

            var counts = Rollup.Of(segments.Select(s => (s.Rag is { } r ? RagRating.Of(r) : RagRating.NotRated(NotRatedReason.NoValue), s.Direction)));
            result.Add(new GroupLine(group.Name, group.Order, segments, counts));
        }

        return result;
    }

    /// <summary>A segment's suggested direction: the direction most of its measures moved, a tie → Steady.</summary>
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

    /// <summary>Every month, quarter and year code of a financial year and the one before it.</summary>
    public static List<ReportingPeriod> RelevantPeriods(FinancialYear year)
    {
        var periods = new List<ReportingPeriod>();
        foreach (var fy in new[] { year.Previous, year })
        {
            var whole = ReportingPeriod.ForYear(fy);
            periods.Add(whole);
            periods.AddRange(whole.Quarters());
            periods.AddRange(whole.Months());
        }

        return periods;
    }
}
