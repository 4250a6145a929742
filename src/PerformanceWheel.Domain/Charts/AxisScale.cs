namespace PerformanceWheel.Domain.Charts;

/// <summary>
/// A chart's value axis at round values: ticks a step of 1, 2, 2.5 or 5 × 10ⁿ apart, from a multiple of the step at
/// or below the smallest value to one at or above the largest. A percentage axis stops at 100 unless a value passes it.
/// Chart geometry, not a measurement: doubles, with each tick rounded to the step's own decimals.
/// </summary>
public sealed record AxisScale
{
    /// <summary>The round multipliers of a power of ten a step may be.</summary>
    private static readonly double[] Multipliers = [1, 2, 2.5, 5, 10];

    private AxisScale(double min, double max, double step)
    {
        Step = step;
        Decimals = DecimalsOf(step);
        Min = Math.Round(min, Decimals);
        Max = Math.Round(max, Decimals);
    }

    public double Min { get; }

    public double Max { get; }

    public double Step { get; }

    /// <summary>The decimals a tick label needs to show the step (2.5 → 1; 0.25 → 2; 200 → 0).</summary>
    public int Decimals { get; }

    /// <summary>Every tick from <see cref="Min"/> to <see cref="Max"/>, <see cref="Step"/> apart.</summary>
    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            return Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + (i * Step), Decimals)).ToList();
        }
    }

    /// <summary>The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) no smaller than <paramref name="rough"/> (a positive number).</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || double.IsInfinity(rough))
        {
            throw new ArgumentOutOfRangeException(nameof(rough), rough, "A step must be a positive number.");
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in Multipliers)
        {
            // A little slack so that 0.3 / 0.1 style rounding noise does not push a round step to the next one.
            var step = m * power;
            if (step >= rough * (1 - 1e-9))
            {
                return Math.Round(step, DecimalsOf(step));
            }
        }

        return 10 * power;
    }

    /// <summary>
    /// The axis for <paramref name="values"/> (figures and targets) with about <paramref name="intervals"/> steps
    /// between its ends; a percentage axis (<paramref name="isPercent"/>) ends at 100 unless a value is above 100.
    /// No values: 0 to 1.
    /// </summary>
    public static AxisScale For(IEnumerable<double> values, bool isPercent = false, int intervals = 4)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        var list = values.Where(double.IsFinite).ToList();
        if (list.Count == 0)
        {
            return new AxisScale(0, 1, NiceStep(1.0 / intervals));
        }

        var low = list.Min();
        var high = list.Max();
        if (low == high)
        {
            // One value (or all the same): an axis a tenth either side of it (0 to 1 around zero).
            var margin = low == 0 ? 1 : Math.Abs(low) * 0.1;
            low = low == 0 ? 0 : low - margin;
            high += margin;
        }

        var step = NiceStep((high - low) / intervals);
        var min = Math.Floor((low / step) + 1e-9) * step;
        var max = Math.Ceiling((high / step) - 1e-9) * step;
        if (isPercent && high <= 100 && max > 100)
        {
            max = 100;
        }

        if (low >= 0 && min < 0)
        {
            min = 0;
        }

        return new AxisScale(min, max, step);
    }

    private static int DecimalsOf(double step)
    {
        for (var d = 0; d < 10; d++)
        {
            if (Math.Abs((step * Math.Pow(10, d)) - Math.Round(step * Math.Pow(10, d))) < 1e-6)
            {
                return d;
            }
        }

        return 10;
    }
}
