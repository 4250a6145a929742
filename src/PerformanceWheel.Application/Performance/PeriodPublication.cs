using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// When a quarter counts as published: as soon as one figure of the quarter (the quarter itself or one of its months)
/// is Published — the same rule that decides which quarters councillors and anonymous readers can open. Segment
/// judgements and critical items of a quarter are shown to them from then on, and changing a judgement of a
/// published quarter needs a reason.
/// </summary>
public static class PeriodPublication
{
    /// <summary>The periods whose figures publish a quarter: the quarter and its months.</summary>
    public static IReadOnlyList<ReportingPeriod> PeriodsOf(ReportingPeriod quarter) => [quarter, .. quarter.Months()];

    /// <summary>The quarter a period belongs to (a year counts as its Q4, as on the measure page).</summary>
    public static ReportingPeriod QuarterOf(ReportingPeriod period) => PerformanceReader.AsQuarter(period);

    public static async Task<bool> IsPublishedAsync(PerformanceWheelDbContext db, ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var periods = PeriodsOf(QuarterOf(quarter)).ToList();
        return await db.Outturns.AnyAsync(o => periods.Contains(o.Period) && o.State == WorkflowState.Published, cancellationToken);
    }

    /// <summary>Which of the given periods' quarters are published.</summary>
    public static async Task<IReadOnlySet<ReportingPeriod>> PublishedQuartersAsync(
        PerformanceWheelDbContext db, IEnumerable<ReportingPeriod> periods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var quarters = periods.Select(QuarterOf).Distinct().ToList();
        if (quarters.Count == 0)
        {
            return new HashSet<ReportingPeriod>();
        }

        var codes = quarters.SelectMany(PeriodsOf).ToList();
        var published = await db.Outturns
            .Where(o => codes.Contains(o.Period) && o.State == WorkflowState.Published)
            .Select(o => o.Period)
            .Distinct()
            .ToListAsync(cancellationToken);
        return published.Select(p => p.Quarter).ToHashSet();
    }
}
