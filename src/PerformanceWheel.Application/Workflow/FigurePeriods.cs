using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;

namespace PerformanceWheel.Application.Workflow;

/// <summary>Loads the <see cref="FigurePeriodRule"/> in force: the plans' years from the database and today from the application's clock.</summary>
public static class FigurePeriods
{
    public static async Task<FigurePeriodRule> RuleAsync(PerformanceWheelDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var plans = await db.Plans.AsNoTracking().Select(p => new { p.FirstYear, p.LastYear }).ToListAsync(cancellationToken);
        return FigurePeriodRule.For(plans.Select(p => (p.FirstYear, p.LastYear)), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
