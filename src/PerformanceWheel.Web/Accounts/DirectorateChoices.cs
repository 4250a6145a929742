using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;

namespace PerformanceWheel.Web.Accounts;

/// <summary>A directorate an account can be given (Directors see and enter their directorates' figures).</summary>
public sealed record DirectorateChoice(int Id, string Name);

/// <summary>The directorates the user pages offer, by name.</summary>
public sealed class DirectorateChoices(IDbContextFactory<PerformanceWheelDbContext> contexts)
{
    public async Task<IReadOnlyList<DirectorateChoice>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Directorates.AsNoTracking().OrderBy(d => d.Name).Select(d => new DirectorateChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
    }
}
