namespace PerformanceWheel.Domain.Rating;

/// <summary>The suggested rating of a segment from its rated children (measures and projects).</summary>
public static class SegmentRating
{
    /// <summary>
    /// A segment's suggestion from its measures and projects under the scheme the quarter is rated under. A measure's
    /// Blue counts as on or above target (Green) when the scheme makes Blue "exceeding target"; otherwise (discontinued)
    /// it stands apart, as a project's Blue (complete or closed) always does.
    /// </summary>
    public static RagStatus? Suggest(IEnumerable<RagStatus?> measures, IEnumerable<RagStatus?> projects, RagScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(scheme);
        var fromMeasures = scheme.BlueMeansExceedingTarget
            ? measures.Select(m => m == RagStatus.Blue ? RagStatus.Green : m)
            : measures;
        return Suggest(fromMeasures.Concat(projects), scheme.SegmentRating);
    }

    /// <summary>
    /// Majority: the status held by most rated children, a tie going to the worse. WorstOf: the worst status.
    /// Only Green, Amber and Red count (Blue stands apart here: callers with measures rated under a scheme where Blue
    /// means exceeding target use the overload taking the scheme). No rated children → null.
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
