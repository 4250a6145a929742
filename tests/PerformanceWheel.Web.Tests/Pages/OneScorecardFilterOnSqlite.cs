using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Api;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>
/// One scorecard filter (ScorecardFilter): for the same directorate, quarter, filters and sort, the scorecard page, its
/// Excel download and the API's scorecard list the same measures in the same order.
/// </summary>
public sealed class OneScorecardFilterOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Directorate = "Adults Services";

    [Theory]
    [InlineData("")]
    [InlineData("rag=green")]
    [InlineData("rag=none")]
    [InlineData("direction=declining")]
    [InlineData("segment=o4.1")]
    [InlineData("sort=rating")]
    [InlineData("sort=direction&rag=red")]
    [InlineData("sort=title")]
    public async Task ThePageTheExportAndTheApiGiveTheSameRows(string filter)
    {
        var query = $"period=2019/20%20Q2{(filter.Length > 0 ? "&" + filter : string.Empty)}";
        var client = app.Factory.CreateClient();
        using var api = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor));

        var page = await Page.OkAsync(client, $"/directorates/{Uri.EscapeDataString(Directorate)}?{query}");
        var pageRows = page.QuerySelectorAll("table tbody tr th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
        var exportRows = Codes(await client.GetByteArrayAsync(new Uri($"/exports/directorates/{Uri.EscapeDataString(Directorate)}.xlsx?{query}", UriKind.Relative)));
        using var json = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/scorecard?directorate={Uri.EscapeDataString(Directorate)}&{query}", UriKind.Relative)));
        var apiRows = json.RootElement.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).ToList();

        if (filter is "" or "sort=rating" or "sort=title")
        {
            pageRows.ShouldNotBeEmpty();
        }

        exportRows.ShouldBe(pageRows, $"export, {filter}");
        apiRows.ShouldBe(pageRows, $"API, {filter}");
    }

    /// <summary>The measure codes in the first column of the export's sheet, below its header.</summary>
    private static List<string> Codes(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return part.Worksheet.Descendants<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().First())
            .Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty)
            .ToList();
    }
}
