using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Builds a rollup from counts, as the seed reports print them.</summary>
internal static class RollupBuilder
{
    /// <summary>
    /// <paramref name="rag"/> is one letter per item (G, A, R, B, or - for not rated); <paramref name="directions"/>
    /// one per item (U up, S steady, D down, or - for none), padded with "-" when shorter.
    /// </summary>
    public static Rollup Of(string rag, string directions = "", RagScheme? scheme = null)
    {
        var items = rag.Select((letter, i) => (
            Rating: letter switch
            {
                'G' => RagRating.Of(RagStatus.Green),
                'A' => RagRating.Of(RagStatus.Amber),
                'R' => RagRating.Of(RagStatus.Red),
                'B' => RagRating.Of(RagStatus.Blue),
                _ => RagRating.NotRated(NotRatedReason.NoTarget),
            },
            Direction: (i < directions.Length ? directions[i] : '-') switch
            {
                'U' => Direction.Improving,
                'S' => Direction.Steady,
                'D' => Direction.Declining,
                _ => (Direction?)null,
            }));
        return Rollup.Of(items, scheme ?? RagScheme.Default);
    }

    public static string Repeat(char letter, int count) => new(letter, count);
}
