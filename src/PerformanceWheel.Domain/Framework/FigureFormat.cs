using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Framework;

/// <summary>
/// How one measure's numbers are written wherever they appear (pages, packs, exports, the API's text): in its unit,
/// all with the same number of decimal places, and never rounded to a different number than the one that rates them.
/// The measure's own decimal places are used unless one of the numbers shown with it (its targets, benchmarks, and the
/// figures on the same table or line) was set with more: then all of them get as many as that number needs (at most
/// the six the database keeps), so a target of 2.5 on a measure of whole numbers reads "2.5", and its figures "3.0".
/// Computed numbers (an average of months such as 10/3) are written to those decimals; they never set them.
/// </summary>
public sealed record FigureFormat(MeasureUnit Unit, int Decimals)
{
    /// <summary>The format for <paramref name="measure"/> shown together with <paramref name="figures"/> (figures, previous values).</summary>
    public static FigureFormat For(Measure measure, IEnumerable<decimal?> figures)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(figures);
        var numbers = measure.Targets.SelectMany(t => new[] { t.Value, t.Low, t.High })
            .Concat(measure.Benchmarks.Select(b => (decimal?)b.Value))
            .Concat(figures);
        return new(measure.Unit, DecimalsFor(measure.DecimalPlaces, numbers));
    }

    /// <summary>The measure's decimal places, or more when one of <paramref name="numbers"/> needs more to be shown as it is.</summary>
    public static int DecimalsFor(int decimalPlaces, IEnumerable<decimal?> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var decimals = decimalPlaces;
        foreach (var n in numbers)
        {
            if (n is { } v && Needed(v) is { } needed)
            {
                decimals = Math.Max(decimals, needed);
            }
        }

        return Math.Min(decimals, Measure.MaxDecimalPlaces);
    }

    /// <summary>A figure or a benchmark: "84.8%", "£3.2m", "12 days".</summary>
    public string Value(decimal value) => Unit.Format(value, Decimals);

    /// <summary>What pages write in place of a missing target.</summary>
    public const string NoTarget = "No target set";

    /// <summary>A target: one value, or a range written "low to high"; <paramref name="none"/> when there is no target.</summary>
    public string Target(Target? target, string none = "–") => target switch
    {
        { IsRange: true } t => $"{Value(t.Low!.Value)} to {Value(t.High!.Value)}",
        { Value: { } v } => Value(v),
        _ => none,
    };

    // The decimal places a number was set with: 2.5 → 1, 12.160 → 2, 3 → 0. A number with more places than the database
    // keeps was never typed: it is computed (the average of three months, 10/3), and it sets no number of decimals.
    private static int? Needed(decimal value)
    {
        for (var places = 0; places <= Measure.MaxDecimalPlaces; places++)
        {
            if (Math.Round(value, places) == value)
            {
                return places;
            }
        }

        return null;
    }
}
