using System.Globalization;
using System.Text;
using System.Xml;

namespace PerformanceWheel.Workbooks;

/// <summary>The SpreadsheetML the reader walks: rows, cells and texts read straight from the XML.</summary>
public static partial class WorkbookReader
{
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
}
