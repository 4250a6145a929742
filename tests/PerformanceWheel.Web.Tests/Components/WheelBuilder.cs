using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Web.Tests.Components;

/// <summary>Builds a <see cref="PeriodEvaluation"/> by hand: rings of segments with their ratings and directions.</summary>
internal sealed class WheelBuilder(string period = "2019/20 Q2")
{
    private readonly List<(string Name, List<SegmentLine> Segments)> _groups = [];

    public WheelBuilder Ring(string name, params SegmentLine[] segments)
    {
        _groups.Add((name, segments.ToList()));
        return this;
    }

    public static SegmentLine Segment(string code, RagStatus? suggested, RagStatus? judged = null, Direction? direction = null, string? title = null) =>
        new(code, title ?? $"Segment {code}", "ring", 1, 1, ["P"], suggested, judged, judged is null ? null : "Judged by the board.", direction, Rollup.Of([], RagScheme.Default));

    public PeriodEvaluation Build()
    {
        var groups = _groups
            .Select((g, i) => new GroupLine(
                g.Name,
                i + 1,
                g.Segments.Select((s, j) => s with { Group = g.Name, GroupOrder = i + 1, Order = j + 1 }).ToList(),
                Rollup.OfProjectsOrSegments(g.Segments.Select(s => (s.Rag is { } r ? RagRating.Of(r) : RagRating.NotRated(NotRatedReason.NoValue), s.Direction)))))
            .ToList();
        var measures = Rollup.Of([(RagRating.Of(RagStatus.Green), Direction.Improving), (RagRating.Of(RagStatus.Red), null)], RagScheme.Default);
        return new PeriodEvaluation(
            ReportingPeriod.Parse(period),
            "Test plan",
            groups,
            [],
            [],
            Rollup.Combine(groups.Select(g => g.SegmentCounts)),
            measures,
            Headlines.For(measures),
            PublishedOnly: false);
    }
}
