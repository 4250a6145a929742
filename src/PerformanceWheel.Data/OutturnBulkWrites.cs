using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Outturns;

namespace PerformanceWheel.Data;

/// <summary>
/// The bulk writes of imported figures (docs/decisions/0007): new outturns, changed outturns (guarded by their
/// version) and their revisions, every stored column of each named with the value it takes, so a figure written here
/// reads back exactly as if EF had saved it. The caller owns the context's transaction; each write raises the figures
/// version in it (<see cref="Figures.FiguresVersions"/>), as SaveChanges does.
/// </summary>
public static class OutturnBulkWrites
{
    /// <summary>The columns an outturn's figure, workflow and authorship are stored in (the new and changed rows alike).</summary>
    private static readonly BulkColumn<Outturn>[] Figure =
    [
        new(nameof(Outturn.Value), o => o.Value),
        new(nameof(Outturn.Status), o => o.Status),
        new(nameof(Outturn.IsProvisional), o => o.IsProvisional),
        new(nameof(Outturn.Commentary), o => o.Commentary),
        new(nameof(Outturn.State), o => o.State),
        new(nameof(Outturn.EnteredBy), o => o.EnteredBy),
        new(nameof(Outturn.UpdatedBy), o => o.UpdatedBy),
        new(nameof(Outturn.UpdatedAt), o => o.UpdatedAt),
        new(nameof(Outturn.Version), o => o.Version),
        new(nameof(Outturn.CommentaryBy), o => o.CommentaryBy),
        new(nameof(Outturn.CommentaryAt), o => o.CommentaryAt),
    ];

    /// <summary>A new outturn: its measure (by the measure's id, known once the measure is saved) and period, then its figure.</summary>
    private static readonly BulkColumn<Outturn>[] NewOutturn =
    [
        new(nameof(Outturn.MeasureId), o => o.Measure.Id),
        new(nameof(Outturn.Period), o => o.Period),
        .. Figure,
    ];

    private static readonly BulkColumn<ChangedOutturn>[] ChangedFigure = [.. Figure.Select(c => new BulkColumn<ChangedOutturn>(c.Property, x => c.Value(x.Outturn)))];

    private static readonly BulkColumn<OutturnRevision>[] NewRevision =
    [
        new(nameof(OutturnRevision.OutturnId), r => r.Outturn.Id),
        new(nameof(OutturnRevision.Period), r => r.Period),
        new(nameof(OutturnRevision.OldValue), r => r.OldValue),
        new(nameof(OutturnRevision.OldStatus), r => r.OldStatus),
        new(nameof(OutturnRevision.NewValue), r => r.NewValue),
        new(nameof(OutturnRevision.NewStatus), r => r.NewStatus),
        new(nameof(OutturnRevision.Kind), r => r.Kind),
        new(nameof(OutturnRevision.Reason), r => r.Reason),
        new(nameof(OutturnRevision.ChangedBy), r => r.ChangedBy),
        new(nameof(OutturnRevision.ChangedAt), r => r.ChangedAt),
    ];

    /// <summary>Inserts outturns not yet in the database (their measures must be saved).</summary>
    public static Task InsertAsync(DbContext db, IReadOnlyCollection<Outturn> outturns, CancellationToken cancellationToken) =>
        new BulkWriter<Outturn, Outturn>(db, NewOutturn).InsertAsync(outturns, cancellationToken);

    /// <summary>
    /// Writes outturns changed since they were read at <see cref="ChangedOutturn.OriginalVersion"/>; throws
    /// <see cref="DbUpdateConcurrencyException"/> when any of them was changed or deleted meanwhile.
    /// </summary>
    public static Task UpdateAsync(DbContext db, IReadOnlyCollection<ChangedOutturn> outturns, CancellationToken cancellationToken) =>
        new BulkWriter<Outturn, ChangedOutturn>(db, ChangedFigure).UpdateAsync(
            outturns, new(nameof(Outturn.Id), c => c.Outturn.Id), new(nameof(Outturn.Version), c => c.OriginalVersion), cancellationToken);

    /// <summary>Inserts revisions of outturns that are saved.</summary>
    public static Task InsertAsync(DbContext db, IReadOnlyCollection<OutturnRevision> revisions, CancellationToken cancellationToken) =>
        new BulkWriter<OutturnRevision, OutturnRevision>(db, NewRevision).InsertAsync(revisions, cancellationToken);
}

/// <summary>An outturn changed in memory, and the version it had when it was read (the update's concurrency check).</summary>
public readonly record struct ChangedOutturn(Outturn Outturn, int OriginalVersion);
