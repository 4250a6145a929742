namespace PerformanceWheel.Domain.Rating;

/// <summary>What the RAG rule needs to know about one measure in one period.</summary>
public sealed record RatingInput
{
    public required Polarity Polarity { get; init; }

    /// <summary>The value, or null when there is none (TBC, N/A, not available, missing).</summary>
    public decimal? Value { get; init; }

    /// <summary>Set when a monthly measure's quarter is missing a month.</summary>
    public bool IsIncomplete { get; init; }

    public Target? Target { get; init; }

    public Tolerance Tolerance { get; init; } = Tolerance.None;

    public bool IsDiscontinued { get; init; }

    /// <summary>The value for the same period last year (used only by scheme option b).</summary>
    public decimal? ValueSamePeriodLastYear { get; init; }
}

/// <summary>The RAG rule: discontinued → Blue; no value → not rated; no target → not rated; then by polarity.</summary>
public static class RagCalculator
{
    public static RagRating Rate(RatingInput input, RagScheme? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        scheme ??= RagScheme.Default;

        if (input.IsDiscontinued)
        {
            return scheme.BlueExceedsTargetByPercent.HasValue
                ? RagRating.NotRated(NotRatedReason.Discontinued)
                : RagRating.Of(RagStatus.Blue);
        }

        if (input.IsIncomplete)
        {
            return RagRating.NotRated(NotRatedReason.Incomplete);
        }

        if (input.Value is not { } value)
        {
            return RagRating.NotRated(NotRatedReason.NoValue);
        }

        if (input.Target is not { } target || !FitsPolarity(target, input.Polarity))
        {
            return RagRating.NotRated(NotRatedReason.NoTarget);
        }

        var status = Compare(input.Polarity, value, target, input.Tolerance);

        if (status == RagStatus.Green && scheme.BlueExceedsTargetByPercent is { } blue && ExceedsBy(input.Polarity, value, target, blue))
        {
            status = RagStatus.Blue;
        }

        if (status == RagStatus.Red && scheme.RedOnlyWhenWorseThanLastYear && input.ValueSamePeriodLastYear is { } lastYear)
        {
            var change = DirectionCalculator.Compare(input.Polarity, value, lastYear, 0m, target);
            if (change != Direction.Declining)
            {
                status = RagStatus.Amber;
            }
        }

        return RagRating.Of(status);
    }

    private static bool FitsPolarity(Target target, Polarity polarity) =>
        polarity == Polarity.WithinRange ? target.IsRange : target.Value.HasValue;

    private static RagStatus Compare(Polarity polarity, decimal value, Target target, Tolerance tolerance)
    {
        switch (polarity)
        {
            case Polarity.HigherIsBetter:
            {
                var t = target.Value!.Value;
                if (value >= t)
                {
                    return RagStatus.Green;
                }

                return IsAmber(t - value, tolerance.AllowanceFor(t), tolerance);
            }

            case Polarity.LowerIsBetter:
            {
                var t = target.Value!.Value;
                if (value <= t)
                {
                    return RagStatus.Green;
                }

                return IsAmber(value - t, tolerance.AllowanceFor(t), tolerance);
            }

            default:
            {
                var low = target.Low!.Value;
                var high = target.High!.Value;
                if (value >= low && value <= high)
                {
                    return RagStatus.Green;
                }

                var nearer = value < low ? low : high;
                var outsideBy = value < low ? low - value : value - high;
                return IsAmber(outsideBy, tolerance.AllowanceFor(nearer), tolerance);
            }
        }
    }

    private static RagStatus IsAmber(decimal shortfall, decimal allowance, Tolerance tolerance) =>
        tolerance.Value > 0 && shortfall <= allowance ? RagStatus.Amber : RagStatus.Red;

    /// <summary>How far beyond a single target a value must be to be Blue under a scheme's "exceeding target by N%".</summary>
    internal static decimal BlueMargin(decimal target, decimal percent) => Math.Abs(target) * percent / 100m;

    private static bool ExceedsBy(Polarity polarity, decimal value, Target target, decimal percent)
    {
        if (target.Value is not { } t)
        {
            return false;
        }

        var margin = BlueMargin(t, percent);
        return polarity switch
        {
            Polarity.HigherIsBetter => value >= t + margin,
            Polarity.LowerIsBetter => value <= t - margin,
            _ => false,
        };
    }
}
