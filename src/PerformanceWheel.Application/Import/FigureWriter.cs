using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The figures an import writes, kept aside by the check (they can be tens of thousands, so EF does not track them)
/// and written in bulk inside the import's transaction, after SaveChanges has given new measures their ids.
/// </summary>
internal sealed class FigureWriter(PerformanceWheelDbContext db)
{
    public List<Outturn> NewOutturns { get; } = [];

    public List<ChangedOutturn> ChangedOutturns { get; } = [];

    public List<OutturnRevision> NewRevisions { get; } = [];

    /// <summary>
    /// Writes new outturns, changed ones (guarded by their version, as EF would) and the revisions of changed figures,
    /// every column named with its value (<see cref="OutturnBulkWrites"/>). A figure changed or added by someone else
    /// meanwhile throws a <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (NewOutturns.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.NewFigures");
            await OutturnBulkWrites.InsertAsync(db, NewOutturns, cancellationToken);
        }

        if (ChangedOutturns.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.ChangedFigures");
            await OutturnBulkWrites.UpdateAsync(db, ChangedOutturns, cancellationToken);
        }

        if (NewRevisions.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.Revisions");
            await OutturnBulkWrites.InsertAsync(db, NewRevisions, cancellationToken);
        }
    }
}
