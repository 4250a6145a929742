using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Rating;

/// <summary>A target: one value, or a band from low to high for WithinRange measures.</summary>
public readonly record struct Target
{
    private Target(decimal? value, decimal? low, decimal? high)
    {
        Value = value;
        Low = low;
        High = high;
    }

    /// <summary>The single target value (HigherIsBetter, LowerIsBetter).</summary>
    public decimal? Value { get; }

    public decimal? Low { get; }

    public decimal? High { get; }

    public bool IsRange => Low.HasValue && High.HasValue;

    public static Target Single(decimal value) => new(value, null, null);

    public static Target Range(decimal low, decimal high)
    {
        if (low > high)
        {
            throw new DomainException(DomainFields.TargetHigh, $"Target low ({low}) must not be above target high ({high}).");
        }

        return new Target(null, low, high);
    }

    /// <summary>Builds a target fitting the polarity, or throws naming what is missing.</summary>
    public static Target For(Polarity polarity, decimal? value, decimal? low, decimal? high)
    {
        if (polarity == Polarity.WithinRange)
        {
            if (low is null || high is null)
            {
                throw new DomainException(low is null ? DomainFields.TargetLow : DomainFields.TargetHigh, "A Within range measure needs both a target low and a target high.");
            }

            return Range(low.Value, high.Value);
        }

        if (value is null)
        {
            throw new DomainException(DomainFields.Target, "A target value is required.");
        }

        return Single(value.Value);
    }

    public override string ToString() => IsRange ? $"{Low}–{High}" : $"{Value}";
}
