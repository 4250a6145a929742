// Writes the tables from bench/PerformanceWheel.ExportWriters with ClosedXML 0.95.4 and the same features as XlsxWriter
// (numbers with formats, ratings as text on their fill, bold frozen header, autofilter, column widths, formula-like text
// kept as text) and times it the same way; scripts/export-writers.sh runs both (docs/decisions/0010).
//
//   dotnet run -c Release --project bench/PerformanceWheel.ClosedXmlExport -- <tables-folder> [runs]
using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;

var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "pw-export-writers");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var fills = new Dictionary<string, XLColor>
{
    ["Green"] = XLColor.FromHtml("#C6EFCE"), ["Amber"] = XLColor.FromHtml("#FFEB9C"), ["Red"] = XLColor.FromHtml("#FFC7CE"), ["Blue"] = XLColor.FromHtml("#BDD7EE"),
};

foreach (var name in new[] { "demo", "large" })
{
    var sheets = JsonSerializer.Deserialize<List<Sheet>>(await File.ReadAllTextAsync(Path.Combine(folder, $"{name}.json")))!;
    var bytes = WriterTiming.Measure("ClosedXML 0.95.4 (Open XML 2.20)", name, sheets.Sum(s => s.Rows.Count), runs, () => Write(sheets));
    await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}-closedxml.xlsx"), bytes);
}

byte[] Write(List<Sheet> sheets)
{
    using var workbook = new XLWorkbook();
    foreach (var sheet in sheets)
    {
        var ws = workbook.Worksheets.Add(sheet.Name);
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            ws.Cell(1, c + 1).SetValue(sheet.Columns[c].Header);
            ws.Column(c + 1).Width = sheet.Columns[c].Width;
        }

        ws.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                var value = sheet.Rows[r][c];
                var cell = ws.Cell(r + 2, c + 1);
                if (value.Number is { } number)
                {
                    cell.SetValue(number);
                    cell.Style.NumberFormat.Format = value.Format;
                }
                else if (value.Text is { Length: > 0 } text)
                {
                    cell.SetValue(text);
                    cell.DataType = XLDataType.Text;
                    if (text[0] is '=' or '+' or '-' or '@')
                    {
                        cell.Style.IncludeQuotePrefix = true;
                    }

                    if (value.Rag is { } rag && fills.TryGetValue(rag, out var fill))
                    {
                        cell.Style.Fill.BackgroundColor = fill;
                    }
                }
            }
        }

        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, sheet.Rows.Count + 1, sheet.Columns.Count).SetAutoFilter();
    }

    using var stream = new MemoryStream();
    workbook.SaveAs(stream);
    return stream.ToArray();
}

internal sealed record Column(string Header, double Width);

internal sealed record Cell(string? Text, decimal? Number, string? Format, string? Rag);

internal sealed record Sheet(string Name, List<Column> Columns, List<List<Cell>> Rows);
