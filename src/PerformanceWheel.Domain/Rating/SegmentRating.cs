namespace PerformanceWheel.Domain.Rating;

/// <summary>The suggested rating of a segment from its rated children (measures and projects).</summary>
public static class SegmentRating
{
    /// <summary>
    /// Majority: the status held by most rated children, a tie going to the worse. WorstOf: the worst status.
    /// Only Green, Amber and Red count (Blue — discontinued measures, closed projects — stands apart).
    /// No rated children → null.
    /// </summary>
    public static RagStatus? Suggest(IEnumerable<RagStatus?> children, SegmentRatingMethod method = SegmentRatingMethod.Majority)
    {
        ArgumentNullException.ThrowIfNull(children);
        var rated = children
            .Where(c => c is RagStatus.Green or RagStatus.Amber or RagStatus.Red)
            .Select(c => c!.Value)
            .ToList();
        if (rated.Count == 0)
        {
            return null;
        }

        if (method == SegmentRatingMethod.WorstOf)
        {
            return rated.MaxBy(s => s.Severity());
        }

        return rated
            .GroupBy(s => s)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.Severity())
            .First()
            .Key;
    }
}
