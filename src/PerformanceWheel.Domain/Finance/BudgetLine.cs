using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Finance;

/// <summary>Budget monitoring for a service area in a period: approved budget and forecast outturn, in £m.</summary>
public sealed class BudgetLine : Entity
{
    private BudgetLine() { }

    public BudgetLine(string serviceArea, ReportingPeriod period, decimal approvedBudget, decimal forecastOutturn)
    {
        ServiceArea = Guard.Required(serviceArea, "Service area", Lengths.Name);
        Period = period;
        Change(approvedBudget, forecastOutturn);
    }

    public string ServiceArea { get; private set; } = string.Empty;

    public ReportingPeriod Period { get; private set; }

    public decimal ApprovedBudget { get; private set; }

    public decimal ForecastOutturn { get; private set; }

    /// <summary>Forecast minus budget: positive is an overspend.</summary>
    public decimal Variance => ForecastOutturn - ApprovedBudget;

    /// <summary>Variance as a whole percent of the budget (half away from zero); null for a zero budget.</summary>
    public int? VariancePercent => ApprovedBudget == 0
        ? null
        : (int)Math.Round(Variance * 100m / ApprovedBudget, MidpointRounding.AwayFromZero);

    public void Change(decimal approvedBudget, decimal forecastOutturn)
    {
        ApprovedBudget = approvedBudget;
        ForecastOutturn = forecastOutturn;
    }

    /// <summary>Gives the service area a new name (its figures stay).</summary>
    public void Rename(string serviceArea) => ServiceArea = Guard.Required(serviceArea, "Service area", Lengths.Name);
}

/// <summary>The council's overall projected over- or underspend in a period (seed 002's revenue budget line).</summary>
public sealed class BudgetPosition : Entity
{
    private BudgetPosition() { }

    public BudgetPosition(ReportingPeriod period, decimal varianceMillions, RagStatus? rag, string? commentary)
    {
        Period = period;
        Change(varianceMillions, rag, commentary);
    }

    public ReportingPeriod Period { get; private set; }

    /// <summary>Positive is an overspend, negative an underspend, zero balanced.</summary>
    public decimal VarianceMillions { get; private set; }

    public RagStatus? Rag { get; private set; }

    public string? Commentary { get; private set; }

    public string Describe() => VarianceMillions switch
    {
        > 0 => "Overspend",
        < 0 => "Underspend",
        _ => "Balanced",
    };

    public void Change(decimal varianceMillions, RagStatus? rag, string? commentary)
    {
        VarianceMillions = varianceMillions;
        Rag = rag;
        Commentary = Guard.Optional(commentary, "Commentary", Lengths.Text);
    }
}
