namespace PerformanceWheel.Domain.Periods;

/// <summary>The length of a reporting period.</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,
}
