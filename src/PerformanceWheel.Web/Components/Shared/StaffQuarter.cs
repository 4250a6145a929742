using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Web.Components.Shared;

/// <summary>
/// The quarter a staff page (tracker, entry grid, critical items, assessments, project updates) works on. Unlike the
/// reading pages (<see cref="QuarterResolver"/>), staff may open a quarter that has no figures yet: the asked quarter
/// (any month or quarter label), else the latest quarter with any figure, drafts included, else the quarter
/// the app's clock is in (a new council with no figures yet starts on today's quarter).
/// </summary>
/// <param name="Quarter">The quarter to show; null when the text asked for is not a quarter (the page answers 404).</param>
/// <param name="Latest">The latest quarter with any figure (or the clock's quarter): the default, and where the page's quarter list starts.</param>
public sealed record StaffQuarter(ReportingPeriod? Quarter, ReportingPeriod Latest)
{
    public static async Task<StaffQuarter> ResolveAsync(PerformanceReader reader, TimeProvider clock, string? periodText)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var quarters = await reader.QuartersWithDataAsync(FigureScope.Everything);
        var latest = quarters.Count > 0 ? quarters[0] : clock.CurrentQuarter();
        if (string.IsNullOrWhiteSpace(periodText))
        {
            return new(latest, latest);
        }

        return ReportingPeriod.TryParse(periodText, out var parsed) && parsed.Kind != PeriodKind.Year
            ? new(parsed.Quarter, latest)
            : new(null, latest);
    }

    /// <summary>What the 404 says when the asked text is not a quarter.</summary>
    public static string NotAQuarter(string? periodText) => $"'{periodText}' is not a quarter; use a label such as 2019/20 Q2.";
}
