using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Finance;

/// <summary>
/// Which finance a reader may see, decided here for every channel (finance page, packs, API): a quarter's budget lines
/// and position statement are a draft until the quarter is published (<see cref="PeriodPublication"/>), and drafts are
/// for readers who see every draft (Admins and officers, <see cref="FigureScope.AllDrafts"/>). Finance belongs to no
/// directorate, so a Director sees published finance only, like councillors and the public.
/// </summary>
public static class FinanceAudience
{
    /// <summary>The lines and statements the reader may see, and which of their quarters are still drafts (empty for published-only readers).</summary>
    public static async Task<(List<BudgetLine> Lines, List<BudgetPosition> Positions, IReadOnlySet<ReportingPeriod> Drafts)> VisibleAsync(
        PerformanceWheelDbContext db, List<BudgetLine> lines, List<BudgetPosition> positions, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var quarters = lines.Select(l => l.Period).Concat(positions.Select(p => p.Period)).Select(PeriodPublication.QuarterOf).Distinct().ToList();
        var published = await PeriodPublication.PublishedQuartersAsync(db, quarters, cancellationToken);
        if (scope.AllDrafts)
        {
            return (lines, positions, quarters.Where(q => !published.Contains(q)).ToHashSet());
        }

        return (
            lines.Where(l => published.Contains(PeriodPublication.QuarterOf(l.Period))).ToList(),
            positions.Where(p => published.Contains(PeriodPublication.QuarterOf(p.Period))).ToList(),
            new HashSet<ReportingPeriod>());
    }
}
