using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>A committee a Scrutiny pack can be made for.</summary>
public sealed record CommitteeInfo(string Code, string Name);

/// <summary>
/// The two facts a pack's cover needs that the application readers do not return: the council's name and the
/// committees' names. Everything else comes from <see cref="Application.Performance.PerformanceReader"/> and DetailReader.
/// </summary>
public sealed class PackContextReader(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
{
    public async Task<string> CouncilNameAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "Council";
    }

    /// <summary>The directorates' key issues for the quarter, as their directors wrote them (KeyIssuesSection).</summary>
    public Task<IReadOnlyList<KeyIssuesView>> KeyIssuesAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default) =>
        new KeyIssuesReader(contextFactory).QuarterAsync(quarter, cancellationToken);

    public async Task<IReadOnlyList<CommitteeInfo>> CommitteesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var committees = await db.Committees.AsNoTracking().Where(c => !c.IsRetired).ToListAsync(cancellationToken);
        return committees.Select(c => new CommitteeInfo(c.Code, c.Name)).OrderBy(c => c.Code, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
