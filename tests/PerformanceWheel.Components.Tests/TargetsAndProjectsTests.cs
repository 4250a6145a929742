using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Admin.Framework;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The live targets table (numbers checked by the one number reader and the unit as typed, a row saved through the
/// targets command), the measures list's filter, and retiring a project (asked first; cancelled, nothing changes).
/// </summary>
public sealed class TargetsAndProjectsTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    private static readonly FinancialYear ThisYear = FinancialYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow));

    [Fact]
    public async Task TargetsTypedInTheTableAreCheckedAsTypedAndARowIsSaved()
    {
        var id = await MeasuresContext.NewMeasureAsync(demo.Database, "BU-TGT-01");
        var (ctx, _, snackbars) = MeasuresContext.Create(demo.Database);
        await using var _ctx = ctx;
        var page = ctx.Render<MeasureTargets>(p => p.Add(t => t.Id, id));
        var q2 = TargetsTable.CellId(ThisYear, ReportingPeriod.ForQuarter(ThisYear, 2));
        var year = TargetsTable.CellId(ThisYear, null);
        page.WaitForElement($"#{year}");
        var save = () => DirectorsReviewTests.Button(page.Find($"#targets-{ThisYear.StartYear}"), $"Save {ThisYear.Label} targets");

        await page.Find($"#{year}").InputAsync(new() { Value = "12,34" });
        page.Find($"#{year}-problem").TextContent.ShouldBe("'12,34' is not a number: use a full stop for decimals (84.8), and commas only between thousands (1,234.5).");
        save().HasAttribute("disabled").ShouldBeTrue();

        await page.Find($"#{year}").InputAsync(new() { Value = "140" });
        page.Find($"#{year}-problem").TextContent.ShouldBe("A percentage must be between 0 and 100.");

        await page.Find($"#{year}").InputAsync(new() { Value = "85" });
        await page.Find($"#{q2}").InputAsync(new() { Value = "87.5%" });
        page.FindAll(".target-problem").ShouldBeEmpty();
        await save().ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"{ThisYear.Label}: 2 targets saved, 0 removed."));
        var targets = await MeasuresContext.QueryAsync(demo.Database, db => db.MeasureTargets.Where(t => t.MeasureId == id).ToListAsync());
        targets.Select(t => (t.Period?.Label ?? t.Year.Label, t.Value)).OrderBy(t => t.Item1).ShouldBe([(ThisYear.Label, 85m), ($"{ThisYear.Label} Q2", 87.5m)]);
        page.WaitForAssertion(() => page.Find("section.audit-history, .audit-history").TextContent.ShouldContain($"Target {ThisYear.Label} Q2: 87.5"));
    }

    [Fact]
    public async Task TheMeasuresListIsFilteredByWordsAndByTheDirectorateInTheAddress()
    {
        var (ctx, _, _) = MeasuresContext.Create(demo.Database);
        await using var _ctx = ctx;
        var all = await MeasuresContext.QueryAsync(demo.Database, db => db.Measures.Include(m => m.Directorate).ToListAsync());
        var list = ctx.Render<Measures>();
        list.WaitForAssertion(() => list.Instance.Shown.Count.ShouldBe(all.Count));

        await list.Find("#filter-text").InputAsync(new() { Value = "PH-HV" });

        list.WaitForAssertion(() => list.Instance.Shown.ShouldBe([.. all.Where(m => m.Code.Contains("PH-HV", StringComparison.OrdinalIgnoreCase) || m.Title.Contains("PH-HV", StringComparison.OrdinalIgnoreCase)).Select(m => m.Code).Order()]));
        list.Find("#measures-count").TextContent.ShouldBe($"Showing {list.Instance.Shown.Count} of {all.Count} measures.");
        list.FindAll("tbody tr").Count.ShouldBe(list.Instance.Shown.Count);

        var directorate = all[0].Directorate;
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/admin/framework/measures?directorate={directorate.Id}");
        var filtered = ctx.Render<Measures>();
        filtered.WaitForAssertion(() => filtered.Instance.Shown.ShouldBe([.. all.Where(m => m.DirectorateId == directorate.Id).Select(m => m.Code).Order()]));
    }

    [Fact]
    public async Task RetiringAProjectAsksFirstAndACancelledDialogChangesNothing()
    {
        var id = await NewProjectAsync("BU-PRJ-01");
        var (ctx, dialogs, snackbars) = MeasuresContext.Create(demo.Database);
        await using var _ctx = ctx;
        var form = ctx.Render<EditProject>(p => p.Add(f => f.Id, id));
        form.WaitForElement("input[type=checkbox]");

        await form.Find("input[type=checkbox]").ChangeAsync(new() { Value = true });
        form.Find("form").Submit(); // not awaited: the save waits for the dialog's answer
        dialogs.WaitForAssertion(() => dialogs.Find("#retirement-title").TextContent.ShouldBe("Retire BU-PRJ-01?"));
        dialogs.Find(".mud-dialog").TextContent.ShouldContain("Its updates, their approvals and its change history are kept");
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Nothing was changed."));
        (await RetiredAsync(id)).ShouldBeFalse();

        form.Find("form").Submit(); // not awaited: the save waits for the dialog's answer
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").ShouldNotBeNull());
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Retire BU-PRJ-01").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Project BU-PRJ-01 saved."));
        (await RetiredAsync(id)).ShouldBeTrue();
    }

    private Task<bool> RetiredAsync(int id) => MeasuresContext.QueryAsync(demo.Database, async db => (await db.Projects.SingleAsync(p => p.Id == id)).IsRetired);

    private async Task<int> NewProjectAsync(string code)
    {
        var (segment, directorate) = await MeasuresContext.QueryAsync(demo.Database, async db =>
            (await db.Segments.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(), await db.Directorates.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()));
        var result = await new ProjectCommands(demo.Database.Factory(), TimeProvider.System).SaveAsync(null, new ProjectDraft(code, $"Test project {code}", segment, false, directorate), "setup@demo.council");
        result.Succeeded.ShouldBeTrue();
        return result.Id!.Value;
    }
}
