using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>A measure of concern in a period: the issue, the remedial action agreed, and who owns it.</summary>
public sealed class CriticalItem : Entity
{
    private CriticalItem() { }

    public CriticalItem(Measure measure, ReportingPeriod period, string issue, string remedialAction, string owner)
    {
        Measure = measure;
        Period = period;
        Edit(issue, remedialAction, owner);
    }

    public int MeasureId { get; private set; }

    public Measure Measure { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public string Issue { get; private set; } = string.Empty;

    public string RemedialAction { get; private set; } = string.Empty;

    public string Owner { get; private set; } = string.Empty;

    public void Edit(string issue, string remedialAction, string owner)
    {
        Issue = Guard.Required(issue, "Issue", Lengths.Text);
        RemedialAction = Guard.Required(remedialAction, "Remedial action", Lengths.Text);
        Owner = Guard.Required(owner, "Owner", Lengths.Name);
    }
}
