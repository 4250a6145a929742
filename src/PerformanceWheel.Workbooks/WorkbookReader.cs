using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PerformanceWheel.Workbooks;

/// <summary>
/// Reads an .xlsx: the package and styles with the Open XML SDK, the worksheets and shared strings with a forward-only
/// <see cref="XmlReader"/> over each part, one row at a time and without an element object per row or cell, so memory
/// grows with the values kept (short texts such as codes and periods kept once), not with the document. Shared strings, inline strings (rich text too), booleans, errors and
/// formulas (by their saved result) are resolved; number formats say whether a number is shown as a percentage
/// (built-in formats 9 and 10, or any format with % outside quotes) or a date (built-in date formats, or any format
/// with d, m, y, h or s outside quotes and brackets).
/// </summary>
public static partial class WorkbookReader
{
    private const int ProgressEvery = 2_000;

    /// <summary>
    /// Reads the sheets the layout names (other sheets are ignored) within the limits; <paramref name="progress"/> hears
    /// the number of data rows read every few thousand rows.
    /// </summary>
    public static WorkbookSheets Read(Stream stream, WorkbookLayout layout, WorkbookLimits limits, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(limits);
        var content = new WorkbookSheets();
        if (DeclaredSizeProblem(stream, limits) is { } tooLarge)
        {
            content.Problems.Add(tooLarge);
            content.Stopped = true;
            return content;
        }

        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or ArgumentException or InvalidOperationException)
        {
            content.Problems.Add(new WorkbookProblem(WorkbookProblemKind.NotAWorkbook));
            content.Stopped = true;
            return content;
        }

        using (document)
        {
            var budget = new ReadBudget(limits);
            try
            {
                ReadParts(document, layout, content, budget, progress, cancellationToken);
            }
            catch (WorkbookLimitException e)
            {
                content.Problems.Add(e.Problem);
                content.Stopped = true;
            }
        }

        return content;
    }

    private static void ReadParts(SpreadsheetDocument document, WorkbookLayout layout, WorkbookSheets content, ReadBudget budget, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var workbookPart = document.WorkbookPart;
        var sheets = Parsed(workbookPart, () => workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList());
        if (workbookPart is null || sheets is null)
        {
            content.Problems.Add(new WorkbookProblem(WorkbookProblemKind.NoWorksheets));
            content.Stopped = true;
            return;
        }

        var strings = SharedStrings(workbookPart.SharedStringTablePart, budget);
        var styles = Parsed(workbookPart.WorkbookStylesPart, () => new NumberFormats(workbookPart.WorkbookStylesPart?.Stylesheet))!;
        foreach (var sheet in sheets)
        {
            var format = layout.Sheets.FirstOrDefault(s => layout.Key(s.Name) == layout.Key(sheet.Name?.Value));
            if (format is null || sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
            {
                continue; // other sheets (Instructions, notes, charts) are ignored
            }

            if (content.Sheets.ContainsKey(format.Name))
            {
                content.Problems.Add(new WorkbookProblem(WorkbookProblemKind.DuplicateSheet, format.Name));
                continue;
            }

            var rows = new SheetRows(format);
            content.Sheets[format.Name] = rows;
            if (!ReadSheet(part, layout, rows, strings, styles, content, budget, progress, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Checks the sizes the zip declares for its parts before anything is decompressed: a part larger than
    /// <see cref="WorkbookLimits.MaxPartBytes"/>, or all of them together larger than
    /// <see cref="WorkbookLimits.MaxUncompressedBytes"/>, stops the reading. (The sizes read are also counted as they
    /// are decompressed, in case the declared ones lie.)
    /// </summary>
    private static WorkbookProblem? DeclaredSizeProblem(Stream stream, WorkbookLimits limits)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxPartBytes)
                {
                    return PartTooLarge("/" + entry.FullName);
                }

                total += entry.Length;
            }

            return total > limits.MaxUncompressedBytes ? WorkbookTooLarge : null;
        }
        catch (InvalidDataException)
        {
            return null; // not a zip: the package reader says so in its own words
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static WorkbookProblem PartTooLarge(string part) => new(WorkbookProblemKind.PartTooLarge, Part: part);

    private static readonly WorkbookProblem WorkbookTooLarge = new(WorkbookProblemKind.WorkbookTooLarge);

    /// <summary>A part the Open XML SDK parses itself (workbook, styles): a DTD or broken XML there stops the import naming the part.</summary>
    private static T? Parsed<T>(OpenXmlPart? part, Func<T?> parse)
    {
        try
        {
            return parse();
        }
        catch (XmlException e)
        {
            throw new WorkbookLimitException(NotXml(part?.Uri.OriginalString ?? "(unknown)", e, null));
        }
    }

    private static WorkbookProblem NotXml(string part, XmlException e, string? sheet) =>
        e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? new WorkbookProblem(WorkbookProblemKind.Dtd, sheet, Part: part)
            : new WorkbookProblem(WorkbookProblemKind.NotXml, sheet, Part: part, Number: e.LineNumber);

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static bool ReadSheet(
        WorksheetPart part, WorkbookLayout layout, SheetRows rows, string[] strings, NumberFormats styles, WorkbookSheets content, ReadBudget budget,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var lastRow = 0;
        try
        {
            return ReadRows(part, layout, rows, strings, styles, content, budget, ref lastRow, progress, cancellationToken);
        }
        catch (XmlException e)
        {
            throw new WorkbookLimitException(NotXml(part.Uri.OriginalString, e, rows.Sheet.Name));
        }
        catch (CellTooLongException)
        {
            throw new WorkbookLimitException(new WorkbookProblem(WorkbookProblemKind.CellTooLong, rows.Sheet.Name, lastRow));
        }
    }

    private static bool ReadRows(
        WorksheetPart part, WorkbookLayout layout, SheetRows rows, string[] strings, NumberFormats styles, WorkbookSheets content, ReadBudget budget, ref int lastRow,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var maxRows = budget.MaxRows;
        var sheet = rows.Sheet;
        var columnOf = new Dictionary<int, int>(); // spreadsheet column index → column of the format
        var headerRead = false;
        var pool = new StringPool();
        var values = new RawCell[sheet.Columns.Count];
        using var xml = XmlReader.Create(budget.Open(part), XmlSettings);
        var names = new Names(xml.NameTable, budget.MaxCellCharacters);
        var found = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && names.Is(xml, names.SheetData))
            {
                found = true;
                break;
            }
        }

        // sheetData > row > c > (f, v, is > (t | r > t | rPh)): read as XML, no element objects per row or cell.
        var dataDepth = xml.Depth;
        var hasRows = found && !xml.IsEmptyElement;
        while (hasRows && NextChild(xml, dataDepth))
        {
            if (!names.Is(xml, names.Row))
            {
                continue;
            }

            var number = RowNumber(xml, names) ?? lastRow + 1;
            lastRow = number;

            if (number == 1)
            {
                ReadHeader(xml, names, layout, rows, strings, styles, columnOf, content);
                headerRead = true;
                continue;
            }

            if (!headerRead)
            {
                headerRead = true; // row 1 is missing: no columns
            }

            // Every row below the header counts toward the limit, blank ones too: millions of empty rows stop at once.
            if (++content.RowsRead > maxRows)
            {
                content.Problems.Add(new WorkbookProblem(WorkbookProblemKind.TooManyRows));
                content.Stopped = true;
                return false;
            }

            if (content.RowsRead % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Array.Clear(values);
            var any = false;
            var position = -1;
            var rowDepth = xml.Depth;
            var hasCells = !xml.IsEmptyElement;
            while (hasCells && NextChild(xml, rowDepth))
            {
                if (!names.Is(xml, names.Cell))
                {
                    continue;
                }

                var raw = ReadCell(xml, names);
                position = raw.Column ?? position + 1;
                if (columnOf.TryGetValue(position, out var column))
                {
                    values[column] = raw;
                }
            }

            SheetCell[]? cells = null;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i].Present)
                {
                    cells ??= new SheetCell[values.Length];
                    cells[i] = Resolve(values[i], strings, styles, pool);
                    any |= !cells[i].IsBlank;
                }
            }

            if (!any)
            {
                continue; // blank rows (and rows with only other columns filled) are skipped
            }

            rows.Rows.Add(new SheetRow(number, cells!));
            content.DataRows++;

            if (content.DataRows % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(content.DataRows);
            }
        }

        if (rows.Rows.Count > 0 || columnOf.Count > 0)
        {
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                if (sheet.Columns[i].Required && !rows.HasColumn[i])
                {
                    content.Problems.Add(new WorkbookProblem(WorkbookProblemKind.MissingColumn, sheet.Name, 1, sheet.Columns[i].Name));
                }
            }
        }

        return true;
    }

    private static void ReadHeader(
        XmlReader xml, Names names, WorkbookLayout layout, SheetRows rows, string[] strings, NumberFormats styles, Dictionary<int, int> columnOf, WorkbookSheets content)
    {
        var position = -1;
        var rowDepth = xml.Depth;
        var hasCells = !xml.IsEmptyElement;
        while (hasCells && NextChild(xml, rowDepth))
        {
            if (!names.Is(xml, names.Cell))
            {
                continue;
            }

            var raw = ReadCell(xml, names);
            position = raw.Column ?? position + 1;
            var name = layout.Key(Resolve(raw, strings, styles, null).AsText());
            if (name.Length == 0)
            {
                continue;
            }

            for (var i = 0; i < rows.Sheet.Columns.Count; i++)
            {
                if (layout.Key(rows.Sheet.Columns[i].Name) != name)
                {
                    continue;
                }

                if (rows.HasColumn[i])
                {
                    content.Problems.Add(new WorkbookProblem(WorkbookProblemKind.DuplicateColumn, rows.Sheet.Name, 1, rows.Sheet.Columns[i].Name));
                    break;
                }

                rows.HasColumn[i] = true;
                columnOf[position] = i;
                break;
            }
        }
    }

    private static string[] SharedStrings(SharedStringTablePart? part, ReadBudget budget)
    {
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        try
        {
            using var xml = XmlReader.Create(budget.Open(part), XmlSettings);
            var names = new Names(xml.NameTable, budget.MaxCellCharacters);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && names.Is(xml, names.SharedStringItem))
                {
                    strings.Add(ReadText(xml, names));
                }
            }
        }
        catch (XmlException e)
        {
            throw new WorkbookLimitException(NotXml(part.Uri.OriginalString, e, null));
        }
        catch (CellTooLongException)
        {
            throw new WorkbookLimitException(new WorkbookProblem(WorkbookProblemKind.SharedTextTooLong, Part: part.Uri.OriginalString, Number: strings.Count + 1));
        }

        return [.. strings];
    }
}
