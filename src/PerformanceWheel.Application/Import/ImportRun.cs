using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// One validation or import: checks the Plans and Rings sheets, loads what the workbook refers to in bulk
/// (<see cref="ImportCatalogue"/>: no query per row), then checks and applies the other sheets in order (the finance
/// sheets, <see cref="SegmentSheet"/>, <see cref="MeasureSheet"/>, <see cref="TargetSheet"/>, <see cref="OutturnSheet"/>,
/// <see cref="ProjectsSheet"/>, <see cref="ProjectUpdatesSheet"/>) through the same rules and commands as the forms.
/// Every sheet reports to the one <see cref="ImportLedger"/>: an error for each cell that is wrong, at its sheet, row and
/// column, and the counts, changes and audit of what it does. Framework changes (plans, rings, segments, measures,
/// targets, directorates, committees, projects, project updates, finance, audit entries) are tracked entities in the
/// import's context; figures are kept aside and written in bulk by <see cref="WriteFiguresAsync"/>. The caller saves
/// (one transaction) only when there is no error; otherwise the context is thrown away.
/// </summary>
internal sealed class ImportRun
{
    private static readonly string[] ReleasedSheets = [Segments, Measures, Targets, Outturns];

    private readonly PerformanceWheelDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ImportRequest _request;
    private readonly ImportMode _mode;
    private readonly DateTimeOffset _at;
    private readonly WorkbookContent _content;
    private readonly IProgress<ImportProgress>? _progress;
    private readonly ImportLedger _ledger;
    private readonly ImportCatalogue _catalogue;
    private readonly FigureWriter _figures;

    public ImportRun(
        PerformanceWheelDbContext db, ImportRequest request, ImportMode mode, TimeProvider clock, ImportOptions limits, WorkbookContent content, IProgress<ImportProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(content);
        (_db, _request, _mode, _clock, _at, _content, _progress) = (db, request, mode, clock, clock.GetUtcNow(), content, progress);
        _ledger = new ImportLedger(db, request.UserName, _at, limits.ListedChanges, content.Errors);
        _catalogue = new ImportCatalogue(db, content, _ledger);
        _figures = new FigureWriter(db);
    }

    public List<ImportError> Errors => _ledger.Errors;

    /// <summary>Checks the Plans and Rings sheets (the other sheets use their plans and rings), then loads what the workbook refers to.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await new PlansSheet(_db, _content, _ledger).CheckAsync(cancellationToken);
        await new RingsSheet(_db, _content, _ledger).CheckAsync(cancellationToken);
        await _catalogue.LoadAsync(_at, cancellationToken);
    }

    /// <summary>Writes the figures kept aside by the check (see <see cref="FigureWriter"/>); call inside the transaction, after SaveChanges.</summary>
    public Task WriteFiguresAsync(CancellationToken cancellationToken) => _figures.WriteAsync(cancellationToken);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await new FinanceSheets(_db, _clock, _request, _mode, _content, _ledger).CheckAsync(cancellationToken);
        new SegmentSheet(_content, _ledger, _catalogue).Check();
        new MeasureSheet(_db, _content, _ledger, _catalogue).Check();
        new TargetSheet(_content, _ledger, _catalogue).Check();
        new OutturnSheet(_content, _ledger, _catalogue, _figures, _request, _mode, _progress).Check(cancellationToken);
        await new ProjectsSheet(_db, _content, _ledger).CheckAsync(cancellationToken);
        await new ProjectUpdatesSheet(_db, _clock, _request, _mode, _content, _ledger).CheckAsync(cancellationToken);

        // The rows of the large sheets are not needed any more (what is written is kept aside): let them go before
        // writing; keep their counts.
        foreach (var name in ReleasedSheets)
        {
            if (_content.Sheets.TryGetValue(name, out var sheet))
            {
                _ledger.Counts[name].Rows = sheet.Rows.Count;
                sheet.Rows.Clear();
                sheet.Rows.TrimExcess();
            }
        }
    }

    public IReadOnlyList<ImportError> SortedErrors() =>
        [.. Errors.Select((e, i) => (e, i))
            .OrderBy(x => SheetOrder(x.e.Sheet)).ThenBy(x => x.e.Row ?? 0).ThenBy(x => ColumnOrder(x.e.Sheet, x.e.Column)).ThenBy(x => x.i)
            .Select(x => x.e)];

    public ImportReport Report(bool applied)
    {
        return new ImportReport(_mode, applied, [], _ledger.Warnings, _ledger.CountsForReport(), _ledger.Changes, _ledger.NotListed, _ledger.Revisions);
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

        parts.Add(Counted.Of(_ledger.Revisions, "figure revision"));
        var key = string.IsNullOrWhiteSpace(_request.FileName) ? "workbook" : _request.FileName.Trim();
        _db.AuditEntries.Add(new AuditEntry(_request.UserName, _at, "Imported", "Workbook import", FrameworkAudit.Shorten(key, Lengths.Label), string.Join("; ", parts)));
    }

    private static int ColumnOrder(string? sheet, string? column)
    {
        var format = Sheets.FirstOrDefault(s => s.Name == sheet);
        return format is null || column is null ? -1 : format.Columns.ToList().FindIndex(c => c.Name == column);
    }
}
