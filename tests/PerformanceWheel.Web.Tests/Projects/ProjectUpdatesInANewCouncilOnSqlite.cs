using System.Net;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Admin;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Setup;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Projects;

/// <summary>
/// Issue 18: from an empty database, the pages say what to do when no project exists, and a project added through the
/// pages (with its directorate) takes its first update through the entry page.
/// </summary>
public sealed class ProjectUpdatesInANewCouncilOnSqlite
{
    [Fact]
    public async Task ANewCouncilIsToldToAddProjectsAndThenEntersTheFirstUpdate()
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        var admin = await NewCouncil.AdminAsync(factory);
        (await FrameworkForms.PostAsync(admin, "/admin/framework/directorates/new", "directorate", new Dictionary<string, string> { ["Input.Name"] = "Place" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var tracker = await Page.OkAsync(admin, "/outturns?period=2026%2F27%20Q1");
        tracker.Body!.TextContent.ShouldContain("No directorate reports a project yet.");
        var entry = await Page.OkAsync(admin, "/project-updates/Place?period=2026%2F27%20Q1");
        entry.Body!.TextContent.ShouldContain("Place reports no projects.");

        var planId = await NewCouncil.AddPlanAsync(factory, admin, "Council Plan 2026–30", "2026/27", "2029/30");
        await FrameworkForms.PostAsync(admin, $"/admin/framework/groups/new?plan={planId}", "group", new Dictionary<string, string>
        {
            ["Input.PlanId"] = $"{planId}", ["Input.Name"] = "Priorities", ["Input.Order"] = "1",
        });
        var groupId = await FrameworkForms.QueryAsync(factory, db => db.SegmentGroups.Select(g => g.Id).SingleAsync());
        await FrameworkForms.PostAsync(admin, "/admin/framework/segments/new", "segment", new Dictionary<string, string>
        {
            ["Input.GroupId"] = $"{groupId}", ["Input.Code"] = "P1", ["Input.Title"] = "Thriving places", ["Input.Order"] = "1",
        });
        var (segmentId, directorateId) = await FrameworkForms.QueryAsync(factory, async db => (await db.Segments.Select(s => s.Id).SingleAsync(), await db.Directorates.Select(d => d.Id).SingleAsync()));
        var noDirectorate = await FrameworkForms.PostAsync(admin, "/admin/framework/projects/new", "project", new Dictionary<string, string>
        {
            ["Input.Code"] = "HUBS", ["Input.Title"] = "Community hubs", ["Input.SegmentId"] = $"{segmentId}",
        });
        (await noDirectorate.Content.ReadAsStringAsync()).ShouldContain("Choose the directorate that reports the project");
        (await FrameworkForms.PostAsync(admin, "/admin/framework/projects/new", "project", new Dictionary<string, string>
        {
            ["Input.Code"] = "HUBS", ["Input.Title"] = "Community hubs", ["Input.SegmentId"] = $"{segmentId}", ["Input.DirectorateId"] = $"{directorateId}",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await PageForms.SubmitAsync(admin, "/project-updates/Place?period=2026%2F27%20Q1", "save", new Dictionary<string, string>
        {
            ["Form.Brag"] = "Green", ["Form.Direction"] = "Progressing", ["Form.WorkingWell"] = "Sites chosen.",
        });
        var stored = await FrameworkForms.QueryAsync(factory, db => db.ProjectUpdates.SingleAsync());
        (stored.State, stored.WorkingWell).ShouldBe((WorkflowState.Draft, "Sites chosen."));
        (await Page.OkAsync(admin, "/outturns?period=2026%2F27%20Q1")).Table("Project updates due for 2026/27 Q1").Row("Place").CellText("Draft").ShouldBe("1");
    }
}
