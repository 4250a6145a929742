using System.Net;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;
using static PerformanceWheel.Web.Tests.Projects.ProjectUpdateSupport;

namespace PerformanceWheel.Web.Tests.Projects;

/// <summary>
/// Issue 18: project updates go through the figures' workflow on the entry page. An officer enters a quarter's update
/// (BRAG, direction, narrative, milestones) as a draft, submits the directorate's updates; its Director approves or
/// returns them with a reason; publishing the quarter publishes the approved updates. Every step is audited, bad input
/// names its field and saves nothing, and a Director works only on their own directorate's projects.
/// </summary>
public sealed class ProjectUpdateWorkflowOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Adults = "Adults Services";

    private static string PageUrl(string directorate, string? project = null) =>
        $"/project-updates/{Uri.EscapeDataString(directorate)}?period={Uri.EscapeDataString(Quarter)}" + (project is null ? "" : $"&project={Uri.EscapeDataString(project)}");

    [Fact]
    public async Task AnUpdateIsEnteredSubmittedReturnedApprovedAndPublishedWithTheQuarter()
    {
        var code = await ProjectOfAsync(app.Factory, Adults);
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var director = await SignedInClient.AsAsync(app.Factory, Roles.Director);
        var url = PageUrl(Adults, code);

        var (_, saved) = await LandAsync(officer, await PageForms.SubmitAsync(officer, url, "save", new Dictionary<string, string>
        {
            ["Form.Brag"] = "Amber", ["Form.Direction"] = "Progressing", ["Form.WorkingWell"] = "Two hubs opened.",
            ["Form.Concerns"] = "Recruitment in the north.", ["Form.NextFocus"] = "Open the third hub.",
            ["Form.Milestones[0].Title"] = "Third hub open", ["Form.Milestones[0].Due"] = "2020-03-31", ["Form.Milestones[0].Status"] = "OnTrack",
        }));
        Messages(saved).ShouldContain($"The update of {code} for {Quarter} is saved as a draft.");
        var draft = (await StoredAsync(app.Factory, code)).ShouldNotBeNull();
        (draft.State, draft.Brag, draft.Direction, draft.WorkingWell, draft.UpdatedBy).ShouldBe((WorkflowState.Draft, RagStatus.Amber, ProjectDirection.Progressing, "Two hubs opened.", SignedInClient.EmailFor(Roles.PerformanceOfficer)));
        draft.Milestones.Select(m => (m.Title, m.Due, m.Status)).ShouldBe([("Third hub open", (DateOnly?)new DateOnly(2020, 3, 31), MilestoneStatus.OnTrack)]);
        (await AuditAsync(app.Factory, code)).ShouldHaveSingleItem().ShouldStartWith("Created: BRAG: Amber; Direction: Progressing; Areas of success: Two hubs opened.");

        // Submitted: locked on the page; the Director returns it with a reason, and the officer's next save makes it a draft again.
        Messages((await LandAsync(officer, await PageForms.SubmitAsync(officer, url, "submit", new Dictionary<string, string>()))).Page).ShouldContain("1 project update submitted for approval.");
        (await StoredAsync(app.Factory, code))!.State.ShouldBe(WorkflowState.Submitted);
        (await Page.OkAsync(officer, url)).QuerySelector("form textarea[name='Form.WorkingWell']").ShouldBeNull("a submitted update is not editable");

        var (_, noReason) = await LandAsync(director, await PageForms.SubmitAsync(director, PageUrl(Adults), "return", new Dictionary<string, string> { ["ReturnReason"] = "" }));
        Messages(noReason).ShouldContain("Enter the reason for returning the updates.");
        (await StoredAsync(app.Factory, code))!.State.ShouldBe(WorkflowState.Submitted);
        await PageForms.SubmitAsync(director, PageUrl(Adults), "return", new Dictionary<string, string> { ["ReturnReason"] = "Say which hub is late.", ["ReturnProject"] = code });
        (await StoredAsync(app.Factory, code))!.State.ShouldBe(WorkflowState.Returned);
        var history = await Page.OkAsync(director, PageUrl(Adults));
        history.Body!.TextContent.ShouldContain($"Returned {Quarter} {Adults} by {SignedInClient.EmailFor(Roles.Director)} — {code} (1 project update): Say which hub is late.");

        await PageForms.SubmitAsync(officer, url, "save", new Dictionary<string, string> { ["Form.Concerns"] = "The north hub is late." });
        var redrafted = (await StoredAsync(app.Factory, code))!;
        (redrafted.State, redrafted.Concerns).ShouldBe((WorkflowState.Draft, "The north hub is late."));
        (await AuditAsync(app.Factory, code)).Last().ShouldBe("Updated: Areas of concern: Recruitment in the north. → The north hub is late.");

        await PageForms.SubmitAsync(officer, url, "submit", new Dictionary<string, string>());
        Messages((await LandAsync(director, await PageForms.SubmitAsync(director, PageUrl(Adults), "approve", new Dictionary<string, string>()))).Page).ShouldContain("1 project update approved.");
        (await StoredAsync(app.Factory, code))!.State.ShouldBe(WorkflowState.Approved);

        // Published with the quarter's figures (one approved figure lets the quarter be published in part).
        await WithAsync(app.Factory, async s =>
        {
            var workflow = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OutturnWorkflow>(s);
            var q3 = ReportingPeriod.Parse(Quarter);
            await workflow.SaveAsync("Public Health", [new EntryInput("PH-HV-01", Quarter, "91.5", null, false, null, null)], "officer@demo.council");
            await workflow.SubmitAsync("Public Health", q3, "officer@demo.council");
            await workflow.ApproveAsync("Public Health", q3, "director@demo.council");
            return await workflow.PublishAsync(q3, "admin@demo.council", partOfQuarter: true);
        });
        (await StoredAsync(app.Factory, code))!.State.ShouldBe(WorkflowState.Published);
        var audit = await DbAsync(app.Factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.AuditEntries.Where(a => a.EntityType == "Project updates" && a.EntityKey == Quarter)));
        audit.Changes.ShouldBe("1 project updates published");

        // Published: a councillor now reads it on the project page, milestones included.
        var councillor = await SignedInClient.AsAsync(app.Factory, Roles.Councillor);
        var projectPage = await Page.OkAsync(councillor, $"/projects/{code}");
        projectPage.Body!.TextContent.ShouldContain("The north hub is late.");
        projectPage.Table($"Milestones reported for {Quarter}").Row("Third hub open").CellText("Status").ShouldBe("On track");
    }

    [Fact]
    public async Task BadInputNamesItsFieldAndSavesNothing()
    {
        var code = await ProjectOfAsync(app.Factory, Adults, skip: 1);
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var (status, page) = await LandAsync(officer, await PageForms.SubmitAsync(officer, PageUrl(Adults, code), "save", new Dictionary<string, string>
        {
            ["Form.Brag"] = "", ["Form.Direction"] = "Sideways",
            ["Form.Milestones[0].Title"] = "", ["Form.Milestones[0].Due"] = "31 Februar", ["Form.Milestones[0].Status"] = "Achieved",
        }));
        status.ShouldBe(HttpStatusCode.OK);
        page.GetElementById("u-brag")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.GetElementById("u-brag-error")!.TextContent.ShouldBe("Choose the BRAG status: Blue, Green, Amber or Red.");
        page.GetElementById("u-direction-error")!.TextContent.ShouldBe("'Sideways' is not a direction; use MilestoneAchieved, Progressing or MissedOrAtRisk.");
        page.GetElementById("u-milestones-0-title-error")!.TextContent.ShouldBe("Milestone 1 needs a title.");
        page.GetElementById("u-milestones-0-due-error")!.TextContent.ShouldBe("'31 Februar' is not a date for milestone 1; use 2020-03-31 or 31/03/2020.");
        (await StoredAsync(app.Factory, code)).ShouldBeNull();
        (await AuditAsync(app.Factory, code)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ADirectorWorksOnlyOnTheirOwnDirectoratesProjects()
    {
        var other = await DbAsync(app.Factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Directorates.Where(d => d.Name != Adults && !d.IsRetired).OrderBy(d => d.Name).Select(d => d.Name)));
        var code = await ProjectOfAsync(app.Factory, other);
        var director = await SignedInClient.AsAsync(app.Factory, Roles.Director);

        var response = await director.GetAsync(PageUrl(other));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var directorUser = new WorkflowUser("director-of-adults", "director@demo.council", IsOfficer: false, IsDirector: true) { Directorates = [Adults] };
        var result = await CommandAsync(app.Factory, c => c.SaveAsync(directorUser, new(code, Quarter, "Green", "Progressing", null, null, null, null)));
        result.Kind.ShouldBe(Application.Projects.ProjectUpdateProblem.Forbidden);
        result.Problems.ShouldHaveSingleItem().Message.ShouldBe($"You do not enter the updates of {other}'s projects.");
        (await StoredAsync(app.Factory, code)).ShouldBeNull();
    }

    [Fact]
    public async Task TheDataDueTrackerCountsEachDirectoratesProjectUpdates()
    {
        var code = await ProjectOfAsync(app.Factory, "Public Health");
        var due = await DbAsync(app.Factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Projects.Where(p => !p.IsRetired && p.Directorate!.Name == "Public Health")));
        await CommandAsync(app.Factory, c => c.SaveAsync(Officer, new(code, "2018/19 Q1", "Green", "Progressing", "x", null, null, null)));
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        var table = (await Page.OkAsync(admin, "/outturns?period=2018%2F19%20Q1")).Table("Project updates due for 2018/19 Q1");
        var row = table.Row("Public Health");
        row.CellText("Due").ShouldBe(due.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.CellText("Draft").ShouldBe("1");
        row.CellText("Missing").ShouldBe((due - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.CellText("Missing updates").ShouldNotContain(code);

        await CommandAsync(app.Factory, c => c.SubmitAsync(Officer, "Public Health", ReportingPeriod.Parse("2018/19 Q1")));
        await CommandAsync(app.Factory, c => c.ApproveAsync(Officer, "Public Health", ReportingPeriod.Parse("2018/19 Q1")));
        (await Page.OkAsync(admin, "/outturns?period=2018%2F19%20Q1")).Table("Project updates due for 2018/19 Q1").Row("Public Health").CellText("Approved").ShouldBe("1");
    }
}
