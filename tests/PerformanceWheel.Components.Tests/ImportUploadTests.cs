using System.Globalization;
using Bunit;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Excel;
using PerformanceWheel.Web.Components.Pages.Admin.Import;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The live import: a collection workbook made by the app's own exporter, filled in and sent through the page's upload,
/// is checked and reviewed (each row with what it will do), then imported only when the dialog that says how many figures
/// change is confirmed; a workbook with a bad value is refused naming its sheet, row and column, with nothing to import;
/// a file over the size limit is refused before it is read. Public Health, 2019/20 Q3, in a database of its own.
/// </summary>
public sealed class ImportUploadTests(DemoCouncil demo) : IClassFixture<DemoCouncil>, IDisposable
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");
    private readonly string _folder = Directory.CreateTempSubdirectory("pw-import-upload-").FullName;

    [Fact]
    public async Task AnExportedWorkbookFilledInIsReviewedAndImportedOnlyWhenTheDialogIsConfirmed()
    {
        await using var ctx = WorkContext.Create(demo.Database, GridContext.AsOfficer(), _folder);
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var workbook = Fill(await CollectionAsync(), "PH-HV-01", "95");

        var review = await UploadAndReviewAsync(ctx, workbook);

        var row = review.FindAll(".import-review tbody tr").Single(r => r.TextContent.Contains("PH-HV-01 2019/20 Q3", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        (cells[0], cells[2]).ShouldBe(("Outturns", string.Empty));
        cells[3].ShouldBeOneOf("New", "Changed");
        DirectorsReviewTests.Button(review.Find(".import-actions"), "Import now…").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#confirm-import-title").TextContent.ShouldBe("Import collection.xlsx?"));
        dialogs.Find("#confirm-import-text").TextContent.ShouldStartWith("1 figure and 0 other items will be created or changed.");
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Not now").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await ValueAsync("PH-HV-01")).ShouldNotBe(95m);

        DirectorsReviewTests.Button(review.Find(".import-actions"), "Import now…").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").ShouldNotBeNull());
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Import now").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Imported collection.xlsx."));
        (await ValueAsync("PH-HV-01")).ShouldBe(95m);
        ctx.Services.GetRequiredService<NavigationManager>().Uri.ShouldContain("/admin/import?done=");
    }

    [Fact]
    public async Task AWorkbookWithABadValueIsRefusedNamingItsSheetRowAndColumn()
    {
        await using var ctx = WorkContext.Create(demo.Database, GridContext.AsOfficer(), _folder);
        var workbook = Fill(await CollectionAsync(), "PH-DEV-01", "eighty");

        var review = await UploadAndReviewAsync(ctx, workbook);

        review.Find(".error-summary h2").TextContent.ShouldBe("1 problem: nothing has been imported");
        var cells = review.Find(".import-review tbody tr").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        (cells[0], cells[2], cells[3], cells[5]).ShouldBe(("Outturns", "Value", "Refused", "'eighty' is not a number. Enter digits, such as 84.8."));
        int.Parse(cells[1], CultureInfo.InvariantCulture).ShouldBeGreaterThan(1);
        review.FindAll(".import-actions").ShouldBeEmpty();
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedBeforeItIsRead()
    {
        await using var ctx = WorkContext.Create(demo.Database, WorkContext.As("admin@demo.council", Roles.Admin), _folder, maxFileBytes: 1024);
        var uploader = ctx.Render<ImportUploader>();

        uploader.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await CollectionAsync(), "collection.xlsx", contentType: Xlsx));

        uploader.WaitForAssertion(() => uploader.Find("#import-file-error").TextContent.ShouldContain("the largest workbook one import accepts"));
        uploader.Find("#import-file").GetAttribute("aria-invalid").ShouldBe("true");
        DirectorsReviewTests.Button(uploader.Find(".import-uploader"), "Upload and check").HasAttribute("disabled").ShouldBeFalse();
        Directory.EnumerateFiles(_folder).ShouldBeEmpty();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<IRenderedComponent<ImportReview>> UploadAndReviewAsync(BunitContext ctx, byte[] workbook)
    {
        var uploader = ctx.Render<ImportUploader>();
        uploader.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(workbook, "collection.xlsx", contentType: Xlsx));
        await DirectorsReviewTests.Button(uploader.Find(".import-uploader"), "Upload and check").ClickAsync(new());
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        uploader.WaitForAssertion(() => navigation.Uri.ShouldContain("/admin/import/"), TimeSpan.FromSeconds(30));
        var token = navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..];
        var review = ctx.Render<ImportReview>(p => p.Add(r => r.Token, token));
        review.WaitForAssertion(() => review.Find("h1").TextContent.ShouldBe("Check the import of collection.xlsx"));
        return review;
    }

    private async Task<byte[]> CollectionAsync() =>
        (await new ImportWorkbooks(demo.Database.Factory(), demo.Workflow()).CollectionAsync("Public Health", Quarter.Label)).Content;

    private async Task<decimal?> ValueAsync(string measureCode)
    {
        await using var db = demo.Database.CreateContext();
        return await db.Outturns.AsNoTracking().Where(o => o.Measure.Code == measureCode && o.Period == Quarter).Select(o => o.Value).SingleOrDefaultAsync();
    }

    // Types a value into the Value column of the measure's row on the Outturns sheet, as an officer would.
    private static byte[] Fill(byte[] workbook, string measureCode, string value)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Outturns");
            var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
            var valueColumn = (char)('A' + rows[0].Elements<Cell>().Select(c => c.InnerText).ToList().IndexOf("Value"));
            var row = rows.Skip(1).Single(r => r.Elements<Cell>().First().InnerText == measureCode);
            row.Append(decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                ? new Cell { CellReference = $"{valueColumn}{row.RowIndex}", CellValue = new CellValue(value) }
                : new Cell { CellReference = $"{valueColumn}{row.RowIndex}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
        }

        return stream.ToArray();
    }
}
