using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>
/// Stands in for the figures version until the one kept with the figures (issue 14) is registered by the host: the
/// sum of the newest audit entry's, figure's and figure revision's ids, which grows with every audited change, every
/// new figure and every changed figure. Registered only when the host registers no <see cref="IFiguresVersion"/>.
/// </summary>
public sealed class LatestChangeFiguresVersion(IDbContextFactory<PerformanceWheelDbContext> contextFactory) : IFiguresVersion
{
    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var audit = await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
        var outturns = await db.Outturns.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
        var revisions = await db.OutturnRevisions.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        return audit + outturns + revisions;
    }
}
