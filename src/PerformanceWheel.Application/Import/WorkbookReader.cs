using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PerformanceWheel.Application.Import;

/// <summary>What a cell holds once shared strings, inline strings, formulas and number formats are resolved.</summary>
internal enum CellKind : byte
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
internal readonly record struct SheetCell(CellKind Kind, string? Text, double Number, bool IsPercent, bool IsDate)
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

/// <summary>The rows of one recognised sheet: which of its format's columns were found, and the non-blank data rows.</summary>
internal sealed class SheetRows(ImportSheet sheet)
{
    public ImportSheet Sheet { get; } = sheet;

    /// <summary>Whether the header named the column (by position in <see cref="ImportSheet.Columns"/>).</summary>
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

/// <summary>A data row: its number in the sheet and its cells, one per column of the format (blank where absent).</summary>
internal sealed record SheetRow(int Number, SheetCell[] Cells);

/// <summary>Everything read from a workbook: the recognised sheets and the problems found while reading.</summary>
internal sealed class WorkbookContent
{
    public Dictionary<string, SheetRows> Sheets { get; } = new(StringComparer.Ordinal);

    public List<ImportError> Errors { get; } = [];

    /// <summary>True when reading stopped early (too many rows, not a workbook): nothing else is worth checking.</summary>
    public bool Stopped { get; set; }

    public int DataRows { get; set; }

    /// <summary>Every row read below the headers, blank ones included (they count toward Import:MaxRows).</summary>
    public int RowsRead { get; set; }
}

/// <summary>
/// Reads an .xlsx: the package and styles with the Open XML SDK, the worksheets and shared strings with a forward-only
/// <see cref="XmlReader"/> over each part, one row at a time and without an element object per row or cell, so memory
/// grows with the values kept (short texts such as codes and periods kept once), not with the document. Shared strings, inline strings (rich text too), booleans, errors and
/// formulas (by their saved result) are resolved; number formats say whether a number is shown as a percentage
/// (built-in formats 9 and 10, or any format with % outside quotes) or a date (built-in date formats, or any format
/// with d, m, y, h or s outside quotes and brackets).
/// </summary>
internal static class WorkbookReader
{
    private const int ProgressEvery = 2_000;

    public static WorkbookContent Read(Stream stream, ImportOptions limits, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var content = new WorkbookContent();
        if (DeclaredSizeProblem(stream, limits) is { } tooLarge)
        {
            content.Errors.Add(new ImportError(null, null, null, tooLarge));
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
            content.Errors.Add(new ImportError(null, null, null, "The file is not an Excel workbook (.xlsx). Save it from Excel as an .xlsx workbook and try again."));
            content.Stopped = true;
            return content;
        }

        using (document)
        {
            var budget = new ReadBudget(limits);
            try
            {
                ReadParts(document, content, budget, progress, cancellationToken);
            }
            catch (WorkbookLimitException e)
            {
                content.Errors.Add(new ImportError(e.Sheet, e.Row, null, e.Message));
                content.Stopped = true;
            }
        }

        return content;
    }

    private static void ReadParts(SpreadsheetDocument document, WorkbookContent content, ReadBudget budget, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var workbookPart = document.WorkbookPart;
        var sheets = Parsed(workbookPart, () => workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList());
        if (workbookPart is null || sheets is null)
        {
            content.Errors.Add(new ImportError(null, null, null, "The file is not an Excel workbook (.xlsx): it has no worksheets."));
            content.Stopped = true;
            return;
        }

        var strings = SharedStrings(workbookPart.SharedStringTablePart, budget);
        var styles = Parsed(workbookPart.WorkbookStylesPart, () => new NumberFormats(workbookPart.WorkbookStylesPart?.Stylesheet))!;
        foreach (var sheet in sheets)
        {
            var format = ImportFormat.Sheets.FirstOrDefault(s => ImportFormat.Normalize(s.Name) == ImportFormat.Normalize(sheet.Name?.Value));
            if (format is null || sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
            {
                continue; // other sheets (Instructions, notes, charts) are ignored
            }

            if (content.Sheets.ContainsKey(format.Name))
            {
                content.Errors.Add(new ImportError(format.Name, null, null, $"The workbook has two sheets named {format.Name}; keep one."));
                continue;
            }

            var rows = new SheetRows(format);
            content.Sheets[format.Name] = rows;
            if (!ReadSheet(part, rows, strings, styles, content, budget, progress, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Checks the sizes the zip declares for its parts before anything is decompressed: a part larger than
    /// Import:MaxPartBytes, or all of them together larger than Import:MaxUncompressedBytes, stops the import. (The
    /// sizes read are also counted as they are decompressed, in case the declared ones lie.)
    /// </summary>
    private static string? DeclaredSizeProblem(Stream stream, ImportOptions limits)
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
                    return PartTooLarge("/" + entry.FullName, limits.MaxPartBytes);
                }

                total += entry.Length;
            }

            return total > limits.MaxUncompressedBytes ? WorkbookTooLarge(limits.MaxUncompressedBytes) : null;
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

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    private static string PartTooLarge(string part, long limit) =>
        $"The workbook's part {part} is larger than {Megabytes(limit)} once decompressed, the most one import accepts (Import:MaxPartBytes). Split the workbook, or save it again from Excel.";

    private static string WorkbookTooLarge(long limit) =>
        $"The workbook is larger than {Megabytes(limit)} once decompressed, the most one import accepts (Import:MaxUncompressedBytes). Split it into smaller workbooks.";

    /// <summary>A part the Open XML SDK parses itself (workbook, styles): a DTD or broken XML there stops the import naming the part.</summary>
    private static T? Parsed<T>(OpenXmlPart? part, Func<T?> parse)
    {
        try
        {
            return parse();
        }
        catch (XmlException e)
        {
            throw new WorkbookLimitException(NotXml(part?.Uri.OriginalString ?? "(unknown)", e), null, null);
        }
    }

    private static string NotXml(string part, XmlException e) =>
        e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? $"The workbook's part {part} contains a DTD (a document type declaration), which workbooks never have; it was not read. Save the workbook again from Excel."
            : $"The workbook's part {part} is not well-formed XML (line {e.LineNumber.ToString(CultureInfo.InvariantCulture)}); it was not read. Save the workbook again from Excel.";

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
        WorksheetPart part, SheetRows rows, string[] strings, NumberFormats styles, WorkbookContent content, ReadBudget budget,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var lastRow = 0;
        try
        {
            return ReadRows(part, rows, strings, styles, content, budget, ref lastRow, progress, cancellationToken);
        }
        catch (XmlException e)
        {
            throw new WorkbookLimitException(NotXml(part.Uri.OriginalString, e), rows.Sheet.Name, null);
        }
        catch (CellTooLongException)
        {
            throw new WorkbookLimitException(
                $"A cell in row {lastRow.ToString(CultureInfo.InvariantCulture)} of the {rows.Sheet.Name} sheet holds more than {budget.MaxCellCharacters.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters, the most a cell may hold (Import:MaxCellCharacters); reading stopped there.",
                rows.Sheet.Name, lastRow);
        }
    }

    private static bool ReadRows(
        WorksheetPart part, SheetRows rows, string[] strings, NumberFormats styles, WorkbookContent content, ReadBudget budget, ref int lastRow,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
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
                ReadHeader(xml, names, rows, strings, styles, columnOf, content);
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
                content.Errors.Add(new ImportError(null, null, null,
                    $"The workbook has more than {maxRows.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} rows of data, the most one import accepts (Import:MaxRows). Blank rows count too: delete the empty rows below the data, or split it into smaller workbooks."));
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
                progress?.Report(new ImportProgress("Reading", content.DataRows));
            }
        }

        if (rows.Rows.Count > 0 || columnOf.Count > 0)
        {
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                if (sheet.Columns[i].Required && !rows.HasColumn[i])
                {
                    content.Errors.Add(new ImportError(sheet.Name, 1, sheet.Columns[i].Name,
                        $"The {sheet.Name} sheet has no {sheet.Columns[i].Name} column; row 1 must name it."));
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Moves to the next child element of the element at <paramref name="parentDepth"/> (which must not be empty),
    /// passing over the rest of the current child; false, on the parent's end, when there is none.
    /// </summary>
    private static bool NextChild(XmlReader xml, int parentDepth)
    {
        while (xml.Read())
        {
            if (xml.Depth <= parentDepth)
            {
                return false;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.Depth == parentDepth + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text content of the element the reader is on, leaving the reader on its end. Text is read in chunks and no
    /// further than the cell limit (<see cref="CellTooLongException"/>), so a cell of millions of characters is never
    /// held in memory.
    /// </summary>
    private static string Content(XmlReader xml, Names names)
    {
        string? single = null;
        StringBuilder? builder = null;
        var length = 0;
        AppendContent(xml, names, ref single, ref builder, ref length);
        return builder?.ToString() ?? single ?? string.Empty;
    }

    private static void AppendContent(XmlReader xml, Names names, ref string? single, ref StringBuilder? builder, ref int length)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
            {
                continue;
            }

            var chunk = names.Chunk;
            int read;
            while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                length += read;
                if (length > names.MaxCellCharacters)
                {
                    throw new CellTooLongException();
                }

                if (single is null && builder is null)
                {
                    single = new string(chunk, 0, read);
                }
                else
                {
                    builder ??= new StringBuilder(single);
                    builder.Append(chunk, 0, read);
                }
            }
        }
    }

    private static void ReadHeader(XmlReader xml, Names names, SheetRows rows, string[] strings, NumberFormats styles, Dictionary<int, int> columnOf, WorkbookContent content)
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
            var name = ImportFormat.Normalize(Resolve(raw, strings, styles, null).AsText());
            if (name.Length == 0)
            {
                continue;
            }

            for (var i = 0; i < rows.Sheet.Columns.Count; i++)
            {
                if (ImportFormat.Normalize(rows.Sheet.Columns[i].Name) != name)
                {
                    continue;
                }

                if (rows.HasColumn[i])
                {
                    content.Errors.Add(new ImportError(rows.Sheet.Name, 1, rows.Sheet.Columns[i].Name,
                        $"The {rows.Sheet.Name} sheet has two {rows.Sheet.Columns[i].Name} columns; keep one."));
                    break;
                }

                rows.HasColumn[i] = true;
                columnOf[position] = i;
                break;
            }
        }
    }

    /// <summary>The row's r attribute; null when absent or unreadable.</summary>
    private static int? RowNumber(XmlReader xml, Names names)
    {
        int? number = null;
        if (xml.MoveToFirstAttribute())
        {
            do
            {
                if ((object)xml.LocalName == names.R && xml.NamespaceURI.Length == 0)
                {
                    number = uint.TryParse(xml.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? (int)index : null;
                }
            }
            while (xml.MoveToNextAttribute());
            xml.MoveToElement();
        }

        return number;
    }

    /// <summary>
    /// Reads the cell the reader is on (a c element) and its children, leaving the reader on the cell's end: its column,
    /// type (t), style (s), saved value (v), whether it has a formula (f) and its inline string (is).
    /// </summary>
    private static RawCell ReadCell(XmlReader xml, Names names)
    {
        int? column = null;
        string? type = null;
        uint style = 0;
        if (xml.MoveToFirstAttribute())
        {
            do
            {
                if (xml.NamespaceURI.Length != 0)
                {
                    continue;
                }

                var name = (object)xml.LocalName;
                if (name == names.R)
                {
                    column = ColumnIndex(xml.Value);
                }
                else if (name == names.T)
                {
                    type = xml.Value;
                }
                else if (name == names.S)
                {
                    style = uint.TryParse(xml.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                }
            }
            while (xml.MoveToNextAttribute());
            xml.MoveToElement();
        }

        string? value = null;
        string? inline = null;
        var hasInline = false;
        var formula = false;
        var cellDepth = xml.Depth;
        var hasChildren = !xml.IsEmptyElement;
        while (hasChildren && NextChild(xml, cellDepth))
        {
            if (names.Is(xml, names.V))
            {
                value = Content(xml, names);
            }
            else if (names.Is(xml, names.F))
            {
                formula = true;
            }
            else if (names.Is(xml, names.InlineString))
            {
                hasInline = true;
                inline = ReadText(xml, names);
            }
        }

        return new RawCell(true, column, type, style, value, formula, hasInline, inline);
    }

    /// <summary>A cell as written: enough to resolve it once its column is known to matter.</summary>
    private readonly record struct RawCell(bool Present, int? Column, string? Type, uint Style, string? Value, bool HasFormula, bool HasInlineString, string? InlineText);

    private static SheetCell Resolve(RawCell cell, string[] strings, NumberFormats styles, StringPool? pool)
    {
        var percent = styles.IsPercent(cell.Style);
        var date = styles.IsDate(cell.Style);
        var raw = cell.Value;
        var type = cell.Type;
        if (type == "inlineStr")
        {
            return Text(cell.HasInlineString ? pool?.Get(cell.InlineText!) ?? cell.InlineText : null);
        }

        if (raw is null)
        {
            return cell.HasFormula ? new SheetCell(CellKind.NoResult, null, 0, false, false) : default;
        }

        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Length ? Text(strings[i]) : default;
            case "b":
                return new SheetCell(CellKind.Boolean, null, raw.Trim() is "1" or "true" ? 1 : 0, false, false);
            case "e":
                return new SheetCell(CellKind.Error, raw, 0, false, false);
            case "str":
                return Text(pool?.Get(raw) ?? raw);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                    ? new SheetCell(CellKind.Number, null, d.ToOADate(), false, true)
                    : Text(pool?.Get(raw) ?? raw);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new SheetCell(CellKind.Number, null, number, percent, date)
            : Text(pool?.Get(raw) ?? raw);
    }

    private static SheetCell Text(string? text) => string.IsNullOrEmpty(text) ? default : new SheetCell(CellKind.Text, text, 0, false, false);

    /// <summary>
    /// The text of the shared or inline string the reader is on (si or is): its text and its rich-text runs, without
    /// phonetic guides (rPh). Leaves the reader on the element's end.
    /// </summary>
    private static string ReadText(XmlReader xml, Names names)
    {
        string? single = null;
        StringBuilder? builder = null;
        var length = 0;
        var depth = xml.Depth;
        var hasChildren = !xml.IsEmptyElement;
        while (hasChildren && NextChild(xml, depth))
        {
            if (names.Is(xml, names.Text))
            {
                AppendContent(xml, names, ref single, ref builder, ref length);
            }
            else if (names.Is(xml, names.Run))
            {
                var runDepth = xml.Depth;
                var hasRunChildren = !xml.IsEmptyElement;
                while (hasRunChildren && NextChild(xml, runDepth))
                {
                    if (names.Is(xml, names.Text))
                    {
                        AppendContent(xml, names, ref single, ref builder, ref length);
                    }
                }
            }
        }

        return builder?.ToString() ?? single ?? string.Empty;
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
            throw new WorkbookLimitException(NotXml(part.Uri.OriginalString, e), null, null);
        }
        catch (CellTooLongException)
        {
            throw new WorkbookLimitException(
                $"Text number {(strings.Count + 1).ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} of the workbook's shared texts ({part.Uri.OriginalString}) holds more than {budget.MaxCellCharacters.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters, the most a cell may hold (Import:MaxCellCharacters); reading stopped there.",
                null, null);
        }

        return [.. strings];
    }

    /// <summary>A limit passed while reading: the import stops with this message.</summary>
    private sealed class WorkbookLimitException(string message, string? sheet, int? row) : Exception(message)
    {
        public string? Sheet { get; } = sheet;

        public int? Row { get; } = row;
    }

    /// <summary>A text longer than Import:MaxCellCharacters; the caller says where.</summary>
    private sealed class CellTooLongException : Exception;

    /// <summary>The limits of one read, and the bytes decompressed so far across all parts.</summary>
    private sealed class ReadBudget(ImportOptions limits)
    {
        private long _total;

        public int MaxRows => limits.MaxRows;

        public int MaxCellCharacters => limits.MaxCellCharacters;

        /// <summary>The part's stream, counted as it is decompressed: past a limit reading stops with a message.</summary>
        public CountingStream Open(OpenXmlPart part) => new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), part.Uri.OriginalString, this);

        public void Count(string part, long partBytes, int read)
        {
            _total += read;
            if (partBytes > limits.MaxPartBytes)
            {
                throw new WorkbookLimitException(PartTooLarge(part, limits.MaxPartBytes), null, null);
            }

            if (_total > limits.MaxUncompressedBytes)
            {
                throw new WorkbookLimitException(WorkbookTooLarge(limits.MaxUncompressedBytes), null, null);
            }
        }
    }

    /// <summary>A read-only stream that reports every byte read to the budget.</summary>
    private sealed class CountingStream(Stream inner, string part, ReadBudget budget) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _read += read;
            budget.Count(part, _read, read);
            return read;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// The names the reader looks for, atomised in the reader's name table so that they compare by reference, and the
    /// SpreadsheetML namespaces (transitional, and strict as Excel's "Strict Open XML" files write it).
    /// </summary>
    private sealed class Names(XmlNameTable table, int maxCellCharacters)
    {
        /// <summary>The longest text a cell may hold.</summary>
        public int MaxCellCharacters { get; } = maxCellCharacters;

        /// <summary>The buffer text is read through, a chunk at a time.</summary>
        public char[] Chunk { get; } = new char[4096];

        private readonly string _main = table.Add("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        private readonly string _strict = table.Add("http://purl.oclc.org/ooxml/spreadsheetml/main");

        public object SheetData { get; } = table.Add("sheetData");

        public object Row { get; } = table.Add("row");

        public object Cell { get; } = table.Add("c");

        public object V { get; } = table.Add("v");

        public object F { get; } = table.Add("f");

        public object InlineString { get; } = table.Add("is");

        public object Text { get; } = table.Add("t");

        public object Run { get; } = table.Add("r");

        public object SharedStringItem { get; } = table.Add("si");

        public object R => Run; // the r attribute (row number, cell reference)

        public object T => Text; // the t attribute (cell type)

        public object S { get; } = table.Add("s");

        /// <summary>Whether the reader is on a SpreadsheetML element of that name.</summary>
        public bool Is(XmlReader xml, object name) =>
            (object)xml.LocalName == name && (xml.NamespaceURI is var ns && (ReferenceEquals(ns, _main) || ns == _main || ns == _strict));
    }

    /// <summary>
    /// One copy of each short text of a sheet (codes, period labels, statuses repeat on thousands of rows), so the rows
    /// kept until the import is checked hold references to a few strings rather than a string per cell.
    /// </summary>
    private sealed class StringPool
    {
        private const int MaxLength = 40;
        private const int MaxCount = 50_000;
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string Get(string text)
        {
            if (text.Length > MaxLength)
            {
                return text;
            }

            if (_strings.TryGetValue(text, out var pooled))
            {
                return pooled;
            }

            if (_strings.Count < MaxCount)
            {
                _strings[text] = text;
            }

            return text;
        }
    }

    /// <summary>"AB12" → 27 (zero-based column); null when there is no reference.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (upper - 'A' + 1);
            letters++;
        }

        return letters == 0 ? null : index - 1;
    }

    /// <summary>Per cell style: whether its number format shows a percentage or a date.</summary>
    private sealed class NumberFormats
    {
        private readonly bool[] _percent = [];
        private readonly bool[] _date = [];

        public NumberFormats(Stylesheet? stylesheet)
        {
            var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
            if (formats is null)
            {
                return;
            }

            var custom = stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
                .Where(n => n.NumberFormatId?.Value is not null)
                .GroupBy(n => n.NumberFormatId!.Value)
                .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
            _percent = new bool[formats.Count];
            _date = new bool[formats.Count];
            for (var i = 0; i < formats.Count; i++)
            {
                var id = formats[i].NumberFormatId?.Value ?? 0;
                if (custom.TryGetValue(id, out var code))
                {
                    var bare = Bare(code);
                    _percent[i] = bare.Contains('%', StringComparison.Ordinal);
                    _date[i] = !_percent[i] && bare.IndexOfAny(['d', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S']) >= 0
                        && !bare.Contains("general", StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    _percent[i] = id is 9 or 10;
                    _date[i] = id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);
                }
            }
        }

        public bool IsPercent(uint style) => style < _percent.Length && _percent[style];

        public bool IsDate(uint style) => style < _date.Length && _date[style];

        /// <summary>A format code without its quoted text, escaped characters, [colour/condition] parts and padding.</summary>
        private static string Bare(string code)
        {
            var section = code.Split(';')[0];
            var builder = new StringBuilder();
            for (var i = 0; i < section.Length; i++)
            {
                var c = section[i];
                switch (c)
                {
                    case '"':
                        var end = section.IndexOf('"', i + 1);
                        i = end < 0 ? section.Length : end;
                        break;
                    case '\\' or '_' or '*':
                        i++;
                        break;
                    case '[':
                        var close = section.IndexOf(']', i + 1);
                        var inside = close < 0 ? string.Empty : section[(i + 1)..close];
                        if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                        {
                            builder.Append(inside); // elapsed time [h]:mm
                        }

                        i = close < 0 ? section.Length : close;
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }

            return builder.ToString();
        }
    }
}
