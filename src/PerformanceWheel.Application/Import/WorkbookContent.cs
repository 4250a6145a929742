using System.Globalization;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// A workbook as the import sees it: the sheets of the format that were found (read by
/// <see cref="WorkbookReader"/>), and the problems met while reading, worded for the person importing.
/// </summary>
internal sealed class WorkbookContent
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The format's sheets and columns as the reader takes them; headers and sheet names compared by <see cref="ImportFormat.Normalize"/>.</summary>
    private static readonly WorkbookLayout Layout = new(
        [.. ImportFormat.Sheets.Select(s => new SheetLayout(s.Name, [.. s.Columns.Select(c => new SheetColumn(c.Name, c.Required))]))],
        ImportFormat.Normalize);

    private WorkbookContent(WorkbookSheets read, ImportOptions limits)
    {
        Sheets = read.Sheets;
        Stopped = read.Stopped;
        DataRows = read.DataRows;
        Errors = [.. read.Problems.Select(p => new ImportError(p.Sheet, p.Row, p.Column, Message(p, limits)))];
    }

    public Dictionary<string, SheetRows> Sheets { get; }

    public List<ImportError> Errors { get; }

    /// <summary>True when reading stopped early (too many rows, not a workbook): nothing else is worth checking.</summary>
    public bool Stopped { get; }

    public int DataRows { get; }

    /// <summary>Reads the format's sheets within the Import limits; progress is reported as the "Reading" phase.</summary>
    public static WorkbookContent Read(Stream stream, ImportOptions limits, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var read = WorkbookReader.Read(
            stream,
            Layout,
            new WorkbookLimits(limits.MaxRows, limits.MaxPartBytes, limits.MaxUncompressedBytes, limits.MaxCellCharacters),
            progress is null ? null : new Reading(progress),
            cancellationToken);
        return new WorkbookContent(read, limits);
    }

    /// <summary>What the person importing reads for a problem the reader met, naming the Import setting of a limit passed.</summary>
    private static string Message(WorkbookProblem problem, ImportOptions limits) => problem.Kind switch
    {
        WorkbookProblemKind.NotAWorkbook => "The file is not an Excel workbook (.xlsx). Save it from Excel as an .xlsx workbook and try again.",
        WorkbookProblemKind.NoWorksheets => "The file is not an Excel workbook (.xlsx): it has no worksheets.",
        WorkbookProblemKind.PartTooLarge =>
            $"The workbook's part {problem.Part} is larger than {Megabytes(limits.MaxPartBytes)} once decompressed, the most one import accepts (Import:MaxPartBytes). Split the workbook, or save it again from Excel.",
        WorkbookProblemKind.WorkbookTooLarge =>
            $"The workbook is larger than {Megabytes(limits.MaxUncompressedBytes)} once decompressed, the most one import accepts (Import:MaxUncompressedBytes). Split it into smaller workbooks.",
        WorkbookProblemKind.Dtd =>
            $"The workbook's part {problem.Part} contains a DTD (a document type declaration), which workbooks never have; it was not read. Save the workbook again from Excel.",
        WorkbookProblemKind.NotXml =>
            $"The workbook's part {problem.Part} is not well-formed XML (line {problem.Number.ToString(CultureInfo.InvariantCulture)}); it was not read. Save the workbook again from Excel.",
        WorkbookProblemKind.CellTooLong =>
            $"A cell in row {problem.Row?.ToString(CultureInfo.InvariantCulture)} of the {problem.Sheet} sheet holds more than {limits.MaxCellCharacters.ToString("N0", English)} characters, the most a cell may hold (Import:MaxCellCharacters); reading stopped there.",
        WorkbookProblemKind.SharedTextTooLong =>
            $"Text number {problem.Number.ToString("N0", English)} of the workbook's shared texts ({problem.Part}) holds more than {limits.MaxCellCharacters.ToString("N0", English)} characters, the most a cell may hold (Import:MaxCellCharacters); reading stopped there.",
        WorkbookProblemKind.TooManyRows =>
            $"The workbook has more than {limits.MaxRows.ToString("N0", English)} rows of data, the most one import accepts (Import:MaxRows). Blank rows count too: delete the empty rows below the data, or split it into smaller workbooks.",
        WorkbookProblemKind.DuplicateSheet => $"The workbook has two sheets named {problem.Sheet}; keep one.",
        WorkbookProblemKind.DuplicateColumn => $"The {problem.Sheet} sheet has two {problem.Column} columns; keep one.",
        WorkbookProblemKind.MissingColumn => $"The {problem.Sheet} sheet has no {problem.Column} column; row 1 must name it.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "A problem the import does not word."),
    };

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    /// <summary>The reader's count of data rows, passed on at once as the "Reading" phase.</summary>
    private sealed class Reading(IProgress<ImportProgress> progress) : IProgress<int>
    {
        public void Report(int value) => progress.Report(new ImportProgress("Reading", value));
    }
}
