using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Reporting.Excel;
using PerformanceWheel.Workbooks;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>Every table view as .xlsx for the demo council: values, formats, ratings, frozen header, filter, validity.</summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class ExcelExportSqliteTests(DemoCouncilFixture demo)
{
    private async Task<Xlsx> ExportAsync(Func<ExportBuilder, Task<Packs.PackFile>> make)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var file = await make(scope.ServiceProvider.GetRequiredService<ExportBuilder>());
        file.ContentType.ShouldBe(ExportBuilder.ContentType);
        var xlsx = new Xlsx(file.Content);
        xlsx.ShouldBeValid();
        return xlsx;
    }

    [Fact]
    public async Task ScorecardHasPercentagesAsNumbersAndRatingsAsTextOnTheirFill()
    {
        using var x = await ExportAsync(b => b.ScorecardAsync("Public Health", "2019/20 Q1", new ScorecardFilter()));
        x.Text("A1").ShouldBe("Code");
        var row = x.RowStarting("PH-HV-01");
        var cells = row.Elements<Cell>().ToList();
        var figure = cells.First(c => c.CellReference!.Value == $"E{row.RowIndex}");
        figure.DataType!.Value.ShouldBe(CellValues.Number);
        var value = decimal.Parse(figure.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        value.ShouldBeInRange(0m, 1m);
        x.NumberFormat(figure).ShouldBe("0.0%");
        var rating = cells.First(c => c.CellReference!.Value == $"I{row.RowIndex}");
        Xlsx.Text(rating).ShouldBeOneOf("Green", "Amber", "Red", "Blue");
        x.FillColour(rating).ShouldNotBeNull();
    }

    [Fact]
    public async Task ScorecardKeepsThePagesFilters()
    {
        using var all = await ExportAsync(b => b.ScorecardAsync("Adults Services", "2019/20 Q2", new ScorecardFilter()));
        using var filtered = await ExportAsync(b => b.ScorecardAsync("Adults Services", "2019/20 Q2", new ScorecardFilter(Segment: "O4.1")));
        filtered.Rows().Count.ShouldBeLessThan(all.Rows().Count);
        var codes = filtered.Rows().Skip(1).Select(r => Xlsx.Text(r.Elements<Cell>().First())).ToList();
        codes.ShouldContain("ASC-DTOC-01");
        codes.ShouldNotContain("ASC-CQC-01");
    }

    [Fact]
    public async Task HeaderRowIsFrozenFilteredAndColumnsHaveWidths()
    {
        using var x = await ExportAsync(b => b.DirectoratesAsync("2019/20 Q2"));
        var pane = x.Sheet().Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(1);
        x.Sheet().GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldStartWith("A1:M");
        x.Sheet().Descendants<Column>().ShouldAllBe(c => c.Width! > 0 && c.CustomWidth!);
        x.RowStarting("All measures of the council").ShouldNotBeNull();
        var share = x.RowStarting("Adults Services").Elements<Cell>().First(c => c.CellReference!.Value!.StartsWith('E'));
        x.NumberFormat(share).ShouldBe("0%");
    }

    [Fact]
    public async Task ComparisonHasARatingPerQuarter()
    {
        using var x = await ExportAsync(b => b.ComparisonAsync("2019/20 Q2"));
        x.Text("D1").ShouldBe("2018/19 Q4 rating");
        x.Rows().Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task ExceptionsHaveIssueAndRemedialActionColumns()
    {
        using var x = await ExportAsync(b => b.ExceptionsAsync("2017/18 Q4"));
        x.Text("H1").ShouldBe("Issue");
        x.Text("I1").ShouldBe("Remedial action");
        x.SheetName(1).ShouldBe("Improved");
        var sick = x.RowStarting("SWL-SICK-01");
        Xlsx.Text(sick.Elements<Cell>().First(c => c.CellReference!.Value == $"H{sick.RowIndex}"))!.ShouldStartWith("Targets were not met");
    }

    [Fact]
    public async Task MeasureHistoryHasEightPeriodsWithNumbers()
    {
        using var x = await ExportAsync(b => b.MeasureHistoryAsync("PH-HV-01", "2019/20 Q1"));
        x.Rows().Count.ShouldBe(9);
        x.Text("A9").ShouldBe("2019/20 Q1");
        x.Cell("B9")!.CellValue!.Text.ShouldBe("0.851");
        var figure = x.Cell("B9")!;
        figure.DataType!.Value.ShouldBe(CellValues.Number);
        x.NumberFormat(figure).ShouldBe("0.0%");
    }
}

/// <summary>The writer on its own: formats per unit and the formula-injection guard.</summary>
public sealed class XlsxWriterTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)")]
    [InlineData("+44 1234")]
    [InlineData("-1+1")]
    [InlineData("@cmd")]
    public void TextThatLooksLikeAFormulaIsStoredAsQuotedText(string text)
    {
        var bytes = XlsxWriter.Write([new XlsxSheet("T", [new XlsxColumn("A", 10), new XlsxColumn("B", 10)], [[text, "plain"]])]);
        using var x = new Xlsx(bytes);
        x.ShouldBeValid();
        var cell = x.Cell("A2")!;
        cell.CellFormula.ShouldBeNull();
        cell.DataType!.Value.ShouldBe(CellValues.InlineString);
        Xlsx.Text(cell).ShouldBe(text);
        x.Style(cell).QuotePrefix!.Value.ShouldBeTrue();
        (x.Style(x.Cell("B2")!).QuotePrefix?.Value ?? false).ShouldBeFalse();
    }

    [Theory]
    [InlineData("%", 1, 84.8, "0.848", "0.0%")]
    [InlineData("£", 2, 1234.5, "1234.5", "\"£\"#,##0.00")]
    [InlineData("£m", 1, 3.2, "3.2", "\"£\"#,##0.0\"m\"")]
    [InlineData("days", 0, 12, "12", "#,##0\" days\"")]
    [InlineData("count", 0, 150, "150", "#,##0")]
    public void MeasureValuesAreNumbersInTheirUnitsFormat(string unit, int decimals, double value, string stored, string format)
    {
        var cell = ExportBuilder.Value(Domain.Framework.MeasureUnit.Parse(unit), decimals, (decimal)value);
        var bytes = XlsxWriter.Write([new XlsxSheet("T", [new XlsxColumn("V", 10)], [[cell]])]);
        using var x = new Xlsx(bytes);
        x.ShouldBeValid();
        x.Cell("A2")!.CellValue!.Text.ShouldBe(stored);
        x.NumberFormat(x.Cell("A2")!).ShouldBe(format);
    }
}
