using System.Globalization;

namespace PerformanceWheel.Workbooks;

/// <summary>What a cell holds once shared strings, inline strings, formulas and number formats are resolved.</summary>
public enum CellKind : byte
{
    Blank = 0,
    Text = 1,
    Number = 2,
    Boolean = 3,

    /// <summary>An Excel error such as #N/A or #DIV/0! (the text is the error).</summary>
    Error = 4,

    /// <summary>A formula without a saved result (written by a program that does not calculate).</summary>
    NoResult = 5,
}

/// <summary>A resolved cell: text, or a number with whether its format shows it as a percentage or a date.</summary>
public readonly record struct SheetCell(CellKind Kind, string? Text, double Number, bool IsPercent, bool IsDate)
{
    public bool IsBlank => Kind == CellKind.Blank || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>The cell as text (numbers in their shortest invariant form), trimmed; null when blank.</summary>
    public string? AsText() => Kind switch
    {
        CellKind.Text => string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        CellKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Boolean => Number != 0 ? "TRUE" : "FALSE",
        CellKind.Error => Text,
        _ => null,
    };
}

/// <summary>The rows of one recognised sheet: which of its layout's columns were found, and the non-blank data rows.</summary>
public sealed class SheetRows(SheetLayout sheet)
{
    public SheetLayout Sheet { get; } = sheet;

    /// <summary>Whether the header named the column (by position in <see cref="SheetLayout.Columns"/>).</summary>
    public bool[] HasColumn { get; } = new bool[sheet.Columns.Count];

    public List<SheetRow> Rows { get; } = [];

    public bool Has(string column) => Index(column) is var i && i >= 0 && HasColumn[i];

    public int Index(string column)
    {
        for (var i = 0; i < Sheet.Columns.Count; i++)
        {
            if (Sheet.Columns[i].Name == column)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A data row: its number in the sheet and its cells, one per column of the layout (blank where absent).</summary>
public sealed record SheetRow(int Number, SheetCell[] Cells);

/// <summary>Everything read from a workbook: the recognised sheets (by layout name) and the problems found while reading.</summary>
public sealed class WorkbookSheets
{
    public Dictionary<string, SheetRows> Sheets { get; } = new(StringComparer.Ordinal);

    public List<WorkbookProblem> Problems { get; } = [];

    /// <summary>True when reading stopped early (too many rows, not a workbook): nothing else is worth checking.</summary>
    public bool Stopped { get; set; }

    public int DataRows { get; set; }

    /// <summary>Every row read below the headers, blank ones included (they count toward <see cref="WorkbookLimits.MaxRows"/>).</summary>
    public int RowsRead { get; set; }
}
