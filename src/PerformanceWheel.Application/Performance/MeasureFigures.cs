using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>One measure's figures by period (those the reader's scope allows) and the council's RAG scheme for each year.</summary>
internal static class MeasureFigures
{
    public static async Task<(Dictionary<ReportingPeriod, Outturn> Outturns, SchemeHistory Schemes)> LoadAsync(
        PerformanceWheelDbContext db, int measureId, FigureScope scope, CancellationToken cancellationToken)
    {
        var outturns = (await scope.Filter(db.Outturns.AsNoTracking())
                .Where(o => o.MeasureId == measureId)
                .ToListAsync(cancellationToken))
            .ToDictionary(o => o.Period);
        var settings = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return (outturns, settings?.SchemeHistory ?? SchemeHistory.Plain);
    }
}
