using Bunit;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Web.Components.Pages.Outturns;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// Typing in the grid: each figure is read as it is typed by the readers the save command uses, its rating and
/// directions are previewed by the domain's evaluator, and nothing is stored until it is saved.
/// </summary>
public sealed class OutturnGridTypingTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    private const string Directorate = "Public Health";
    private const string Quarter = "2019/20 Q3";

    [Fact]
    public async Task TypingAFigurePreviewsItsRatingBeforeItIsSaved()
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var grid = GridContext.Render(ctx, Directorate, Quarter);
        var cell = grid.Instance.Sheet!.Cells.First(c => !c.IsLocked && c.Row.Target is not null && c.Row.Outturn is null);
        Preview(grid, cell).ShouldContain("Not rated", Case.Insensitive, "a figure not entered is not rated");

        grid.Find($"[id='{cell.Id}']").Input("0");
        var low = Preview(grid, cell);
        grid.Find($"[id='{cell.Id}']").Input("100");
        var high = Preview(grid, cell);

        new[] { low, high }.ShouldAllBe(p => p.Contains("Green") || p.Contains("Amber") || p.Contains("Red") || p.Contains("Blue"));
        low.ShouldNotBe(high, "a figure far below and one far above the target are rated differently");
        grid.Find($"[id='{cell.Id}']").GetAttribute("aria-invalid").ShouldBeNull();
        grid.Find($"[id='{cell.Id}']").ParentElement!.TextContent.ShouldContain("Missing, changed");
        (await demo.Workflow().GridAsync(Directorate, Domain.Periods.ReportingPeriod.Parse(Quarter)))!
            .Rows.Single(r => r.Measure.Code == cell.Row.Measure.Code && r.Period == cell.Row.Period).Outturn.ShouldBeNull("typing stores nothing");
    }

    [Theory]
    [InlineData("Bogus", "'Bogus' is not a number. Enter digits, such as 84.8. Or enter TBC, N/A or Not available.")]
    [InlineData("95,3", "'95,3' is not a number: use a full stop for decimals (84.8), and commas only between thousands (1,234.5). Or enter TBC, N/A or Not available.")]
    [InlineData("1234567890123456", "1234567890123456 is too large; figures are stored up to")]
    public async Task TextThatIsNoFigureIsShownBesideTheCellAsItIsTyped(string typed, string message)
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var (grid, cell) = Open(ctx);
        grid.Find($"[id='{cell.Id}']").Input(typed);

        var input = grid.Find($"[id='{cell.Id}']");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        grid.Find($"[id='error-{cell.Id}']").TextContent.ShouldContain(message);
        input.GetAttribute("aria-describedby")!.ShouldContain($"error-{cell.Id}");
        Preview(grid, cell).ShouldNotContain("Not rated", Case.Insensitive);
    }

    [Theory]
    [InlineData("TBC", OutturnStatus.Tbc)]
    [InlineData("n/a", OutturnStatus.NotApplicable)]
    [InlineData("Not available", OutturnStatus.NotAvailable)]
    public async Task AStatusTypedInACellIsTakenAsThatStatus(string typed, OutturnStatus status)
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var (grid, cell) = Open(ctx);
        grid.Find($"[id='{cell.Id}']").Input(typed);

        grid.FindAll($"[id='error-{cell.Id}']").ShouldBeEmpty();
        cell.Reading.Status.ShouldBe(status);
        grid.Instance.Sheet!.Changes().ShouldHaveSingleItem().Status.ShouldBe(status.ToString());
    }

    [Fact]
    public async Task APercentageAboveAHundredIsRefusedByTheMeasuresUnit()
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var (grid, _) = Open(ctx);
        var percent = grid.Instance.Sheet!.Cells.First(c => !c.IsLocked && c.Row.Measure.Unit.Kind == PerformanceWheel.Domain.Framework.UnitKind.Percent);

        grid.Find($"[id='{percent.Id}']").Input("150");

        grid.Find($"[id='error-{percent.Id}']").TextContent.ShouldBe("A percentage must be between 0 and 100.");
        grid.Instance.Sheet.HasProblems.ShouldBeTrue();
    }

    [Fact]
    public async Task EnterMovesToTheSameColumnOfTheNextMeasure()
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var (grid, _) = Open(ctx);
        var sheet = grid.Instance.Sheet!;
        var from = sheet.Lines.First(l => !l.IsLocked && sheet.Lines.Skip(l.Index + 1).Any(n => !n.IsLocked)).Cells[0];

        sheet.Below(from)!.Line.ShouldBeGreaterThan(from.Line);
        sheet.Below(from)!.Column.ShouldBe(0);
        grid.Find($"[id='{from.Id}']").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        ctx.JSInterop.VerifyFocusAsyncInvoke().Arguments[0].ShouldBeOfType<Microsoft.AspNetCore.Components.ElementReference>();
    }

    [Fact]
    public async Task CommentaryOpensInARowBelowTheMeasure()
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var (grid, cell) = Open(ctx);
        var button = grid.FindAll("button").First(b => b.TextContent.Contains($"for {cell.Row.Measure.Code}", StringComparison.Ordinal));
        button.GetAttribute("aria-expanded").ShouldBe("false");

        button.Click();

        grid.FindAll("button").First(b => b.TextContent.Contains($"for {cell.Row.Measure.Code}", StringComparison.Ordinal)).GetAttribute("aria-expanded").ShouldBe("true");
        grid.Find($"label[for='comment-{cell.Id}']").TextContent.ShouldBe($"Commentary for {cell.Name}");
        grid.Find($"[id='comment-{cell.Id}']").Input("Two providers were late.");
        grid.Instance.Sheet!.Changes().ShouldHaveSingleItem().Commentary.ShouldBe("Two providers were late.");
    }

    private static (IRenderedComponent<OutturnGrid> Grid, GridCell Cell) Open(BunitContext ctx)
    {
        var grid = GridContext.Render(ctx, Directorate, Quarter);
        return (grid, grid.Instance.Sheet!.Cells.First(c => !c.IsLocked && c.Row.Outturn is null));
    }

    private static string Preview(IRenderedComponent<OutturnGrid> grid, GridCell cell) => grid.Find($"[id='preview-{cell.Id}']").TextContent;
}
