using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>The import over HTTP: the collection workbook downloaded, filled in, uploaded, checked and confirmed; the template; mode rules.</summary>
public sealed class ImportPagesOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    [Fact]
    public async Task ACollectionWorkbookFilledInAndUploadedShowsItsFiguresWithTheirRatings()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var download = await officer.GetAsync(new Uri("/outturns/Public%20Health/collection.xlsx?period=2019/20%20Q3", UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var workbook = await download.Content.ReadAsByteArrayAsync();

        var filled = Fill(workbook, new() { ["PH-HV-01"] = 95m, ["PH-DEV-01"] = 10m });
        var location = await UploadAsync(officer, filled, "draft");
        location.ShouldStartWith("/admin/import/");

        var review = await officer.GetStringAsync(new Uri(location, UriKind.Relative));
        review.ShouldContain("What the import will do");
        review.ShouldContain("PH-HV-01 2019/20 Q3");
        var token = new HtmlParser().ParseDocument(review).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var confirm = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "confirm", ["__RequestVerificationToken"] = token });
        var confirmed = await officer.PostAsync(new Uri(location, UriKind.Relative), confirm);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.ToString().ShouldContain("/admin/import?done=");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var scorecard = await scope.ServiceProvider.GetRequiredService<PerformanceReader>().ScorecardAsync("Public Health", Quarter, FigureScope.Everything);
        var visits = scorecard!.Lines.Single(l => l.Line.Code == "PH-HV-01").Line.Result;
        (visits.Value, visits.Rating.Status).ShouldBe((95m, RagStatus.Green));
        var development = scorecard.Lines.Single(l => l.Line.Code == "PH-DEV-01").Line.Result;
        (development.Value, development.Rating.Status).ShouldBe((10m, RagStatus.Red));
        var page = await officer.GetStringAsync(new Uri("/measures/PH-HV-01?period=2019/20%20Q3", UriKind.Relative));
        page.ShouldContain("95.0%");
    }

    [Fact]
    public async Task AnOfficerIsOfferedDraftsOnlyAndAHistoricalUploadIsRefused()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var page = new HtmlParser().ParseDocument(await officer.GetStringAsync(new Uri("/admin/import", UriKind.Relative)));
        page.QuerySelectorAll("input[name=mode]").Select(i => i.GetAttribute("value")).ShouldBe(["draft"]);
        page.QuerySelector("label[for=import-file]").ShouldNotBeNull();

        var location = await UploadAsync(officer, Samples.Good("WH").Bytes(), "historical");

        location.ShouldStartWith("/admin/import?error=");
        Uri.UnescapeDataString(location).ShouldContain("Only an Admin can import in historical mode");
    }

    [Fact]
    public async Task ABadWorkbookShowsEveryProblemAsATable()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var location = await UploadAsync(admin, Samples.Good("WB", p => p.Outturns![1][2] = "eighty").Bytes(), "historical");

        var review = new HtmlParser().ParseDocument(await admin.GetStringAsync(new Uri(location, UriKind.Relative)));

        review.QuerySelector(".error-summary h2")!.TextContent.ShouldBe("1 problem: nothing has been imported");
        review.QuerySelectorAll("table.data tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent).ShouldBe(
            ["Outturns", "2", "Value", "'eighty' is not a number. Enter digits, such as 84.8."]);
        review.QuerySelector("button")?.TextContent.ShouldNotBe("Import now");
    }

    [Fact]
    public async Task TheTemplateHasInstructionsAndEverySheetsHeaders()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var bytes = await officer.GetByteArrayAsync(new Uri("/admin/import/template.xlsx", UriKind.Relative));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        sheets.ShouldBe(["Instructions", "Plans", "Rings", "Segments", "Measures", "Targets", "Outturns", "Projects", "ProjectUpdates", "BudgetLines", "BudgetPosition"]);
        Header(document, "Plans").ShouldBe(["Name", "First year", "Last year", "Retired"]);
        Header(document, "Rings").ShouldBe(["Plan", "Name", "Order"]);
        Header(document, "Projects").ShouldBe(["Code", "Title", "Segment", "Directorate", "Retired"]);
        Header(document, "ProjectUpdates").ShouldBe(["Project", "Period", "BRAG", "Direction", "Areas of success", "Areas of concern", "Focus for next quarter",
            "Milestone", "Milestone due", "Milestone status"]);
        Header(document, "Outturns").ShouldBe(["Code", "Period", "Value", "Status", "Provisional", "Commentary"]);
        Header(document, "BudgetLines").ShouldBe(["Period", "Service area", "Approved budget", "Forecast outturn", "Remove"]);
        Header(document, "BudgetPosition").ShouldBe(["Period", "Variance", "Rating", "Commentary"]);
    }

    private static List<string> Header(SpreadsheetDocument document, string sheet)
    {
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        return part.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText).ToList();
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] workbook, string mode)
    {
        var token = await SignedInClient.TokenAsync(client, "/admin/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(mode), "mode" },
        };
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "collection.xlsx");
        var response = await client.PostAsync(new Uri("/admin/import/upload", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    /// <summary>Types values into the Value column of the Outturns sheet, as a service would in Excel.</summary>
    private static byte[] Fill(byte[] workbook, Dictionary<string, decimal> values)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Outturns");
            var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
            var headers = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
            var valueColumn = (char)('A' + headers.IndexOf("Value"));
            foreach (var row in rows.Skip(1))
            {
                var code = row.Elements<Cell>().First().InnerText;
                if (values.TryGetValue(code, out var value))
                {
                    row.Append(new Cell { CellReference = $"{valueColumn}{row.RowIndex}", CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) });
                }
            }

            values.Keys.ShouldAllBe(k => rows.Any(r => r.Elements<Cell>().First().InnerText == k));
        }

        return stream.ToArray();
    }
}
