using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>Reads an .xlsx back with the Open XML SDK: cell text, numbers and their formats.</summary>
public sealed class Xlsx : IDisposable
{
    private readonly MemoryStream _stream;

    public Xlsx(byte[] bytes)
    {
        _stream = new MemoryStream(bytes);
        Document = SpreadsheetDocument.Open(_stream, false);
    }

    public SpreadsheetDocument Document { get; }

    public void ShouldBeValid()
    {
        var errors = new OpenXmlValidator().Validate(Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        errors.ShouldBeEmpty();
    }

    public Worksheet Sheet(int index = 0)
    {
        var wb = Document.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().ElementAt(index);
        return ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
    }

    public string SheetName(int index = 0) => Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(index).Name!;

    public IReadOnlyList<Row> Rows(int sheet = 0) => Sheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    public Cell? Cell(string reference, int sheet = 0) =>
        Sheet(sheet).Descendants<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);

    public static string? Text(Cell? cell) => cell?.InlineString?.Text?.Text ?? cell?.CellValue?.Text;

    public string? Text(string reference, int sheet = 0) => Text(Cell(reference, sheet));

    public CellFormat Style(Cell cell) =>
        Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>The number format code of a cell ("0.0%", built-ins by id).</summary>
    public string NumberFormat(Cell cell)
    {
        var id = Style(cell).NumberFormatId?.Value ?? 0;
        var custom = Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id);
        return custom?.FormatCode?.Value ?? id switch { 0 => "General", 1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", 9 => "0%", 10 => "0.00%", _ => $"builtin:{id}" };
    }

    /// <summary>The fill colour of a cell (ARGB) or null.</summary>
    public string? FillColour(Cell cell)
    {
        var fillId = (int)(Style(cell).FillId?.Value ?? 0);
        var fill = Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt(fillId);
        return fill.PatternFill?.ForegroundColor?.Rgb?.Value;
    }

    /// <summary>The row whose first cell is <paramref name="firstCell"/>.</summary>
    public Row RowStarting(string firstCell, int sheet = 0) => Rows(sheet).First(r => Text(r.Elements<Cell>().First()) == firstCell);

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }
}
