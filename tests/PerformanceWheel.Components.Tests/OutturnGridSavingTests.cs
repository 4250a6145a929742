using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Outturns;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// Pasting and saving in the grid: a pasted block fills the cells it covers and says what it refused; saving goes through
/// the grid's command with the version each figure was read at (a conflict is shown, the typed figure kept); every save
/// checks again that the person may enter the directorate's figures; a returned figure shows the director's reason.
/// </summary>
public sealed class OutturnGridSavingTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Parse("2019/20 Q3");

    [Fact]
    public async Task APastedBlockFillsTheMeasuresItCoversAndSaysWhatItRefused()
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var grid = GridContext.Render(ctx, "Adults Services", Q3.Label);
        var sheet = grid.Instance.Sheet!;
        var start = sheet.Lines.First(l => sheet.Lines.Skip(l.Index).Take(3).Count(n => !n.IsLocked) == 3);
        var lines = sheet.Lines.Skip(start.Index).Take(3).ToList();

        await grid.Instance.PasteAsync(start.Cells[0].Id, "10\r\n20\r\nabc\r\n");

        lines[0].Cells[0].Text.ShouldBe("10");
        lines[1].Cells[0].Text.ShouldBe("20");
        lines[2].Cells[0].Text.ShouldBe(lines[2].Cells[0].StoredText, "a refused cell keeps what it had");
        var summary = grid.Find("#paste-summary").TextContent;
        summary.ShouldContain("Pasted 2 figures into 2 measures; refused 1.");
        summary.ShouldContain($"pasted row 3, column 1 ('abc'): {lines[2].Cells[0].Name}: 'abc' is not a number.");
        grid.Find($"[id='{lines[0].Cells[0].Id}']").GetAttribute("value").ShouldBe("10");
        grid.Find($"[id='preview-{lines[0].Cells[0].Id}']").TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task APastedColumnBeyondAMeasuresPeriodsIsRefused()
    {
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var grid = GridContext.Render(ctx, "Public Health", Q3.Label);
        var sheet = grid.Instance.Sheet!;
        var quarterly = sheet.Lines.First(l => l.Cells.Count == 1 && !l.IsLocked);

        await grid.Instance.PasteAsync(quarterly.Cells[0].Id, "12\tTBC");

        quarterly.Cells[0].Text.ShouldBe("12");
        grid.Find("#paste-summary").TextContent.ShouldContain($"pasted row 1, column 2 ('TBC'): {quarterly.Measure.Code} has 1 period due, so there is no cell there.");
    }

    [Fact]
    public async Task ASecondOfficerSavingOverAFigureSavedSinceTheyOpenedTheGridSeesTheConflictAndKeepsTheirFigure()
    {
        await using var first = GridContext.Create(demo.Database, GridContext.AsOfficer());
        var other = new SignedIn();
        other.As("admin@demo.council", Roles.Admin);
        await using var second = GridContext.Create(demo.Database, other);
        var a = GridContext.Render(first, "Public Health", Q3.Label);
        var b = GridContext.Render(second, "Public Health", Q3.Label);
        var cell = a.Instance.Sheet!.Cells.First(c => !c.IsLocked && c.Row.Outturn is null && c.Row.Measure.Unit.Kind != PerformanceWheel.Domain.Framework.UnitKind.Percent);

        a.Find($"[id='{cell.Id}']").Input("41");
        await SaveAsync(a);
        first.Services.GetRequiredService<NavigationManager>().Uri.ShouldContain("message=1%20figure%20saved.");

        b.Find($"[id='{cell.Id}']").Input("42");
        await SaveAsync(b);

        b.WaitForAssertion(() => b.Find("#grid-errors").TextContent.ShouldBe("1 figure not saved"));
        b.Find($"[id='error-{cell.Id}']").TextContent.ShouldBe($"{GridContext.Officer} saved 41 since you opened this page. Your entry is kept below: save again to replace theirs.");
        b.Find($"[id='{cell.Id}']").GetAttribute("value").ShouldBe("42");
        (await StoredAsync(cell)).ShouldBe(41m);

        await SaveAsync(b);
        second.Services.GetRequiredService<NavigationManager>().Uri.ShouldContain("message=1%20figure%20saved.");
        (await StoredAsync(cell)).ShouldBe(42m);
    }

    [Fact]
    public async Task ASaveIsRefusedWhenThePersonMayNoLongerEnterTheDirectoratesFigures()
    {
        var signedIn = GridContext.AsOfficer();
        await using var ctx = GridContext.Create(demo.Database, signedIn);
        var grid = GridContext.Render(ctx, "Childrens Services", Q3.Label);
        var cell = grid.Instance.Sheet!.Cells.First(c => !c.IsLocked && c.Row.Outturn is null);
        grid.Find($"[id='{cell.Id}']").Input("7");

        signedIn.As("director@demo.council", Roles.Director, "Adults Services");
        await SaveAsync(grid);

        grid.Find(".grid-refused").TextContent.ShouldBe("You may no longer enter figures for Childrens Services; nothing was saved.");
        (await StoredAsync(cell, "Childrens Services")).ShouldBeNull();
    }

    [Fact]
    public async Task APersonWhoMayNotEnterTheDirectoratesFiguresIsNotShownTheGrid()
    {
        var director = new SignedIn();
        director.As("director@demo.council", Roles.Director, "Adults Services");
        await using var ctx = GridContext.Create(demo.Database, director);

        var grid = GridContext.Render(ctx, "Public Health", Q3.Label);

        grid.Find(".grid-refused").TextContent.ShouldBe("You may not enter figures for Public Health.");
        grid.FindAll("input").ShouldBeEmpty();
    }

    [Fact]
    public async Task AReturnedFigureIsHighlightedWithTheDirectorsReason()
    {
        const string reason = "The count does not match the provider's return.";
        var workflow = demo.Workflow();
        var due = (await workflow.GridAsync("Climate & Place", Q3))!.Rows.First(r => r.Outturn is null && r.Measure.Frequency == PerformanceWheel.Domain.Framework.Frequency.Quarterly);
        (await workflow.SaveAsync("Climate & Place", [new EntryInput(due.Measure.Code, due.Period.Code, null, "Tbc", false, null, null)], GridContext.Officer)).ShouldAllBe(o => o.Saved);
        await workflow.SubmitAsync("Climate & Place", Q3, GridContext.Officer);
        (await workflow.ReturnAsync("Climate & Place", Q3, due.Measure.Code, reason, "director@demo.council")).ShouldBe(1);
        await using var ctx = GridContext.Create(demo.Database, GridContext.AsOfficer());

        var grid = GridContext.Render(ctx, "Climate & Place", Q3.Label);

        var cell = grid.Instance.Sheet!.Cells.Single(c => c.Row.Measure.Code == due.Measure.Code);
        var row = grid.Find($"[id='{cell.Id}']").Closest("tr")!;
        row.ClassList.ShouldContain("returned");
        row.QuerySelector(".return-reason")!.TextContent.ShouldBe($"Returned by the director: {reason}");
        grid.Find($"[id='{cell.Id}']").Closest("td")!.ClassList.ShouldContain("cell-returned");
        grid.Find($"[id='{cell.Id}']").HasAttribute("disabled").ShouldBeFalse("a returned figure can be changed");
    }

    private static async Task SaveAsync(IRenderedComponent<OutturnGrid> grid) =>
        await grid.FindAll("button").Single(b => b.TextContent.Trim() == "Save figures").ClickAsync(new MouseEventArgs());

    private async Task<decimal?> StoredAsync(GridCell cell, string directorate = "Public Health") =>
        (await demo.Workflow().GridAsync(directorate, Q3))!.Rows.Single(r => r.Measure.Code == cell.Row.Measure.Code && r.Period == cell.Row.Period).Outturn?.Value;
}
