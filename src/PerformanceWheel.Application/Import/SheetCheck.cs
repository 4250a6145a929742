using PerformanceWheel.Domain.Common;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The checks of one sheet: reading its cells (each problem recorded against its row and column in the
/// <see cref="ImportLedger"/>) and applying its rows through the framework's rules. One subclass per sheet.
/// </summary>
internal abstract class SheetCheck(WorkbookContent content, ImportLedger ledger, ImportCatalogue catalogue)
{
    protected ImportLedger Ledger { get; } = ledger;

    protected ImportCatalogue Catalogue { get; } = catalogue;

    protected List<ImportError> Errors => Ledger.Errors;

    /// <summary>The sheet when the workbook has it with every required column; else false.</summary>
    protected bool Usable(string name, out SheetRows sheet)
    {
        if (!content.Sheets.TryGetValue(name, out sheet!))
        {
            return false;
        }

        var rows = sheet;
        var missing = sheet.Sheet.Columns.Where((c, i) => c.Required && !rows.HasColumn[i]).Any();
        if (missing && sheet.Has(Code))
        {
            // The sheet cannot be checked; its codes still count as known so other sheets do not report them again.
            var index = sheet.Index(Code);
            var known = name == Segments ? Catalogue.SegmentCodesOnSheet : name == Measures ? Catalogue.UnresolvedMeasures : null;
            foreach (var row in sheet.Rows)
            {
                if (row.Cells[index].AsText() is { } code)
                {
                    known?.Add(code);
                }
            }
        }

        return !missing;
    }

    protected static SheetCell Cell(SheetRows sheet, SheetRow row, string column) => sheet.Index(column) is var i && i >= 0 ? row.Cells[i] : default;

    protected string? Required(SheetRows sheet, SheetRow row, string column, string field, int maxLength)
    {
        var (text, problem) = ImportCells.Text(Cell(sheet, row, column));
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
            return null;
        }

        return Checked(sheet, row, column, () => Guard.Required(text, field, maxLength));
    }

    protected string? Optional(SheetRows sheet, SheetRow row, string column, string field, int maxLength)
    {
        var (text, problem) = ImportCells.Text(Cell(sheet, row, column));
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
            return null;
        }

        return Checked(sheet, row, column, () => Guard.Optional(text, field, maxLength));
    }

    protected string? Checked(SheetRows sheet, SheetRow row, string column, Func<string?> check)
    {
        try
        {
            return check();
        }
        catch (DomainException e)
        {
            Error(sheet, row, column, e.Message);
            return null;
        }
    }

    protected T? Choice<T>(SheetRows sheet, SheetRow row, string column, Func<string, T?> parse, string message, bool required)
        where T : struct
    {
        var (text, problem) = ImportCells.Text(Cell(sheet, row, column));
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
            return null;
        }

        if (text is null)
        {
            if (required)
            {
                Error(sheet, row, column, $"{column} is required. {message}");
            }

            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Error(sheet, row, column, $"'{text}' is not allowed here. {message}");
        }

        return value;
    }

    protected decimal? Number(SheetRows sheet, SheetRow row, string column, bool percentUnit)
    {
        var (value, problem) = ImportCells.Number(Cell(sheet, row, column), percentUnit);
        Problem(sheet, row, column, problem);
        return value;
    }

    protected int? WholeNumber(SheetRows sheet, SheetRow row, string column)
    {
        var (value, problem) = ImportCells.WholeNumber(Cell(sheet, row, column));
        Problem(sheet, row, column, problem);
        return value;
    }

    protected void Duplicate(SheetRows sheet, SheetRow row, string column, Dictionary<string, int> seen, string key, string what)
    {
        if (seen.TryGetValue(key, out var first))
        {
            Error(sheet, row, column, $"{what} is on this sheet twice (also row {first}); keep one row.");
        }
        else
        {
            seen[key] = row.Number;
        }
    }

    protected void Problem(SheetRows sheet, SheetRow row, string column, string? problem) => Ledger.Problem(sheet, row, column, problem);

    protected void Error(SheetRows sheet, SheetRow row, string column, string message) => Ledger.Error(sheet, row, column, message);
}
