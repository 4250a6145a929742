using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Framework;

/// <summary>How often a measure is reported.</summary>
public enum Frequency
{
    Monthly = 1,
    Quarterly = 2,
    Annual = 3,
}

/// <summary>The kind of unit a measure is counted in.</summary>
public enum UnitKind
{
    Percent = 1,
    Count = 2,
    Currency = 3,
    CurrencyMillions = 4,
    Days = 5,
    Rate = 6,
    Number = 7,
}

public static class FrequencyExtensions
{
    public static PeriodKind PeriodKind(this Frequency frequency) => frequency switch
    {
        Frequency.Monthly => Periods.PeriodKind.Month,
        Frequency.Quarterly => Periods.PeriodKind.Quarter,
        _ => Periods.PeriodKind.Year,
    };
}
