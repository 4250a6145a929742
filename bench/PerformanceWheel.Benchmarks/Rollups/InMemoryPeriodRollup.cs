using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks.Rollups;

/// <summary>One segment's line for a quarter: suggested rating, direction and the rollup of its measures.</summary>
public sealed record SegmentResult(Segment Segment, RagStatus? Suggested, Direction? Direction, Rollup Measures);

/// <summary>A whole quarter for the council: every measure rated and rolled up by segment, ring, directorate and overall.</summary>
public sealed record QuarterResult(
    IReadOnlyList<(Measure Measure, MeasureResult Result)> Measures,
    IReadOnlyList<(SegmentGroup Group, IReadOnlyList<SegmentResult> Segments, Rollup Counts)> Groups,
    IReadOnlyList<(Directorate Directorate, Rollup Rollup)> Directorates,
    Rollup SegmentTotals,
    Rollup MeasureTotals,
    IReadOnlyList<string> Headlines);

/// <summary>
/// Mirrors PerformanceSnapshot.Evaluate (src/PerformanceWheel.Application/Performance) on in-memory entities: the
/// measures shown in the quarter, each evaluated by MeasureEvaluator; per segment the rollup, suggested rating
/// (SegmentRating.Suggest) and majority direction; per ring the rollup of its segments; per directorate the rollup
/// of its measures; the council's totals and headline sentences. The filters are linear scans, as in the original.
/// </summary>
public static class InMemoryPeriodRollup
{
    public static QuarterResult Evaluate(LargeCouncilModel council, ReportingPeriod quarter)
    {
        ArgumentNullException.ThrowIfNull(council);
        var scheme = council.Settings.Scheme;
        var lines = council.Measures
            .Where(m => m.DiscontinuedFrom is not { } from || from.Year >= quarter.Year.Previous)
            .Select(m => (Measure: m, Result: MeasureEvaluator.Evaluate(m, council.OutturnsOf(m), quarter, scheme)))
            .OrderBy(l => l.Measure.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var groups = new List<(SegmentGroup, IReadOnlyList<SegmentResult>, Rollup)>();
        foreach (var group in council.Plan.Groups.OrderBy(g => g.Order))
        {
            var segments = new List<SegmentResult>();
            foreach (var segment in group.Segments.Where(s => !s.IsRetired).OrderBy(s => s.Order).ThenBy(s => s.Code))
            {
                var measures = lines.Where(l => l.Measure.Segment?.Code == segment.Code).ToList();
                var suggested = SegmentRating.Suggest(measures.Select(m => m.Result.Rating.Status), [], scheme);
                var assessment = council.Assessments.FirstOrDefault(a => a.Segment == segment && a.Period == quarter);
                segments.Add(new SegmentResult(
                    segment,
                    suggested,
                    assessment?.Direction ?? MajorityDirection(measures.Select(m => m.Result.DirectionFromPrevious)),
                    Rollup.Of(measures.Select(m => (m.Result.Rating, m.Result.DirectionFromPrevious)), scheme)));
            }

            var counts = Rollup.OfProjectsOrSegments(segments.Select(s => (s.Suggested is { } r ? RagRating.Of(r) : RagRating.NotRated(NotRatedReason.NoValue), s.Direction)));
            groups.Add((group, segments, counts));
        }

        var directorates = council.Directorates
            .Select(d => (d, Rollup.Of(lines.Where(l => l.Measure.Directorate == d).Select(l => (l.Result.Rating, l.Result.DirectionFromPrevious)), scheme)))
            .ToList();
        var measureTotals = Rollup.Of(lines.Where(l => l.Measure.Segment is not null).Select(l => (l.Result.Rating, l.Result.DirectionFromPrevious)), scheme);
        return new QuarterResult(
            lines,
            groups,
            directorates,
            Rollup.Combine(groups.Select(g => g.Item3)),
            measureTotals,
            Headlines.For(measureTotals));
    }

    private static Direction? MajorityDirection(IEnumerable<Direction?> directions)
    {
        var known = directions.Where(d => d.HasValue).Select(d => d!.Value).ToList();
        if (known.Count == 0)
        {
            return null;
        }

        var ranked = known.GroupBy(d => d).OrderByDescending(g => g.Count()).ToList();
        return ranked.Count > 1 && ranked[0].Count() == ranked[1].Count() ? Direction.Steady : ranked[0].Key;
    }
}
