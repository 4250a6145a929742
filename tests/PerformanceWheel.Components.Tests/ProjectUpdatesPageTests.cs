using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Components.Pages.Projects;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The project updates page in a circuit: a due date that cannot be read is named as it is typed (the command's own
/// message), the update typed with its BRAG status and direction is saved as a draft with a snackbar, and a save over an
/// update someone else saved since the page was opened is refused naming the project, overwriting nothing.
/// </summary>
public sealed class ProjectUpdatesPageTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    private static readonly WorkflowUser Other = new("other-id", "other@demo.council", IsOfficer: true, IsDirector: false);

    [Fact]
    public async Task AnUpdateTypedWithABadDateIsToldAtOnceAndSavedOnceCorrected()
    {
        var (directorate, code) = await ProjectAsync(0);
        var (ctx, snackbars, _) = EntryContext.Create(demo.Database, GridContext.AsOfficer());
        await using var owned = ctx;
        var page = Open(ctx, directorate, "2021/22 Q1", code);

        await page.Find("#u-milestones-0-due").InputAsync(new() { Value = "31/02/2021" });
        page.Find("#u-milestones-0-due-error").TextContent.ShouldBe("'31/02/2021' is not a date for milestone 1; use 2020-03-31 or 31/03/2020.");
        await page.Find("#u-milestones-0-due").InputAsync(new() { Value = "" });
        page.FindAll("#u-milestones-0-due-error").ShouldBeEmpty();

        await EntryContext.ChooseAsync(page, "u-brag", "Green");
        await EntryContext.ChooseAsync(page, "u-direction", "Progressing");
        await page.Find("#u-workingwell").InputAsync(new() { Value = "Sites chosen." });
        page.Instance.IsDirty.ShouldBeTrue();
        await page.Find("form.project-update-form").SubmitAsync();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"The update of {code} for 2021/22 Q1 is saved as a draft."));
        var stored = await UpdateAsync(code, "2021/22 Q1");
        (stored!.State, stored.Brag.ToString(), stored.WorkingWell, stored.UpdatedBy).ShouldBe((WorkflowState.Draft, "Green", "Sites chosen.", GridContext.Officer));
        page.Instance.IsDirty.ShouldBeFalse();
        page.Instance.Typed!.Version.ShouldBe(stored.Version);
    }

    [Fact]
    public async Task ASaveOverAnUpdateSavedSinceThePageWasOpenedIsRefusedNamingTheProject()
    {
        var (directorate, code) = await ProjectAsync(1);
        var steps = new ProjectUpdateSteps(demo.Database.Factory(), TimeProvider.System);
        (await steps.SaveAsync(Other, Input(code, "First text."))).Succeeded.ShouldBeTrue();
        var (ctx, _, _) = EntryContext.Create(demo.Database, GridContext.AsOfficer());
        await using var owned = ctx;
        var page = Open(ctx, directorate, "2021/22 Q2", code);
        page.Find("#u-workingwell").GetAttribute("value").ShouldBe("First text.");

        (await steps.SaveAsync(Other, Input(code, "Their newer text."))).Succeeded.ShouldBeTrue();
        await page.Find("#u-workingwell").InputAsync(new() { Value = "My text." });
        await page.Find("form.project-update-form").SubmitAsync();

        page.WaitForAssertion(() => page.Find(".error-summary").TextContent.ShouldContain(
            $"other@demo.council saved the update of {code} for 2021/22 Q2 since you opened it. Nothing was saved, so nothing of theirs was overwritten"));
        (await UpdateAsync(code, "2021/22 Q2"))!.WorkingWell.ShouldBe("Their newer text.");
        page.Find("#u-workingwell").GetAttribute("value").ShouldBe("My text.", "what the officer typed is kept");
    }

    private static ProjectUpdateInput Input(string code, string workingWell) =>
        new(code, "2021/22 Q2", "Amber", "Progressing", workingWell, string.Empty, string.Empty, [], null);

    private static IRenderedComponent<ProjectUpdatesPage> Open(BunitContext ctx, string directorate, string quarter, string code)
    {
        var page = EntryContext.Open<ProjectUpdatesPage>(ctx, ProjectUpdatesPage.Link(directorate, ReportingPeriod.Parse(quarter), code), p => p.Add(x => x.Directorate, directorate));
        page.WaitForAssertion(() => page.Find("form.project-update-form"));
        return page;
    }

    private async Task<(string Directorate, string Code)> ProjectAsync(int skip)
    {
        await using var db = demo.Database.CreateContext();
        var project = await db.Projects.Include(p => p.Directorate).Where(p => !p.IsRetired && p.Directorate != null).OrderBy(p => p.Code).Skip(skip).FirstAsync();
        return (project.Directorate!.Name, project.Code);
    }

    private async Task<PerformanceWheel.Domain.Projects.ProjectUpdate?> UpdateAsync(string code, string quarter)
    {
        await using var db = demo.Database.CreateContext();
        var period = ReportingPeriod.Parse(quarter);
        var id = await db.Projects.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        return await db.ProjectUpdates.Where(u => u.ProjectId == id && u.Period == period).SingleOrDefaultAsync();
    }
}
