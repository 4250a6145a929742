using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>
/// Which periods a figure may be recorded for: one of the measure's own periods (its frequency), before the measure
/// was discontinued, in a financial year one of the framework's plans covers, and not after the current quarter.
/// Every channel that records a figure (the entry grid, the API, workbook import, corrections) asks this rule, so a
/// period such as 2099/00 Q1 is refused everywhere with the same message naming it.
/// </summary>
/// <param name="PlanYears">The first and last year of each plan; with no plan at all there are no framework years to keep to.</param>
/// <param name="CurrentQuarter">The quarter today falls in (from the application's clock).</param>
public sealed record FigurePeriodRule(IReadOnlyList<(FinancialYear First, FinancialYear Last)> PlanYears, ReportingPeriod CurrentQuarter)
{
    /// <summary>The rule for today's date and the plans' years.</summary>
    public static FigurePeriodRule For(IEnumerable<(FinancialYear First, FinancialYear Last)> planYears, DateOnly today)
    {
        return new([.. planYears.OrderBy(p => p.First)], ReportingPeriod.ForMonth(today.Year, today.Month).Quarter);
    }

    /// <summary>Why <paramref name="measure"/> cannot have a figure for <paramref name="period"/>, or null when it can.</summary>
    public string? Problem(Measure measure, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (period.Kind != measure.PeriodKind)
        {
            return $"{measure.Code} is reported {measure.Frequency.ToString().ToLowerInvariant()}; {period.Label} is not one of its periods.";
        }

        if (measure.DiscontinuedFrom is { } from && measure.IsDiscontinuedIn(period))
        {
            return $"{measure.Code} was discontinued from {from.Label}; {period.Label} is after its last period.";
        }

        if (PlanYears.Count > 0 && !PlanYears.Any(p => period.Year >= p.First && period.Year <= p.Last))
        {
            return $"{period.Label} is outside the framework's years ({Years()}); figures are recorded only for years a plan covers.";
        }

        if (period.Start > CurrentQuarter.End)
        {
            return $"{period.Label} has not started yet; figures can be recorded up to the current quarter, {CurrentQuarter.Label}.";
        }

        return null;
    }

    // "2016/17 to 2021/22", or "2016/17 to 2018/19, 2020/21 to 2021/22" when the plans leave a gap.
    private string Years()
    {
        var spans = new List<(FinancialYear First, FinancialYear Last)>();
        foreach (var p in PlanYears)
        {
            if (spans.Count > 0 && p.First <= spans[^1].Last.Next)
            {
                spans[^1] = (spans[^1].First, p.Last > spans[^1].Last ? p.Last : spans[^1].Last);
            }
            else
            {
                spans.Add(p);
            }
        }

        return string.Join(", ", spans.Select(s => s.First == s.Last ? s.First.Label : $"{s.First.Label} to {s.Last.Label}"));
    }
}
