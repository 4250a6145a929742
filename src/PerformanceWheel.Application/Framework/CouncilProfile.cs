using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;

namespace PerformanceWheel.Application.Framework;

/// <summary>What every page shows of the council itself: its name, from its settings (anyone may read it).</summary>
public sealed class CouncilProfile(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
{
    /// <summary>Shown until the council's settings exist (a database that was never initialised).</summary>
    public const string NoName = "PerformanceWheel";

    public async Task<string> NameAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CouncilSettings.AsNoTracking().Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? NoName;
    }
}
