using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// What the checkers of the Plans, Rings, Projects and ProjectUpdates sheets share: the rows of their sheet (kept when
/// the checker is made, as the other sheets' check lets their rows go), their errors at sheet, row and column, and the
/// counts and changes they add to the report. Each checker goes through the command its page uses, in bulk, and makes
/// its changes in the import's context, saved with the rest of the workbook or not at all.
/// </summary>
internal abstract class SheetChecker
{
    private readonly List<ImportChange> _changes = [];
    private readonly List<ImportCount> _counts = [];

    protected SheetChecker(WorkbookContent content, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Sheets.GetValueOrDefault(sheetName) is { } sheet && !sheet.Sheet.Columns.Where((c, i) => c.Required && !sheet.HasColumn[i]).Any())
        {
            // A sheet without one of its required columns is not checked row by row (the reader has reported the column).
            Sheet = sheet;
            Rows = [.. sheet.Rows];
        }
    }

    public List<ImportError> Errors { get; } = [];

    protected SheetRows? Sheet { get; }

    protected IReadOnlyList<SheetRow> Rows { get; } = [];

    /// <summary>The report with the counts (added to those of the same kind, such as the rings the Segments sheet creates) and changes of every checker.</summary>
    public static ImportReport AddTo(ImportReport report, params SheetChecker[] checkers)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(checkers);
        var counts = report.Counts.ToList();
        foreach (var count in checkers.SelectMany(c => c._counts).Where(c => c.Rows > 0))
        {
            var i = counts.FindIndex(c => c.What == count.What);
            counts.Add(i < 0 ? count : counts[i] with
            {
                Rows = count.Rows, // the sheet's rows (the rings the Segments sheet creates have no rows of their own)
                Created = counts[i].Created + count.Created,
                Updated = counts[i].Updated + count.Updated,
                Unchanged = counts[i].Unchanged + count.Unchanged,
            });
            if (i >= 0)
            {
                counts.RemoveAt(i);
            }
        }

        return report with { Counts = counts, Changes = [.. report.Changes, .. checkers.SelectMany(c => c._changes)] };
    }

    /// <summary>Counts one row of <paramref name="what"/>: created, updated, or unchanged (a null action).</summary>
    protected void Count(string what, SheetRow row, string? action, string key, string detail)
    {
        var i = _counts.FindIndex(c => c.What == what);
        var c = i < 0 ? new ImportCount(what, 0, 0, 0, 0, 0) : _counts[i];
        c = c with
        {
            Rows = c.Rows + 1,
            Created = c.Created + (action == "Created" ? 1 : 0),
            Updated = c.Updated + (action is not null and not "Created" ? 1 : 0),
            Unchanged = c.Unchanged + (action is null ? 1 : 0),
        };
        if (i < 0)
        {
            _counts.Add(c);
        }
        else
        {
            _counts[i] = c;
        }

        if (action is not null)
        {
            _changes.Add(new ImportChange(Sheet!.Sheet.Name, row.Number, action, key, detail.Length <= 500 ? detail : string.Concat(detail.AsSpan(0, 499), "…")));
        }
    }

    protected SheetCell Cell(SheetRow row, string column) => Sheet!.Index(column) is var i && i >= 0 ? row.Cells[i] : default;

    /// <summary>A cell's text (trimmed; null when blank); a cell without a usable value is an error.</summary>
    protected string? Text(SheetRow row, string column)
    {
        var (text, problem) = ImportCells.Text(Cell(row, column));
        Problem(row, column, problem);
        return text;
    }

    /// <summary>A required text, checked as the domain checks it ("Ring name is required.", at most so many characters).</summary>
    protected string? Required(SheetRow row, string column, string field, int maxLength)
    {
        var before = Errors.Count;
        var text = Text(row, column);
        if (Errors.Count > before)
        {
            return null;
        }

        try
        {
            return Guard.Required(text, field, maxLength);
        }
        catch (DomainException e)
        {
            Error(row, column, e.Message);
            return null;
        }
    }

    protected bool YesNo(SheetRow row, string column)
    {
        var (value, problem) = ImportCells.YesNo(Cell(row, column));
        Problem(row, column, problem);
        return value;
    }

    /// <summary>A command's problems, each at the column its field is read from.</summary>
    protected void Report(SheetRow row, IEnumerable<FieldProblem> problems, Func<string, string> column)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(column);
        foreach (var problem in problems)
        {
            Error(row, column(problem.Field), problem.Message);
        }
    }

    protected void Problem(SheetRow row, string column, string? problem)
    {
        if (problem is not null)
        {
            Error(row, column, problem);
        }
    }

    protected void Error(SheetRow row, string column, string message) => Errors.Add(new ImportError(Sheet!.Sheet.Name, row.Number, column, message));

    /// <summary>Whether the key is on the sheet already (then the row is an error); else remembers its row.</summary>
    protected bool Twice(Dictionary<string, int> seen, SheetRow row, string column, string key, string what)
    {
        ArgumentNullException.ThrowIfNull(seen);
        if (seen.TryGetValue(key, out var first))
        {
            Error(row, column, $"{what} is on this sheet twice (also row {first}); keep one row.");
            return true;
        }

        seen[key] = row.Number;
        return false;
    }
}
