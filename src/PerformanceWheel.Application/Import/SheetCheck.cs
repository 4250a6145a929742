using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The checks of one sheet, one subclass per sheet (Plans, Rings, Segments, Measures, Targets, Outturns, Projects,
/// ProjectUpdates, and the two finance sheets together): reading its cells, each problem recorded at its sheet, row and
/// column in the run's one <see cref="ImportLedger"/>, and applying its rows through the command or rules its form uses,
/// counted, listed and audited in the same ledger. A command's problems go to the column of their field
/// (<see cref="ImportColumns"/>). The changes are made in the import's context and saved with the rest of the workbook,
/// or not at all when the ledger holds any error.
/// </summary>
internal abstract class SheetCheck
{
    protected SheetCheck(WorkbookContent content, ImportLedger ledger, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(content);
        Ledger = ledger;
        Present = content.Sheets.GetValueOrDefault(sheetName);

        Sheet = Usable(Present);
    }

    /// <summary>
    /// The sheet when it has every required column, else null: a sheet without one is not checked row by row (the reader
    /// has reported the column).
    /// </summary>
    public static SheetRows? Usable(SheetRows? sheet) =>
        sheet is not null && !sheet.Sheet.Columns.Where((c, i) => c.Required && !sheet.HasColumn[i]).Any() ? sheet : null;

    /// <summary>The cell of a row in a column (blank when the sheet has no such column).</summary>
    public static SheetCell CellOf(SheetRows sheet, SheetRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(row);
        return sheet.Index(column) is var i && i >= 0 ? row.Cells[i] : default;
    }

    protected ImportLedger Ledger { get; }

    /// <summary>The sheet, when the workbook has it with every required column; else null (nothing to check).</summary>
    protected SheetRows? Sheet { get; }

    /// <summary>The sheet as the workbook has it, usable or not.</summary>
    protected SheetRows? Present { get; }

    protected List<ImportError> Errors => Ledger.Errors;

    /// <summary>The codes of a sheet that cannot be checked (a required column is missing), so other sheets do not report them again.</summary>
    protected IEnumerable<string> CodesOfUnusableSheet()
    {
        if (Sheet is not null || Present is null || !Present.Has(ImportFormat.Code))
        {
            yield break;
        }

        var index = Present.Index(ImportFormat.Code);
        foreach (var row in Present.Rows)
        {
            if (row.Cells[index].AsText() is { } code)
            {
                yield return code;
            }
        }
    }

    protected SheetCell Cell(SheetRow row, string column) => CellOf(Sheet!, row, column);

    /// <summary>A cell's text (trimmed; null when blank); a cell without a usable value is an error.</summary>
    protected string? Text(SheetRow row, string column)
    {
        var (text, problem) = ImportCells.Text(Cell(row, column));
        Problem(row, column, problem);
        return problem is null ? text : null;
    }

    /// <summary>A required text, checked as the domain checks it ("Ring name is required.", at most so many characters).</summary>
    protected string? Required(SheetRow row, string column, string field, int maxLength)
    {
        var (text, problem) = ImportCells.Text(Cell(row, column));
        if (problem is not null)
        {
            Error(row, column, problem);
            return null;
        }

        return Checked(row, column, () => Guard.Required(text, field, maxLength));
    }

    protected string? Optional(SheetRow row, string column, string field, int maxLength)
    {
        var (text, problem) = ImportCells.Text(Cell(row, column));
        if (problem is not null)
        {
            Error(row, column, problem);
            return null;
        }

        return Checked(row, column, () => Guard.Optional(text, field, maxLength));
    }

    protected string? Checked(SheetRow row, string column, Func<string?> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (DomainException e)
        {
            Error(row, column, e.Message);
            return null;
        }
    }

    protected T? Choice<T>(SheetRow row, string column, Func<string, T?> parse, string message, bool required)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        var (text, problem) = ImportCells.Text(Cell(row, column));
        if (problem is not null)
        {
            Error(row, column, problem);
            return null;
        }

        if (text is null)
        {
            if (required)
            {
                Error(row, column, $"{column} is required. {message}");
            }

            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Error(row, column, $"'{text}' is not allowed here. {message}");
        }

        return value;
    }

    protected decimal? Number(SheetRow row, string column, bool percentUnit)
    {
        var (value, problem) = ImportCells.Number(Cell(row, column), percentUnit);
        Problem(row, column, problem);
        return value;
    }

    protected int? WholeNumber(SheetRow row, string column)
    {
        var (value, problem) = ImportCells.WholeNumber(Cell(row, column));
        Problem(row, column, problem);
        return value;
    }

    protected bool YesNo(SheetRow row, string column)
    {
        var (value, problem) = ImportCells.YesNo(Cell(row, column));
        Problem(row, column, problem);
        return value;
    }

    /// <summary>Whether the key is on the sheet already (then the row is an error); else remembers its row.</summary>
    protected bool Duplicate(SheetRow row, string column, Dictionary<string, int> seen, string key, string what)
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

    /// <summary>A command's problems, each at the column of its field.</summary>
    protected void Problems(SheetRow row, IEnumerable<FieldProblem> problems) => Ledger.Problems(Sheet!, row, problems);

    /// <summary>Counts one row of <paramref name="what"/>: created, updated (any other action), or unchanged (a null action).</summary>
    protected void Count(string what, SheetRow row, string? action, string key, string detail) => Ledger.Count(Sheet!, row, what, action, key, detail);

    protected void Problem(SheetRow row, string column, string? problem) => Ledger.Problem(Sheet!, row, column, problem);

    protected void Error(SheetRow row, string column, string message) => Ledger.Error(Sheet!, row, column, message);
}
