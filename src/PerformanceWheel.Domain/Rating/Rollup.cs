namespace PerformanceWheel.Domain.Rating;

/// <summary>
/// Counts of ratings and directions for a set of measures (a segment, group, directorate or the whole council).
/// Percentages are of the measures that carry that attribute: RAG percentages of the rated measures (Green, Amber, Red,
/// and Blue when the scheme in force makes Blue "exceeding target"; a discontinued measure's or a closed project's Blue
/// stands apart), direction percentages of measures with a direction; rounded half away from zero to a whole percent.
/// </summary>
public sealed record Rollup
{
    public int Measures { get; init; }

    public int Green { get; init; }

    public int Amber { get; init; }

    public int Red { get; init; }

    public int Blue { get; init; }

    public int Improving { get; init; }

    public int Steady { get; init; }

    public int Declining { get; init; }

    /// <summary>Whether Blue means "exceeding target" (the scheme's option a): then a Blue is rated and on or above target.</summary>
    public bool BlueExceedsTarget { get; init; }

    /// <summary>"KPIs with RAG": Green, Amber or Red, and Blue when Blue means exceeding target.</summary>
    public int WithRag => Green + Amber + Red + ExceedingBlue;

    /// <summary>Rated on or above target: Green, and Blue when Blue means exceeding target.</summary>
    public int OnOrAboveTarget => Green + ExceedingBlue;

    public int NotRated => Measures - Green - Amber - Red - Blue;

    private int ExceedingBlue => BlueExceedsTarget ? Blue : 0;

    public int WithDirection => Improving + Steady + Declining;

    public int? GreenPercent => Percent(Green, WithRag);

    /// <summary>The share on or above target (the headline's "on or exceeding target").</summary>
    public int? OnOrAboveTargetPercent => Percent(OnOrAboveTarget, WithRag);

    /// <summary>The share exceeding target; null when Blue stands apart (discontinued measures).</summary>
    public int? BluePercent => BlueExceedsTarget ? Percent(Blue, WithRag) : null;

    public int? AmberPercent => Percent(Amber, WithRag);

    public int? RedPercent => Percent(Red, WithRag);

    public int? ImprovingPercent => Percent(Improving, WithDirection);

    public int? SteadyPercent => Percent(Steady, WithDirection);

    public int? DecliningPercent => Percent(Declining, WithDirection);

    /// <summary>A whole percent, rounded half away from zero; null when nothing carries the attribute.</summary>
    public static int? Percent(int count, int of) =>
        of == 0 ? null : (int)Math.Round(count * 100m / of, MidpointRounding.AwayFromZero);

    /// <summary>Counts measures' ratings under the scheme they were rated under (it says what their Blue means).</summary>
    public static Rollup Of(IEnumerable<(RagRating Rating, Direction? Direction)> items, RagScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return Count(items) with { BlueExceedsTarget = scheme.BlueMeansExceedingTarget };
    }

    /// <summary>Counts ratings whose Blue always stands apart: projects (complete or closed) and segments.</summary>
    public static Rollup OfProjectsOrSegments(IEnumerable<(RagRating Rating, Direction? Direction)> items) => Count(items);

    private static Rollup Count(IEnumerable<(RagRating Rating, Direction? Direction)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int measures = 0, green = 0, amber = 0, red = 0, blue = 0, up = 0, steady = 0, down = 0;
        foreach (var (rating, direction) in items)
        {
            measures++;
            switch (rating.Status)
            {
                case RagStatus.Green: green++; break;
                case RagStatus.Amber: amber++; break;
                case RagStatus.Red: red++; break;
                case RagStatus.Blue: blue++; break;
            }

            switch (direction)
            {
                case Direction.Improving: up++; break;
                case Direction.Steady: steady++; break;
                case Direction.Declining: down++; break;
            }
        }

        return new Rollup
        {
            Measures = measures, Green = green, Amber = amber, Red = red, Blue = blue,
            Improving = up, Steady = steady, Declining = down,
        };
    }

    /// <summary>Adds up rollups; Blue is "exceeding target" in the total when it is so in any part.</summary>
    public static Rollup Combine(IEnumerable<Rollup> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(new Rollup(), (a, b) => new Rollup
        {
            BlueExceedsTarget = a.BlueExceedsTarget || b.BlueExceedsTarget,
            Measures = a.Measures + b.Measures, Green = a.Green + b.Green, Amber = a.Amber + b.Amber,
            Red = a.Red + b.Red, Blue = a.Blue + b.Blue, Improving = a.Improving + b.Improving,
            Steady = a.Steady + b.Steady, Declining = a.Declining + b.Declining,
        });
    }

    /// <summary>"% (n)" as in directorate tables: "75% (6)"; empty when nothing is rated.</summary>
    public static string PercentAndCount(int? percent, int count) => percent is { } p ? $"{p}% ({count})" : string.Empty;
}
