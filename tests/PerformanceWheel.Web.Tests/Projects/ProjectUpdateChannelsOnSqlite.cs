using System.Net;
using System.Net.Http.Json;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;
using static PerformanceWheel.Web.Tests.Projects.ProjectUpdateSupport;

namespace PerformanceWheel.Web.Tests.Projects;

/// <summary>
/// Issue 18: a draft project update (with a unique marker in its narrative) is shown to officers and to the Director of
/// its directorate, never to a councillor or the public on any channel that shows project updates: the project page,
/// the segment page (and so the packs built from it) and the API. And the API enters updates under the page's rules, answering problems by field,
/// ending in the same stored state and audit text as the page.
/// </summary>
public sealed class ProjectUpdateChannelsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Adults = ApiClient.DirectorsDirectorate;

    [Fact]
    public async Task ACouncillorNeverSeesADraftUpdateOnAnyChannel()
    {
        var code = await ProjectOfAsync(app.Factory, Adults);
        const string Marker = "DRAFT-MARKER-7Q2K";
        var saved = await CommandAsync(app.Factory, c => c.SaveAsync(Officer, new(code, "2019/20 Q4", "Red", "MissedOrAtRisk", Marker, null, null,
            [new MilestoneInput(Marker + " milestone", "2020-01-31", "Missed")])));
        saved.Problems.ShouldBeEmpty();
        var segment = await DbAsync(app.Factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Projects.Where(p => p.Code == code).Select(p => p.Segment.Code)));

        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var director = await SignedInClient.AsAsync(app.Factory, Roles.Director);
        (await Page.OkAsync(officer, $"/projects/{code}")).Body!.TextContent.ShouldContain(Marker);
        (await Page.OkAsync(director, $"/projects/{code}")).Body!.TextContent.ShouldContain(Marker);

        var keys = await ApiClient.KeysForEveryRoleAsync(app.Factory);
        (await ApiClient.With(app.Factory, keys[Roles.PerformanceOfficer]).GetStringAsync($"/api/v1/project-updates?project={code}")).ShouldContain(Marker);

        foreach (var reader in new[] { await SignedInClient.AsAsync(app.Factory, Roles.Councillor), SignedInClient.Anonymous(app.Factory) })
        {
            var projectPage = await Page.OkAsync(reader, $"/projects/{code}");
            projectPage.Body!.TextContent.ShouldNotContain(Marker);
            projectPage.Body.TextContent.ShouldNotContain("Update for 2019/20 Q4", Case.Sensitive, "the draft's heading leaks that it exists");
            // A quarter with nothing published is not shown to them at all; a published one never carries the draft.
            (await reader.GetAsync($"/segments/{Uri.EscapeDataString(segment)}?period=2019%2F20%20Q4")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var segmentPage = await Page.OkAsync(reader, $"/segments/{Uri.EscapeDataString(segment)}");
            segmentPage.Table($"Projects of {segment}").Row(await TitleAsync(code)).CellText("Latest update").ShouldNotBe("2019/20 Q4");
        }

        var councillorKey = ApiClient.With(app.Factory, keys[Roles.Councillor]);
        var listed = await ApiClient.JsonAsync(await councillorKey.GetAsync($"/api/v1/project-updates?project={code}"));
        listed.EnumerateArray().Select(u => u.GetProperty("quarter").GetString()).ShouldNotContain("2019/20 Q4");
        listed.GetRawText().ShouldNotContain(Marker);
    }

    [Fact]
    public async Task TheApiEntersAnUpdateUnderThePagesRulesAndNamesTheFieldThatIsWrong()
    {
        var code = await ProjectOfAsync(app.Factory, Adults, skip: 1);
        var keys = await ApiClient.KeysForEveryRoleAsync(app.Factory);
        var officer = ApiClient.With(app.Factory, keys[Roles.PerformanceOfficer]);

        var bad = await officer.PostAsJsonAsync("/api/v1/project-updates", new { project = code, quarter = Quarter, brag = "Purple", direction = "Progressing", milestones = new[] { new { title = "Hub", due = "soon", status = "OnTrack" } } });
        var problem = await ApiClient.ProblemAsync(bad, 422);
        problem.GetProperty("errors").GetProperty("brag")[0].GetString().ShouldBe("'Purple' is not a BRAG status; use Blue, Green, Amber or Red.");
        problem.GetProperty("errors").GetProperty("milestones[0].due")[0].GetString().ShouldBe("'soon' is not a date for milestone 1; use 2020-03-31 or 31/03/2020.");
        (await StoredAsync(app.Factory, code)).ShouldBeNull();

        var created = await ApiClient.JsonAsync(await officer.PostAsJsonAsync("/api/v1/project-updates", new { project = code, quarter = Quarter, brag = "Green", direction = "Progressing", concerns = "None yet." }));
        created.GetProperty("state").GetString().ShouldBe("Draft");

        // Omitted fields are kept; a text sent as null is cleared.
        var changed = await ApiClient.JsonAsync(await officer.PostAsJsonAsync("/api/v1/project-updates", new { project = code, quarter = Quarter, brag = "Blue", concerns = (string?)null }));
        (changed.GetProperty("brag").GetString(), changed.GetProperty("direction").GetString(), changed.GetProperty("concerns").ValueKind).ShouldBe(("Blue", "Progressing", System.Text.Json.JsonValueKind.Null));

        var councillor = ApiClient.With(app.Factory, keys[Roles.Councillor]);
        (await councillor.PostAsJsonAsync("/api/v1/project-updates", new { project = code, quarter = Quarter, brag = "Red" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var submitted = await ApiClient.JsonAsync(await officer.PostAsJsonAsync("/api/v1/project-updates/submit", new { directorate = Adults, quarter = Quarter }));
        submitted.GetProperty("moved").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var locked = await officer.PostAsJsonAsync("/api/v1/project-updates", new { project = code, quarter = Quarter, brag = "Red" });
        (await ApiClient.ProblemAsync(locked, 409)).GetProperty("title").GetString().ShouldBe("This update is locked");
        var noReason = await officer.PostAsJsonAsync("/api/v1/project-updates/return", new { directorate = Adults, quarter = Quarter });
        (await ApiClient.ProblemAsync(noReason, 422)).GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("Enter the reason for returning the updates.");
    }

    [Fact]
    public async Task ThePageTheApiAndTheImportCommandEndInTheSameStoredStateAndAuditText()
    {
        var codes = new[] { await ProjectOfAsync(app.Factory, "Public Health"), await ProjectOfAsync(app.Factory, "Public Health", skip: 1), await ProjectOfAsync(app.Factory, "Public Health", skip: 2) };
        codes.Distinct().Count().ShouldBe(3);
        const string Q = "2018/19 Q4";
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        await PageForms.SubmitAsync(admin, $"/project-updates/Public%20Health?period=2018%2F19%20Q4&project={codes[0]}", "save", new Dictionary<string, string>
        {
            ["Form.Brag"] = "Green", ["Form.Direction"] = "MilestoneAchieved", ["Form.WorkingWell"] = "On plan.", ["Form.Concerns"] = "", ["Form.NextFocus"] = "Tender.",
            ["Form.Milestones[0].Title"] = "Tender issued", ["Form.Milestones[0].Due"] = "2019-06-30", ["Form.Milestones[0].Status"] = "Achieved",
        });
        var keys = await ApiClient.KeysForEveryRoleAsync(app.Factory);
        (await ApiClient.With(app.Factory, keys[Roles.Admin]).PostAsJsonAsync("/api/v1/project-updates", new
        {
            project = codes[1], quarter = Q, brag = "Green", direction = "MilestoneAchieved", workingWell = "On plan.", concerns = "", nextFocus = "Tender.",
            milestones = new[] { new { title = "Tender issued", due = "2019-06-30", status = "Achieved" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var bulk = await CommandAsync(app.Factory, c => c.SaveManyAsync(new("x", SignedInClient.EmailFor(Roles.Admin), true, false),
            [new ProjectUpdateInput(codes[2], Q, "Green", "MilestoneAchieved", "On plan.", "", "Tender.", [new MilestoneInput("Tender issued", "2019-06-30", "Achieved")])]));
        bulk.ShouldAllBe(r => r.Succeeded);

        var states = new List<string>();
        var audits = new List<string>();
        foreach (var code in codes)
        {
            var u = (await StoredAsync(app.Factory, code, Q)).ShouldNotBeNull();
            states.Add($"{u.State}|{u.Brag}|{u.Direction}|{u.WorkingWell}|{u.Concerns}|{u.NextFocus}|{u.Version}|{string.Join(",", u.Milestones.Select(m => $"{m.Order}:{m.Title}:{m.Due}:{m.Status}"))}");
            audits.Add(string.Join(" / ", await AuditAsync(app.Factory, code, Q)));
        }

        states.Distinct().ShouldHaveSingleItem();
        audits.Distinct().ShouldHaveSingleItem().ShouldBe("Created: BRAG: Green; Direction: MilestoneAchieved; Areas of success: On plan.; Focus for next quarter: Tender.; Milestones: Tender issued (2019-06-30, Achieved)");
    }

    private Task<string> TitleAsync(string code) => DbAsync(app.Factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
        db.Projects.Where(p => p.Code == code).Select(p => p.Title)));
}
