using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Rating;

/// <summary>
/// A council's rating scheme. The default is the plain G/A/R/B scheme; two options change it:
/// (a) Blue means "exceeds target by at least <see cref="BlueExceedsTargetByPercent"/>%", and a discontinued
/// measure then shows "Discontinued" without a colour; (b) Red only when the value is also worse than the same
/// period last year, otherwise Amber.
/// </summary>
public sealed record RagScheme
{
    public static RagScheme Default { get; } = new();

    /// <summary>Option (a): null = off.</summary>
    public decimal? BlueExceedsTargetByPercent { get; init; }

    /// <summary>Whether a measure's Blue means "exceeding target" (rated, on or above target) rather than "discontinued".</summary>
    public bool BlueMeansExceedingTarget => BlueExceedsTargetByPercent.HasValue;

    /// <summary>Option (b).</summary>
    public bool RedOnlyWhenWorseThanLastYear { get; init; }

    public SegmentRatingMethod SegmentRating { get; init; } = SegmentRatingMethod.Majority;

    public static RagScheme Create(decimal? blueExceedsTargetByPercent, bool redOnlyWhenWorseThanLastYear, SegmentRatingMethod segmentRating)
    {
        if (blueExceedsTargetByPercent is < 0)
        {
            throw new DomainException("The Blue threshold must be zero or more percent.");
        }

        return new RagScheme
        {
            BlueExceedsTargetByPercent = blueExceedsTargetByPercent,
            RedOnlyWhenWorseThanLastYear = redOnlyWhenWorseThanLastYear,
            SegmentRating = segmentRating,
        };
    }

    /// <summary>The scheme in words, as reports state it: "Blue when exceeding target by 10%; Red only when also worse than last year; segments by majority".</summary>
    public string Description =>
        string.Join("; ", new[]
        {
            BlueExceedsTargetByPercent is { } blue
                ? $"Blue when exceeding target by {blue.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%"
                : "Blue for discontinued measures",
            RedOnlyWhenWorseThanLastYear ? "Red only when also worse than the same period last year" : "Red when beyond tolerance",
            SegmentRating == SegmentRatingMethod.WorstOf ? "segments rated by the worst of their measures" : "segments rated by majority",
        });
}
