using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// A scorecard's filters and sort, as the URL carries them (?rag=Red&amp;direction=Declining&amp;segment=O4.1&amp;sort=rating):
/// the one filter the scorecard page, its Excel export and the API's scorecard apply, so they give the same rows.
/// Rag is a status name or "none" (not rated); Direction a direction name; Segment a segment code; Sort "rating"
/// (worst first), "direction" (declining first), "title", or anything else for the measures' codes.
/// </summary>
public sealed record ScorecardFilter(string? Rag = null, string? Direction = null, string? Segment = null, string? Sort = null)
{
    /// <summary>The sorts offered, with their labels.</summary>
    public static IReadOnlyList<(string Value, string Text)> Sorts { get; } =
        [("code", "Code"), ("rating", "Rating, worst first"), ("direction", "Direction, declining first"), ("title", "Title")];

    /// <summary>The ratings offered, with their labels ("none": not rated).</summary>
    public static IReadOnlyList<(string Value, string Text)> Ratings { get; } =
        [("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("blue", "Blue"), ("none", "Not rated")];

    /// <summary>The filters set, as query-string pairs (to keep them in links and downloads).</summary>
    public IReadOnlyList<(string Name, string Value)> Query =>
        new (string, string?)[] { ("rag", Rag), ("direction", Direction), ("segment", Segment), ("sort", Sort) }
            .Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => (p.Item1, p.Item2!))
            .ToList();

    public IEnumerable<ScorecardLine> Apply(IEnumerable<ScorecardLine> lines) => Apply(lines, l => l.Line);

    public IEnumerable<MeasureLine> Apply(IEnumerable<MeasureLine> lines) => Apply(lines, l => l);

    private IEnumerable<T> Apply<T>(IEnumerable<T> items, Func<T, MeasureLine> line)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!string.IsNullOrEmpty(Rag))
        {
            items = items.Where(i => Rag.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? line(i).Result.Rating.Status is null
                : string.Equals(line(i).Result.Rating.Status?.ToString(), Rag, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrEmpty(Direction))
        {
            items = items.Where(i => string.Equals(line(i).Result.DirectionFromPrevious?.ToString(), Direction, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrEmpty(Segment))
        {
            items = items.Where(i => string.Equals(line(i).SegmentCode, Segment, StringComparison.OrdinalIgnoreCase));
        }

        return Sort switch
        {
            "rating" => items.OrderByDescending(i => line(i).Result.Rating.Status?.Severity() ?? -1).ThenBy(i => line(i).Code, StringComparer.OrdinalIgnoreCase),
            "direction" => items.OrderBy(i => DirectionOrder(line(i).Result.DirectionFromPrevious)).ThenBy(i => line(i).Code, StringComparer.OrdinalIgnoreCase),
            "title" => items.OrderBy(i => line(i).Title, StringComparer.OrdinalIgnoreCase),
            _ => items,
        };
    }

    private static int DirectionOrder(Domain.Rating.Direction? direction) => direction switch
    {
        Domain.Rating.Direction.Declining => 0,
        Domain.Rating.Direction.Steady => 1,
        Domain.Rating.Direction.Improving => 2,
        _ => 3,
    };
}
