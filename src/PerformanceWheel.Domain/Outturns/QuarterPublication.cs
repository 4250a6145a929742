using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>
/// A quarter published as a whole: when it was published, every figure due in it was published. Readers (councillors
/// and the public) open the newest such quarter by default; publishing part of a quarter leaves the default where it is.
/// </summary>
public sealed class QuarterPublication : Entity
{
    private QuarterPublication() { }

    public QuarterPublication(ReportingPeriod quarter, string by, DateTimeOffset at)
    {
        if (quarter.Kind != PeriodKind.Quarter)
        {
            throw new DomainException($"{quarter.Label} is not a quarter.");
        }

        Quarter = quarter;
        PublishedBy = Guard.Required(by, "User", Lengths.User);
        PublishedAt = at;
    }

    public ReportingPeriod Quarter { get; private set; }

    public string PublishedBy { get; private set; } = string.Empty;

    public DateTimeOffset PublishedAt { get; private set; }
}
