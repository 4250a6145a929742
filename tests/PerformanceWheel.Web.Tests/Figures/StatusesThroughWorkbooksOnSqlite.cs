using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Excel;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Figures;

/// <summary>Each status written to the import-format workbook (export) reads back as the same status (import): no change, no revision.</summary>
public sealed class StatusesThroughWorkbooksOnSqlite(DemoCouncilDatabase demo) : IClassFixture<DemoCouncilDatabase>
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    [Theory]
    [InlineData("PH-BF-01", "TBC", OutturnStatus.Tbc)]
    [InlineData("PH-DEV-01", "N/A", OutturnStatus.NotApplicable)]
    [InlineData("PH-HV-01", "Not available", OutturnStatus.NotAvailable)]
    public async Task AStatusIsExportedByItsLabelAndImportedBackUnchanged(string measure, string label, OutturnStatus status)
    {
        var workflow = new OutturnWorkflow(demo.Database.Factory(), TimeProvider.System);
        var saved = await workflow.SaveAsync("Public Health",
            [new EntryInput(measure, Quarter.Code, null, status.ToString(), false, null, null)], "officer@demo.council");
        saved.ShouldHaveSingleItem().Saved.ShouldBeTrue(saved[0].Message);

        var year = FinancialYear.Parse("2019/20");
        var workbook = (await new ImportWorkbooks(demo.Database.Factory(), workflow).ExportAsync(["Public Health"], year, year)).Content;

        var row = OutturnRows(workbook).Single(r => r.GetValueOrDefault(ImportFormat.Code) == measure && r.GetValueOrDefault(ImportFormat.Period) == Quarter.Label);
        row[ImportFormat.Status].ShouldBe(label);

        var report = await Samples.ImportAsync(demo.Database, workbook, Samples.Admin(ImportMode.Draft));

        report.Errors.ShouldBeEmpty();
        await using var check = demo.Database.CreateContext();
        (await check.Outturns.Where(o => o.Measure.Code == measure && o.Period == Quarter).Select(o => o.Status).SingleAsync()).ShouldBe(status);
        (await check.OutturnRevisions.CountAsync(r => r.Outturn.Measure.Code == measure && r.Period == Quarter)).ShouldBe(0);
    }

    // The Outturns sheet as header → text per row (cells placed by their column letters; blank cells are absent).
    private static List<Dictionary<string, string>> OutturnRows(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == ImportFormat.Outturns);
        var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        static string Column(Cell c, int i) => c.CellReference?.Value is { } r ? new string(r.TakeWhile(char.IsLetter).ToArray()) : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var headers = rows[0].Elements<Cell>().Select((c, i) => (Column(c, i), c.InnerText)).ToDictionary(h => h.Item1, h => h.InnerText);
        return rows.Skip(1)
            .Select(r => r.Elements<Cell>().Select((c, i) => (Key: Column(c, i), c.InnerText)).Where(c => headers.ContainsKey(c.Key)).ToDictionary(c => headers[c.Key], c => c.InnerText))
            .ToList();
    }
}
