namespace PerformanceWheel.Domain.Rating;

/// <summary>
/// Direction of travel between two values of a measure. Either value missing → none. Improving when the change is in
/// the better direction by more than the steady threshold; Declining when in the worse direction by more than it;
/// otherwise Steady. WithinRange: better means the distance to the band shrinks; both inside the band → Steady.
/// </summary>
public static class DirectionCalculator
{
    /// <param name="polarity">Which way is better.</param>
    /// <param name="current">This period's value.</param>
    /// <param name="earlier">The earlier value (previous period, or same period last year).</param>
    /// <param name="steadyThreshold">Absolute change at or below which the measure is Steady.</param>
    /// <param name="band">The target band, needed only for WithinRange.</param>
    public static Direction? Compare(Polarity polarity, decimal? current, decimal? earlier, decimal steadyThreshold, Target? band = null)
    {
        if (current is not { } now || earlier is not { } then)
        {
            return null;
        }

        decimal improvement;
        switch (polarity)
        {
            case Polarity.HigherIsBetter:
                improvement = now - then;
                break;
            case Polarity.LowerIsBetter:
                improvement = then - now;
                break;
            default:
                if (band is not { IsRange: true } range)
                {
                    return null;
                }

                var before = DistanceOutside(then, range.Low!.Value, range.High!.Value);
                var after = DistanceOutside(now, range.Low!.Value, range.High!.Value);
                if (before == 0 && after == 0)
                {
                    return Direction.Steady;
                }

                improvement = before - after;
                break;
        }

        var threshold = Math.Abs(steadyThreshold);
        if (improvement > threshold)
        {
            return Direction.Improving;
        }

        return improvement < -threshold ? Direction.Declining : Direction.Steady;
    }

    private static decimal DistanceOutside(decimal value, decimal low, decimal high) =>
        value < low ? low - value : value > high ? value - high : 0m;
}
