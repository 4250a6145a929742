using PerformanceWheel.TestSupport;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Periods;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>How the reader takes a workbook's markup apart: rich text, and rows and cells written without references.</summary>
public sealed class WorkbookMarkupOnSqlite(DemoCouncilDatabase demo) : IClassFixture<DemoCouncilDatabase>
{
    [Fact]
    public async Task RichTextIsReadAsItsRunsWithoutItsPhoneticGuide()
    {
        var workbook = Samples.Good("GR", p =>
        {
            p.Measures![1][1] = new RichText(["Rich ", "title"], "ふりがな");
            p.Outturns![1][5] = new RichText(["Above ", "target", " again"], "ルビ", Inline: true);
        });

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        await using var db = demo.Database.CreateContext();
        (await db.Measures.SingleAsync(m => m.Code == "GR-PCT")).Title.ShouldBe("Rich title");
        (await db.Outturns.SingleAsync(o => o.Measure.Code == "GR-PCT")).Commentary.ShouldBe("Above target again");
    }

    [Fact]
    public async Task RowsAndCellsWithoutReferencesAreReadByPosition()
    {
        var workbook = Samples.Good("GW", p => p.Outturns!.Insert(2, Row())).WithoutReferences();

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        report.Count("Outturns").Created.ShouldBe(3);
        await using var db = demo.Database.CreateContext();
        var sep = ReportingPeriod.Parse("Sep-19");
        var figure = await db.Outturns.SingleAsync(o => o.Measure.Code == "GW-MON" && o.Period == sep);
        (figure.Value, figure.IsProvisional).ShouldBe((9m, true));
    }

    [Fact]
    public async Task AnErrorOnARowAfterABlankRowNamesItsRowInExcel()
    {
        var workbook = Samples.Good("GX", p =>
        {
            p.Outturns!.Insert(2, Row());
            p.Outturns[3][2] = "lots";
        });

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldHaveSingleItem().ShouldBe(new Application.Import.ImportError("Outturns", 4, "Value", "'lots' is not a number. Enter digits, such as 84.8."));
    }
}
