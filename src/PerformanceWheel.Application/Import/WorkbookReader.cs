using System.Globalization;
using System.Text;
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
}

/// <summary>
/// Reads an .xlsx with the Open XML SDK's forward-only <see cref="OpenXmlReader"/>, one row at a time, so memory grows
/// with the values kept, not with the document. Shared strings, inline strings (rich text too), booleans, errors and
/// formulas (by their saved result) are resolved; number formats say whether a number is shown as a percentage
/// (built-in formats 9 and 10, or any format with % outside quotes) or a date (built-in date formats, or any format
/// with d, m, y, h or s outside quotes and brackets).
/// </summary>
internal static class WorkbookReader
{
    private const int ProgressEvery = 2_000;

    public static WorkbookContent Read(Stream stream, int maxRows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var content = new WorkbookContent();
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
            var workbookPart = document.WorkbookPart;
            var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList();
            if (workbookPart is null || sheets is null)
            {
                content.Errors.Add(new ImportError(null, null, null, "The file is not an Excel workbook (.xlsx): it has no worksheets."));
                content.Stopped = true;
                return content;
            }

            var strings = SharedStrings(workbookPart.SharedStringTablePart);
            var styles = new NumberFormats(workbookPart.WorkbookStylesPart?.Stylesheet);
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
                if (!ReadSheet(part, rows, strings, styles, content, maxRows, progress, cancellationToken))
                {
                    return content;
                }
            }
        }

        return content;
    }

    private static bool ReadSheet(
        WorksheetPart part, SheetRows rows, string[] strings, NumberFormats styles, WorkbookContent content, int maxRows,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var sheet = rows.Sheet;
        var columnOf = new Dictionary<int, int>(); // spreadsheet column index → column of the format
        var headerRead = false;
        var lastRow = 0;
        var pool = new StringPool();
        var values = new RawCell[sheet.Columns.Count];
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SheetData) && reader.IsStartElement)
            {
                break;
            }
        }

        // sheetData > row > c > (f, v, is > (t | r > t | rPh)): read with the cursor, no element objects per row or cell.
        if (reader.ElementType == typeof(SheetData) && reader.IsStartElement && reader.ReadFirstChild())
        {
            do
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var number = RowNumber(reader) ?? lastRow + 1;
                lastRow = number;
                if (number == 1)
                {
                    ReadHeader(reader, rows, strings, styles, columnOf, content);
                    headerRead = true;
                    continue;
                }

                if (!headerRead)
                {
                    headerRead = true; // row 1 is missing: no columns
                }

                Array.Clear(values);
                var any = false;
                var position = -1;
                if (reader.ReadFirstChild())
                {
                    do
                    {
                        if (reader.ElementType != typeof(Cell) || !reader.IsStartElement)
                        {
                            continue;
                        }

                        var raw = ReadCell(reader);
                        position = raw.Column ?? position + 1;
                        if (columnOf.TryGetValue(position, out var column))
                        {
                            values[column] = raw;
                        }
                    }
                    while (reader.ReadNextSibling());
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
                if (content.DataRows > maxRows)
                {
                    content.Errors.Add(new ImportError(null, null, null,
                        $"The workbook has more than {maxRows.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} rows of data, the most one import accepts (Import:MaxRows). Split it into smaller workbooks."));
                    content.Stopped = true;
                    return false;
                }

                if (content.DataRows % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress("Reading", content.DataRows));
                }
            }
            while (reader.ReadNextSibling());
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

    private static void ReadHeader(OpenXmlReader reader, SheetRows rows, string[] strings, NumberFormats styles, Dictionary<int, int> columnOf, WorkbookContent content)
    {
        var position = -1;
        if (!reader.ReadFirstChild())
        {
            return;
        }

        do
        {
            if (reader.ElementType != typeof(Cell) || !reader.IsStartElement)
            {
                continue;
            }

            var raw = ReadCell(reader);
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
        while (reader.ReadNextSibling());
    }

    /// <summary>The row's r attribute; null when absent or unreadable.</summary>
    private static int? RowNumber(OpenXmlReader reader)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == "r" && attribute.NamespaceUri.Length == 0)
            {
                return uint.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? (int)index : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the cell the reader is on (a c element) and its children, leaving the reader on the cell's end: its column,
    /// type (t), style (s), saved value (v), whether it has a formula (f) and its inline string (is).
    /// </summary>
    private static RawCell ReadCell(OpenXmlReader reader)
    {
        int? column = null;
        string? type = null;
        uint style = 0;
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.NamespaceUri.Length != 0)
            {
                continue;
            }

            switch (attribute.LocalName)
            {
                case "r":
                    column = ColumnIndex(attribute.Value);
                    break;
                case "t":
                    type = attribute.Value;
                    break;
                case "s":
                    style = uint.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                    break;
            }
        }

        string? value = null;
        string? inline = null;
        var hasInline = false;
        var formula = false;
        if (reader.ReadFirstChild())
        {
            do
            {
                if (!reader.IsStartElement)
                {
                    continue;
                }

                if (reader.ElementType == typeof(CellValue))
                {
                    value = reader.GetText();
                }
                else if (reader.ElementType == typeof(CellFormula))
                {
                    formula = true;
                }
                else if (reader.ElementType == typeof(InlineString))
                {
                    hasInline = true;
                    inline = ReadText(reader);
                }
            }
            while (reader.ReadNextSibling());
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
    private static string ReadText(OpenXmlReader reader)
    {
        string? single = null;
        StringBuilder? builder = null;
        void Append(string text)
        {
            if (single is null && builder is null)
            {
                single = text;
                return;
            }

            builder ??= new StringBuilder(single);
            builder.Append(text);
        }

        if (reader.ReadFirstChild())
        {
            do
            {
                if (!reader.IsStartElement)
                {
                    continue;
                }

                if (reader.ElementType == typeof(Text))
                {
                    Append(reader.GetText());
                }
                else if (reader.ElementType == typeof(Run) && reader.ReadFirstChild())
                {
                    do
                    {
                        if (reader.IsStartElement && reader.ElementType == typeof(Text))
                        {
                            Append(reader.GetText());
                        }
                    }
                    while (reader.ReadNextSibling());
                }
            }
            while (reader.ReadNextSibling());
        }

        return builder?.ToString() ?? single ?? string.Empty;
    }

    private static string[] SharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(ReadText(reader));
            }
        }

        return [.. strings];
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
