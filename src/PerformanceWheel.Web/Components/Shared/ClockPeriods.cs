using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Web.Components.Shared;

/// <summary>Periods read from the app's <see cref="TimeProvider"/> (never the wall clock), for pages with no figures yet.</summary>
public static class ClockPeriods
{
    /// <summary>The financial year the clock is in.</summary>
    public static FinancialYear CurrentYear(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return FinancialYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Q1 of the financial year the clock is in: a staff page's quarter when no figures exist yet.</summary>
    public static ReportingPeriod FirstQuarterOfCurrentYear(this TimeProvider clock) => ReportingPeriod.ForQuarter(clock.CurrentYear(), 1);
}
