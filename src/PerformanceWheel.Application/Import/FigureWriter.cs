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

    public List<(Outturn Outturn, int OriginalVersion)> ChangedOutturns { get; } = [];

    public List<OutturnRevision> NewRevisions { get; } = [];

    /// <summary>
    /// Writes new outturns, changed ones (guarded by their version, as EF would) and the revisions of changed figures.
    /// A figure changed or added by someone else meanwhile throws a <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (NewOutturns.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.NewFigures");
            var writer = new BulkWriter<Outturn>(db, nameof(Outturn.MeasureId), nameof(Outturn.Period), nameof(Outturn.Value), nameof(Outturn.Status),
                nameof(Outturn.IsProvisional), nameof(Outturn.Commentary), nameof(Outturn.State), nameof(Outturn.UpdatedBy), nameof(Outturn.UpdatedAt), nameof(Outturn.Version),
                nameof(Outturn.CommentaryBy), nameof(Outturn.CommentaryAt));
            await writer.InsertAsync(NewOutturns, static (o, v) =>
            {
                (v[0], v[1], v[2], v[3], v[4]) = (o.Measure.Id, o.Period, o.Value, o.Status, o.IsProvisional);
                (v[5], v[6], v[7], v[8], v[9]) = (o.Commentary, o.State, o.UpdatedBy, o.UpdatedAt, o.Version);
                (v[10], v[11]) = (o.CommentaryBy, o.CommentaryAt);
            }, cancellationToken);
        }

        if (ChangedOutturns.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.ChangedFigures");
            var writer = new BulkWriter<Outturn>(db, nameof(Outturn.Value), nameof(Outturn.Status), nameof(Outturn.IsProvisional), nameof(Outturn.Commentary),
                nameof(Outturn.State), nameof(Outturn.UpdatedBy), nameof(Outturn.UpdatedAt), nameof(Outturn.Version), nameof(Outturn.CommentaryBy), nameof(Outturn.CommentaryAt));
            await writer.UpdateAsync(ChangedOutturns, nameof(Outturn.Id), nameof(Outturn.Version), static (c, v) =>
            {
                var o = c.Outturn;
                (v[0], v[1], v[2], v[3], v[4]) = (o.Value, o.Status, o.IsProvisional, o.Commentary, o.State);
                (v[5], v[6], v[7], v[8], v[9]) = (o.UpdatedBy, o.UpdatedAt, o.Version, o.CommentaryBy, o.CommentaryAt);
                (v[10], v[11]) = (o.Id, c.OriginalVersion);
            }, cancellationToken);
        }

        if (NewRevisions.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.Revisions");
            var writer = new BulkWriter<OutturnRevision>(db, nameof(OutturnRevision.OutturnId), nameof(OutturnRevision.Period), nameof(OutturnRevision.OldValue),
                nameof(OutturnRevision.OldStatus), nameof(OutturnRevision.NewValue), nameof(OutturnRevision.NewStatus), nameof(OutturnRevision.Kind),
                nameof(OutturnRevision.Reason), nameof(OutturnRevision.ChangedBy), nameof(OutturnRevision.ChangedAt));
            await writer.InsertAsync(NewRevisions, static (r, v) =>
            {
                (v[0], v[1], v[2], v[3], v[4]) = (r.Outturn.Id, r.Period, r.OldValue, r.OldStatus, r.NewValue);
                (v[5], v[6], v[7], v[8], v[9]) = (r.NewStatus, r.Kind, r.Reason, r.ChangedBy, r.ChangedAt);
            }, cancellationToken);
        }
    }
}
