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

    /// <summary>The quarter the clock is in (2026/27 Q3 on 7 December 2026): a staff page's quarter when no figures exist yet.</summary>
    public static ReportingPeriod CurrentQuarter(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = clock.GetUtcNow().UtcDateTime;
        return ReportingPeriod.ForMonth(today.Year, today.Month).Quarter;
    }
}
