namespace PerformanceWheel.Workbooks;

/// <summary>A column a sheet is expected to have: its header, and whether a sheet without it is incomplete.</summary>
public sealed record SheetColumn(string Name, bool Required);

/// <summary>A sheet to read: its name and the columns kept (other columns are passed over).</summary>
public sealed record SheetLayout(string Name, IReadOnlyList<SheetColumn> Columns);

/// <summary>
/// The sheets to read from a workbook, and how a sheet name or header is compared with the layout's names
/// (<paramref name="Key"/> turns both into the text compared, e.g. trimmed and lower case).
/// </summary>
public sealed record WorkbookLayout(IReadOnlyList<SheetLayout> Sheets, Func<string?, string> Key);

/// <summary>The limits of one read; past any of them reading stops with a <see cref="WorkbookProblem"/>.</summary>
/// <param name="MaxRows">The most rows below the headers, all sheets together, blank ones included.</param>
/// <param name="MaxPartBytes">The largest part (a sheet, the shared texts, the styles) once decompressed.</param>
/// <param name="MaxUncompressedBytes">The largest workbook once decompressed, all parts together.</param>
/// <param name="MaxCellCharacters">The longest text a cell may hold.</param>
public sealed record WorkbookLimits(int MaxRows, long MaxPartBytes, long MaxUncompressedBytes, int MaxCellCharacters);

/// <summary>What was wrong with a workbook as a file (the caller words it for its readers).</summary>
public enum WorkbookProblemKind
{
    /// <summary>Not an .xlsx package at all.</summary>
    NotAWorkbook = 1,

    /// <summary>A package without a workbook or worksheets.</summary>
    NoWorksheets = 2,

    /// <summary>A part (<see cref="WorkbookProblem.Part"/>) larger than <see cref="WorkbookLimits.MaxPartBytes"/>.</summary>
    PartTooLarge = 3,

    /// <summary>All parts together larger than <see cref="WorkbookLimits.MaxUncompressedBytes"/>.</summary>
    WorkbookTooLarge = 4,

    /// <summary>A part with a document type declaration (never in a workbook): not read.</summary>
    Dtd = 5,

    /// <summary>A part that is not well-formed XML (<see cref="WorkbookProblem.Number"/> is the line).</summary>
    NotXml = 6,

    /// <summary>A cell of a sheet (<see cref="WorkbookProblem.Row"/>) longer than <see cref="WorkbookLimits.MaxCellCharacters"/>.</summary>
    CellTooLong = 7,

    /// <summary>A shared text (<see cref="WorkbookProblem.Number"/>, from 1) longer than <see cref="WorkbookLimits.MaxCellCharacters"/>.</summary>
    SharedTextTooLong = 8,

    /// <summary>More rows than <see cref="WorkbookLimits.MaxRows"/>.</summary>
    TooManyRows = 9,

    /// <summary>Two sheets with the layout's name.</summary>
    DuplicateSheet = 10,

    /// <summary>Two headers naming the same column.</summary>
    DuplicateColumn = 11,

    /// <summary>A sheet with rows or headers but without a required column.</summary>
    MissingColumn = 12,
}

/// <summary>
/// A problem met while reading: what, and where (sheet, row — 1 is the header —, column as the layout names it, the
/// package part); <paramref name="Number"/> is the line of broken XML or the number of an over-long shared text.
/// </summary>
public sealed record WorkbookProblem(
    WorkbookProblemKind Kind, string? Sheet = null, int? Row = null, string? Column = null, string? Part = null, int Number = 0);
