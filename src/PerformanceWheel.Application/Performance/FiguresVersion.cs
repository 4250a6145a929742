using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Figures;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// The figures version (docs/decisions/0013): a number that changes in the same transaction as anything a page shows
/// (figures, framework, targets, assessments, critical items, projects, finance, settings, publication). Whatever is
/// kept between requests — evaluated quarters, rendered pages, stored packs — is kept under the version it was made at
/// and is not used once the version has moved on. Read it before reading the figures, so what is kept under a version
/// is never older than that version.
/// </summary>
public interface IFiguresVersion
{
    /// <summary>The version now, read from the database (every node sees the same number).</summary>
    ValueTask<long> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>Reads the version's single row: one primary-key lookup per call, never remembered between calls.</summary>
public sealed class DatabaseFiguresVersion(IDbContextFactory<PerformanceWheelDbContext> contextFactory) : IFiguresVersion
{
    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await FiguresVersions.CurrentAsync(db, cancellationToken);
    }
}
