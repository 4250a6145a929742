namespace PerformanceWheel.Domain.Rating;

/// <summary>
/// What a measure's rating rule means for one target, in words, for the person setting the measure up: "Higher is better:
/// Green at or above 80.0%, Amber from 76.0% (tolerance 5%), Red below 76.0%." The edges come from the tolerance's own
/// allowance (<see cref="Tolerance.AllowanceFor"/>) and every rating named is the one <see cref="RagCalculator"/> gives a
/// figure on that edge, so the words cannot drift from the rule that rates the figures.
/// </summary>
public static class RatingRule
{
    /// <summary>
    /// The rule for <paramref name="target"/> (a single value, or a range for Within range) with <paramref name="tolerance"/>
    /// under <paramref name="scheme"/>; numbers written by <paramref name="format"/> (the measure's unit and decimals).
    /// </summary>
    public static string Describe(Polarity polarity, Target target, Tolerance tolerance, RagScheme? scheme, Func<decimal, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        scheme ??= RagScheme.Default;
        var parts = polarity switch
        {
            Polarity.HigherIsBetter => Single(polarity, target, tolerance, scheme, format, better: "at or above", worse: "below", amberWord: "from"),
            Polarity.LowerIsBetter => Single(polarity, target, tolerance, scheme, format, better: "at or below", worse: "above", amberWord: "up to"),
            _ => Range(target, tolerance, scheme, format),
        };
        var lastYear = scheme.RedOnlyWhenWorseThanLastYear
            ? " Under the council's scheme a Red is shown as Amber when the figure is not worse than the same period last year."
            : string.Empty;
        return $"{Name(polarity)}: {string.Join(", ", parts)}.{lastYear}";
    }

    /// <summary>"Higher is better", "Lower is better", "Within range".</summary>
    public static string Name(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "Higher is better",
        Polarity.LowerIsBetter => "Lower is better",
        _ => "Within range",
    };

    private static List<string> Single(Polarity polarity, Target target, Tolerance tolerance, RagScheme scheme, Func<decimal, string> format, string better, string worse, string amberWord)
    {
        var t = target.Value ?? throw new ArgumentException("A single target is needed for this polarity.", nameof(target));
        var towardsWorse = polarity == Polarity.HigherIsBetter ? -1m : 1m;
        var parts = new List<string>();
        if (scheme.BlueExceedsTargetByPercent is { } percent && RagCalculator.BlueMargin(t, percent) > 0)
        {
            var blueEdge = t - (towardsWorse * RagCalculator.BlueMargin(t, percent));
            parts.Add($"{Rate(polarity, blueEdge, target, tolerance, scheme)} {better} {format(blueEdge)} (exceeding target by {percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%)");
        }

        parts.Add($"{Rate(polarity, t, target, tolerance, scheme)} {better} {format(t)}");
        var edge = t;
        if (tolerance.Value > 0)
        {
            edge = t + (towardsWorse * tolerance.AllowanceFor(t));
            parts.Add($"{Rate(polarity, edge, target, tolerance, scheme)} {amberWord} {format(edge)} (tolerance {tolerance})");
        }

        var red = $"{RagStatus.Red} {worse} {format(edge)}";
        parts.Add(tolerance.Value > 0 ? red : $"{red} (no tolerance, so never {RagStatus.Amber})");
        return parts;
    }

    private static List<string> Range(Target target, Tolerance tolerance, RagScheme scheme, Func<decimal, string> format)
    {
        if (!target.IsRange)
        {
            throw new ArgumentException("A Within range measure needs a target low and high.", nameof(target));
        }

        var (low, high) = (target.Low!.Value, target.High!.Value);
        var parts = new List<string> { $"{Rate(Polarity.WithinRange, low, target, tolerance, scheme)} from {format(low)} to {format(high)}" };
        if (tolerance.Value > 0)
        {
            var (amberLow, amberHigh) = (low - tolerance.AllowanceFor(low), high + tolerance.AllowanceFor(high));
            parts.Add($"{Rate(Polarity.WithinRange, amberLow, target, tolerance, scheme)} from {format(amberLow)} to {format(amberHigh)} (tolerance {tolerance})");
            parts.Add($"{RagStatus.Red} outside that");
        }
        else
        {
            parts.Add($"{RagStatus.Red} outside it (no tolerance, so never {RagStatus.Amber})");
        }

        return parts;
    }

    // The rating the rule gives a figure of exactly this value: the words name what the calculator decides.
    private static RagStatus Rate(Polarity polarity, decimal value, Target target, Tolerance tolerance, RagScheme scheme) =>
        RagCalculator.Rate(new RatingInput { Polarity = polarity, Value = value, Target = target, Tolerance = tolerance }, scheme).Status
        ?? throw new InvalidOperationException("A figure with a target is always rated.");
}
