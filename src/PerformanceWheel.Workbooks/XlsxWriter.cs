using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Workbooks;

/// <summary>A cell: text, a number with an Excel number format, or a rating (its name as text on its colour).</summary>
public readonly record struct XlsxCell
{
    private XlsxCell(string? text, decimal? number, string? format, RagStatus? rag, bool isRag)
    {
        Text = text;
        Number = number;
        Format = format;
        Rag = rag;
        IsRag = isRag;
    }

    public string? Text { get; }

    public decimal? Number { get; }

    /// <summary>An Excel number format code such as <c>0.0%</c> or <c>"£"#,##0</c>.</summary>
    public string? Format { get; }

    public RagStatus? Rag { get; }

    public bool IsRag { get; }

    public static XlsxCell Empty => default;

    public static XlsxCell Of(string? text) => new(text, null, null, null, false);

    public static XlsxCell Of(decimal? number, string format) => number is null ? Empty : new(null, number, format, null, false);

    public static XlsxCell Of(int number) => new(null, number, "0", null, false);

    public static XlsxCell Rating(RagStatus? status) => new(status?.ToString() ?? "Not rated", null, null, status, true);

    public static implicit operator XlsxCell(string? text) => Of(text);
}

/// <summary>A column: header, width in characters.</summary>
public sealed record XlsxColumn(string Header, double Width);

/// <summary>A worksheet as a table: one header row, then rows.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows);

/// <summary>
/// Writes tables to .xlsx with the Open XML SDK: real numbers with number formats, ratings as text on their fill,
/// a frozen bold header row, an autofilter and column widths. Text that begins with = + - @ gets Excel's quote
/// prefix, so it shows (and stays, when edited) as text rather than a formula.
/// </summary>
public static class XlsxWriter
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@'];

    public static byte[] Write(IEnumerable<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var list = sheets.ToList();
        using var activity = WorkbooksTelemetry.Source.StartActivity("Export.Write");
        activity?.SetTag("export.sheets", list.Count);
        activity?.SetTag("export.rows", list.Sum(s => s.Rows.Count));
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = new StyleRegistry();
            var sheetsElement = new Sheets();
            var definedNames = new DefinedNames();
            uint sheetId = 1;
            foreach (var sheet in list)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = BuildWorksheet(sheet, styles);
                var name = SheetName(sheet.Name);
                sheetsElement.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = name });
                definedNames.Append(new DefinedName($"'{name}'!$A$1:${ColumnName(sheet.Columns.Count - 1)}${sheet.Rows.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = sheetId - 1,
                    Hidden = true,
                });
                sheetId++;
            }

            workbookPart.Workbook.Append(sheetsElement);
            workbookPart.Workbook.Append(definedNames);
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = styles.Build();
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet BuildWorksheet(XlsxSheet sheet, StyleRegistry styles)
    {
        var lastColumn = ColumnName(Math.Max(0, sheet.Columns.Count - 1));
        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
        { WorkbookViewId = 0, TabSelected = false });

        var columns = new Columns();
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Columns[i].Width, CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            header.Append(TextCell($"{ColumnName(i)}1", sheet.Columns[i].Header, styles.Header));
        }

        data.Append(header);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count && c < sheet.Columns.Count; c++)
            {
                var cell = cells[c];
                var reference = $"{ColumnName(c)}{rowIndex}";
                if (cell.Number is { } number)
                {
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                        DataType = CellValues.Number,
                        StyleIndex = styles.Number(cell.Format ?? "General"),
                    });
                }
                else if (cell.IsRag)
                {
                    row.Append(TextCell(reference, cell.Text ?? string.Empty, styles.Rating(cell.Rag)));
                }
                else if (!string.IsNullOrEmpty(cell.Text))
                {
                    var guarded = cell.Text.IndexOfAny(FormulaStarts) == 0;
                    row.Append(TextCell(reference, cell.Text, guarded ? styles.QuotedText : styles.Text));
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet(views, new SheetFormatProperties { DefaultRowHeight = 15 }, columns, data);
        if (sheet.Columns.Count > 0)
        {
            worksheet.Append(new AutoFilter { Reference = $"A1:{lastColumn}{sheet.Rows.Count + 1}" });
        }

        return worksheet;
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>Removes control characters XML cannot hold.</summary>
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray())
            : text;

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet" : clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Number formats, fills and fonts, each cell format added once.</summary>
    private sealed class StyleRegistry
    {
        private readonly List<CellFormat> _formats = [];
        private readonly Dictionary<string, uint> _numberStyles = [];
        private readonly Dictionary<string, uint> _numberFormatIds = [];
        private readonly Dictionary<RagStatus, uint> _ragStyles = [];

        // Fonts: 0 normal, 1 bold, 2 bold white.  Fills: 0 none, 1 gray125 (required), 2 header, 3.. ratings.
        private static readonly (RagStatus Status, string Fill, uint Font)[] Ratings =
        [
            (RagStatus.Green, "FF2E7D32", 2), (RagStatus.Amber, "FFF2A900", 1), (RagStatus.Red, "FFC62828", 2), (RagStatus.Blue, "FF1565C0", 2),
        ];

        public StyleRegistry()
        {
            _formats.Add(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 });
            Text = 0;
            Header = Add(new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true });
            QuotedText = Add(new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true, ApplyNumberFormat = true });
            for (var i = 0; i < Ratings.Length; i++)
            {
                _ragStyles[Ratings[i].Status] = Add(new CellFormat
                {
                    NumberFormatId = 0, FontId = Ratings[i].Font, FillId = (uint)(3 + i), BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true,
                    Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center },
                    ApplyAlignment = true,
                });
            }
        }

        public uint Text { get; }

        public uint Header { get; }

        public uint QuotedText { get; }

        public uint Rating(RagStatus? status) => status is { } s && _ragStyles.TryGetValue(s, out var style) ? style : Text;

        public uint Number(string format)
        {
            if (_numberStyles.TryGetValue(format, out var style))
            {
                return style;
            }

            var id = format switch
            {
                "General" => 0u,
                "0" => 1u,
                "0.00" => 2u,
                "#,##0" => 3u,
                "#,##0.00" => 4u,
                "0%" => 9u,
                "0.00%" => 10u,
                _ => CustomId(format),
            };
            style = Add(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
            _numberStyles[format] = style;
            return style;
        }

        private uint CustomId(string format)
        {
            if (!_numberFormatIds.TryGetValue(format, out var id))
            {
                id = (uint)(164 + _numberFormatIds.Count);
                _numberFormatIds[format] = id;
            }

            return id;
        }

        private uint Add(CellFormat format)
        {
            _formats.Add(format);
            return (uint)(_formats.Count - 1);
        }

        public Stylesheet Build()
        {
            var numberingFormats = new NumberingFormats(_numberFormatIds.Select(p => new NumberingFormat { NumberFormatId = p.Value, FormatCode = p.Key }))
            {
                Count = (uint)_numberFormatIds.Count,
            };
            var fonts = new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" }))
            { Count = 3 };
            var fills = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EDF3" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
            foreach (var r in Ratings)
            {
                fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = r.Fill }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
            }

            fills.Count = (uint)fills.ChildElements.Count;
            var borders = new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2 };
            var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };
            var cellFormats = new CellFormats(_formats.Select(f => (CellFormat)f.CloneNode(true))) { Count = (uint)_formats.Count };
            var stylesheet = new Stylesheet();
            if (_numberFormatIds.Count > 0)
            {
                stylesheet.Append(numberingFormats);
            }

            stylesheet.Append(fonts, fills, borders, cellStyleFormats, cellFormats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
            return stylesheet;
        }
    }
}
