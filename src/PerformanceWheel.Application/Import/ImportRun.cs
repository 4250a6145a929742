using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// One validation or import: loads what the workbook refers to in bulk (<see cref="ImportCatalogue"/>: no query per
/// row), then checks and applies the sheets in order (<see cref="SegmentSheet"/>, <see cref="MeasureSheet"/>,
/// <see cref="TargetSheet"/>, <see cref="OutturnSheet"/>) through the same rules as the admin forms, collecting an
/// error for each cell that is wrong (<see cref="ImportLedger"/>). Framework changes (segments, measures, targets,
/// directorates, committees, audit entries) are tracked entities; figures are kept aside and written in bulk by
/// <see cref="WriteFiguresAsync"/>. The caller saves (one transaction) only when there is no error; otherwise the
/// context is thrown away.
/// </summary>
internal sealed class ImportRun
{
    private readonly PerformanceWheelDbContext _db;
    private readonly ImportRequest _request;
    private readonly ImportMode _mode;
    private readonly DateTimeOffset _at;
    private readonly WorkbookContent _content;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly ImportLedger _ledger;
    private readonly ImportCatalogue _catalogue;
    private readonly FigureWriter _figures;
    private readonly Dictionary<string, int> _rowsRead = new(StringComparer.Ordinal);

    public ImportRun(
        PerformanceWheelDbContext db, ImportRequest request, ImportMode mode, DateTimeOffset at, ImportOptions limits, WorkbookContent content, IProgress<ImportProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(content);
        (_db, _request, _mode, _at, _content, _progress) = (db, request, mode, at, content, progress);
        _ledger = new ImportLedger(db, request.UserName, at, limits.ListedChanges, content.Errors);
        _catalogue = new ImportCatalogue(db, content, _ledger);
        _figures = new FigureWriter(db);
    }

    public List<ImportError> Errors => _ledger.Errors;

    public Task LoadAsync(CancellationToken cancellationToken) => _catalogue.LoadAsync(_at, cancellationToken);

    /// <summary>Writes the figures kept aside by the check (see <see cref="FigureWriter"/>); call inside the transaction, after SaveChanges.</summary>
    public Task WriteFiguresAsync(CancellationToken cancellationToken) => _figures.WriteAsync(cancellationToken);

    public void Check(CancellationToken cancellationToken)
    {
        new SegmentSheet(_content, _ledger, _catalogue).Check();
        new MeasureSheet(_db, _content, _ledger, _catalogue).Check();
        new TargetSheet(_content, _ledger, _catalogue).Check();
        new OutturnSheet(_content, _ledger, _catalogue, _figures, _request, _mode, _progress).Check(cancellationToken);

        // The rows are not needed any more (what is written is kept aside): let them go before writing; keep their counts.
        foreach (var (name, sheet) in _content.Sheets)
        {
            _rowsRead[name] = sheet.Rows.Count;
            sheet.Rows.Clear();
            sheet.Rows.TrimExcess();
        }
    }

    public IReadOnlyList<ImportError> SortedErrors() =>
        [.. Errors.Select((e, i) => (e, i))
            .OrderBy(x => SheetOrder(x.e.Sheet)).ThenBy(x => x.e.Row ?? 0).ThenBy(x => ColumnOrder(x.e.Sheet, x.e.Column)).ThenBy(x => x.i)
            .Select(x => x.e)];

    public ImportReport Report(bool applied)
    {
        var counts = _ledger.Counts.Select(kv => new ImportCount(kv.Key, _rowsRead.GetValueOrDefault(kv.Key), kv.Value.Created, kv.Value.Updated, kv.Value.Unchanged, kv.Value.Skipped)).ToList();
        return new ImportReport(_mode, applied, [], _ledger.Warnings, counts, _ledger.Changes, _ledger.NotListed, _ledger.Revisions);
    }

    /// <summary>One audit entry for the import as a whole (framework changes have their own; changed figures their revisions).</summary>
    public void AuditImport()
    {
        var parts = new List<string> { $"Mode: {_mode.ToString().ToLowerInvariant()}" };
        foreach (var (what, c) in _ledger.Counts)
        {
            if (c.Created + c.Updated + c.Unchanged + c.Skipped > 0)
            {
                parts.Add($"{what}: {c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged{(c.Skipped > 0 ? $", {c.Skipped} left blank" : string.Empty)}");
            }
        }

        parts.Add($"{_ledger.Revisions} figure revision(s)");
        var key = string.IsNullOrWhiteSpace(_request.FileName) ? "workbook" : _request.FileName.Trim();
        _db.AuditEntries.Add(new AuditEntry(_request.UserName, _at, "Imported", "Workbook import", FrameworkAudit.Shorten(key, Lengths.Label), string.Join("; ", parts)));
    }

    private static int ColumnOrder(string? sheet, string? column)
    {
        var format = Sheets.FirstOrDefault(s => s.Name == sheet);
        return format is null || column is null ? -1 : format.Columns.ToList().FindIndex(c => c.Name == column);
    }
}
