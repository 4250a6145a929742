namespace PerformanceWheel.Domain.Rating;

/// <summary>
/// Counts of ratings and directions for a set of measures (a segment, group, directorate or the whole council).
/// Percentages are of the measures that carry that attribute: RAG percentages of Green+Amber+Red (Blue apart),
/// direction percentages of measures with a direction; rounded half away from zero to a whole percent.
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

    /// <summary>"KPIs with RAG": Green, Amber or Red.</summary>
    public int WithRag => Green + Amber + Red;

    public int NotRated => Measures - WithRag - Blue;

    public int WithDirection => Improving + Steady + Declining;

    public int? GreenPercent => Percent(Green, WithRag);

    public int? AmberPercent => Percent(Amber, WithRag);

    public int? RedPercent => Percent(Red, WithRag);

    public int? ImprovingPercent => Percent(Improving, WithDirection);

    public int? SteadyPercent => Percent(Steady, WithDirection);

    public int? DecliningPercent => Percent(Declining, WithDirection);

    /// <summary>A whole percent, rounded half away from zero; null when nothing carries the attribute.</summary>
    public static int? Percent(int count, int of) =>
        of == 0 ? null : (int)Math.Round(count * 100m / of, MidpointRounding.AwayFromZero);

    public static Rollup Of(IEnumerable<(RagRating Rating, Direction? Direction)> items)
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

    public static Rollup Combine(IEnumerable<Rollup> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Aggregate(new Rollup(), (a, b) => new Rollup
        {
            Measures = a.Measures + b.Measures, Green = a.Green + b.Green, Amber = a.Amber + b.Amber,
            Red = a.Red + b.Red, Blue = a.Blue + b.Blue, Improving = a.Improving + b.Improving,
            Steady = a.Steady + b.Steady, Declining = a.Declining + b.Declining,
        });
    }

    /// <summary>"% (n)" as in directorate tables: "75% (6)"; empty when nothing is rated.</summary>
    public static string PercentAndCount(int? percent, int count) => percent is { } p ? $"{p}% ({count})" : string.Empty;
}
