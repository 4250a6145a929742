using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PerformanceWheel.TestSupport;

/// <summary>A cell written as an inline string rather than a shared string.</summary>
public sealed record Inline(string Text);

/// <summary>A number formatted as a percentage: built-in 0.00% (id 10) or the custom "0.0%".</summary>
public sealed record Percent(double Value, bool Custom = false);

/// <summary>A date cell: built-in date format (id 14) or the custom "mmm-yy".</summary>
public sealed record DateCell(DateTime Value, bool Custom = false);

/// <summary>A formula with its cached result (a number or text), or without one.</summary>
public sealed record Formula(string Expression, object? Cached);

/// <summary>A TRUE/FALSE cell.</summary>
public sealed record BooleanCell(bool Value);

/// <summary>Rich text (formatted runs) with a phonetic guide that is not part of the text: shared, or inline.</summary>
public sealed record RichText(string[] Runs, string Phonetic, bool Inline = false);

/// <summary>
/// Builds .xlsx files with the Open XML SDK the way Excel writes them: text in the shared string table (or inline),
/// numbers with number formats from the styles part, formulas with cached values. The first row of each sheet is its header.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, IReadOnlyList<object?[]> Rows)> _sheets = [];
    private bool _withoutReferences;

    public TestWorkbook Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows));
        return this;
    }

    /// <summary>Writes rows and cells without their r attributes (as some programs do): cells then count by position.</summary>
    public TestWorkbook WithoutReferences()
    {
        _withoutReferences = true;
        return this;
    }

    public static object?[] Row(params object?[] cells) => cells;

    public byte[] Bytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var strings = new List<SharedStringItem>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            uint id = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = _withoutReferences ? new Row() : new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (Cell(rows[r][c], $"{Column(c)}{r + 1}", strings, index) is { } cell)
                        {
                            cell.CellReference = _withoutReferences ? null : cell.CellReference;
                            row.Append(cell);
                        }
                        else if (_withoutReferences)
                        {
                            row.Append(new Cell()); // keeps the positions of the cells after it
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStrings.SharedStringTable = new SharedStringTable(strings)
            {
                Count = (uint)strings.Count,
                UniqueCount = (uint)strings.Count,
            };
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell? Cell(object? value, string reference, List<SharedStringItem> strings, Dictionary<string, int> index)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                if (!index.TryGetValue(text, out var i))
                {
                    i = strings.Count;
                    strings.Add(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                    index[text] = i;
                }

                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) };
            case Inline inline:
                return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) };
            case RichText rich:
                var runs = rich.Runs.Select((run, n) => (OpenXmlElement)new Run(
                    new RunProperties(n % 2 == 0 ? new Bold() : new Italic()),
                    new Text(run) { Space = SpaceProcessingModeValues.Preserve })).ToList();
                runs.Add(new PhoneticRun(new Text(rich.Phonetic)) { BaseTextStartIndex = 0, EndingBaseIndex = 1 });
                if (rich.Inline)
                {
                    return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(runs) };
                }

                strings.Add(new SharedStringItem(runs));
                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture)) };
            case Percent p:
                return Number(reference, p.Value, p.Custom ? 3u : 1u);
            case DateCell d:
                return Number(reference, d.Value.ToOADate(), d.Custom ? 4u : 2u);
            case BooleanCell b:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b.Value ? "1" : "0") };
            case Formula f:
                var cell = new Cell { CellReference = reference, CellFormula = new CellFormula(f.Expression) };
                if (f.Cached is string cachedText)
                {
                    cell.DataType = CellValues.String;
                    cell.CellValue = new CellValue(cachedText);
                }
                else if (f.Cached is not null)
                {
                    cell.CellValue = new CellValue(Convert.ToDouble(f.Cached, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                }

                return cell;
            default:
                return Number(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), 0);
        }
    }

    private static Cell Number(string reference, double value, uint style) => new()
    {
        CellReference = reference,
        CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)),
        StyleIndex = style == 0 ? null : style,
    };

    private static string Column(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // Cell formats: 0 General, 1 built-in 0.00% (10), 2 built-in date (14), 3 custom 0.0%, 4 custom mmm-yy.
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "mmm-yy" })
        { Count = 2 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 10, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 14, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 5 });
}
