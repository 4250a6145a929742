using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Security;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Admin;

/// <summary>Directorates, committees, rings, segments and projects are created, changed and retired through the forms, with an audit trail.</summary>
public sealed class FrameworkAdministrationOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly AppFactory _factory = app.Factory;

    [Fact]
    public async Task EveryFrameworkPageNeedsTheManageFrameworkPolicy()
    {
        var routes = _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/admin/framework", StringComparison.Ordinal))
            .ToList();

        routes.Count.ShouldBeGreaterThanOrEqualTo(18);
        foreach (var route in routes)
        {
            route.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ShouldContain(Policies.ManageFramework, route.RoutePattern.RawText);
        }
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.PerformanceOfficer, true)]
    [InlineData(Roles.Director, false)]
    [InlineData(Roles.Councillor, false)]
    public async Task OnlyAdminsAndOfficersOpenTheFrameworkPages(string role, bool allowed)
    {
        var client = await SignedInClient.AsAsync(_factory, role);
        string[] pages =
        [
            "/admin/framework", "/admin/framework/measures", "/admin/framework/measures/new", "/admin/framework/directorates",
            "/admin/framework/directorates/new", "/admin/framework/committees", "/admin/framework/committees/new", "/admin/framework/segments",
            "/admin/framework/segments/new", "/admin/framework/groups/new", "/admin/framework/projects", "/admin/framework/projects/new", "/admin/framework/plans/new",
        ];

        foreach (var page in pages)
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            if (allowed)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
                response.Headers.Location!.ToString().ShouldContain("/account/access-denied", Case.Sensitive, page);
            }
        }
    }

    [Fact]
    public async Task ADirectorateIsCreatedRenamedAndRetiredWithAnAuditTrail()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);

        (await FrameworkForms.PostAsync(officer, "/admin/framework/directorates/new", "directorate", new Dictionary<string, string> { ["Input.Name"] = "Test Services" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.QueryAsync(_factory, db => db.Directorates.Where(d => d.Name == "Test Services").Select(d => d.Id).SingleAsync());
        (await FrameworkForms.PostAsync(officer, $"/admin/framework/directorates/{id}", "directorate", new Dictionary<string, string> { ["Input.Name"] = "Tested Services", ["Input.IsRetired"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var saved = await FrameworkForms.QueryAsync(_factory, db => db.Directorates.SingleAsync(d => d.Id == id));
        (saved.Name, saved.IsRetired).ShouldBe(("Tested Services", true));
        var audit = await FrameworkForms.QueryAsync(_factory, db => db.AuditEntries.SingleAsync(a => a.EntityType == "Directorate" && a.Action == "Retired"));
        audit.Changes.ShouldBe("Name: Test Services → Tested Services; Retired: No → Yes");
    }

    [Fact]
    public async Task ADuplicateDirectorateNameIsRefusedNextToTheName()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var before = await FrameworkForms.QueryAsync(_factory, db => db.Directorates.CountAsync());

        var response = await FrameworkForms.PostAsync(officer, "/admin/framework/directorates/new", "directorate", new Dictionary<string, string> { ["Input.Name"] = "public health" });

        FrameworkForms.MessageNextTo(await response.Content.ReadAsStringAsync(), "Input.Name").ShouldContain("There is already a directorate named public health");
        (await FrameworkForms.QueryAsync(_factory, db => db.Directorates.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task ACommitteeCodeMustBeNewAndARetiredCommitteeStaysRetired()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var existing = await FrameworkForms.QueryAsync(_factory, db => db.Committees.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync());

        var duplicate = await FrameworkForms.PostAsync(officer, "/admin/framework/committees/new", "committee", new Dictionary<string, string> { ["Input.Code"] = existing, ["Input.Name"] = "Another" });
        FrameworkForms.MessageNextTo(await duplicate.Content.ReadAsStringAsync(), "Input.Code").ShouldContain($"A committee with the code {existing} already exists");

        (await FrameworkForms.PostAsync(officer, "/admin/framework/committees/new", "committee", new Dictionary<string, string> { ["Input.Code"] = "TQ", ["Input.Name"] = "Test Quorum" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.QueryAsync(_factory, db => db.Committees.Where(c => c.Code == "TQ").Select(c => c.Id).SingleAsync());
        var page = $"/admin/framework/committees/{id}";
        (await FrameworkForms.PostAsync(officer, page, "committee", new Dictionary<string, string> { ["Input.Code"] = "TQ", ["Input.Name"] = "Test Quorum", ["Input.IsRetired"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reinstate = await FrameworkForms.PostAsync(officer, page, "committee", new Dictionary<string, string> { ["Input.Code"] = "TQ", ["Input.Name"] = "Test Quorum", ["Input.IsRetired"] = "false" });

        FrameworkForms.MessageNextTo(await reinstate.Content.ReadAsStringAsync(), "Input.IsRetired").ShouldContain("A retired committee cannot be brought back");
        (await FrameworkForms.QueryAsync(_factory, db => db.Committees.SingleAsync(c => c.Id == id))).IsRetired.ShouldBeTrue();
    }

    [Fact]
    public async Task ARingASegmentWithCommitteesAndAProjectAreCreatedAndTheProjectRetired()
    {
        var officer = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);
        var planId = await FrameworkForms.QueryAsync(_factory, db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var committeeId = await FrameworkForms.QueryAsync(_factory, db => db.Committees.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

        (await FrameworkForms.PostAsync(officer, "/admin/framework/groups/new", "group", new Dictionary<string, string> { ["Input.PlanId"] = $"{planId}", ["Input.Name"] = "Test ring", ["Input.Order"] = "9" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var groupId = await FrameworkForms.QueryAsync(_factory, db => db.SegmentGroups.Where(g => g.Name == "Test ring").Select(g => g.Id).SingleAsync());
        (await FrameworkForms.PostAsync(officer, "/admin/framework/segments/new", "segment", new Dictionary<string, string>
        {
            ["Input.GroupId"] = $"{groupId}", ["Input.Code"] = "TS1", ["Input.Title"] = "Test segment", ["Input.Lead"] = "Director of Tests",
            ["Input.Order"] = "1", ["Input.CommitteeIds"] = $"{committeeId}",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var segment = await FrameworkForms.QueryAsync(_factory, db => db.Segments.Include(s => s.Committees).SingleAsync(s => s.Code == "TS1"));
        segment.Committees.Select(c => c.Id).ShouldBe([committeeId]);

        var missingSegment = await FrameworkForms.PostAsync(officer, "/admin/framework/projects/new", "project", new Dictionary<string, string> { ["Input.Code"] = "TP1", ["Input.Title"] = "Test project", ["Input.SegmentId"] = "0" });
        var refused = await missingSegment.Content.ReadAsStringAsync();
        FrameworkForms.MessageNextTo(refused, "Input.SegmentId").ShouldContain("Choose the segment the project belongs to");
        FrameworkForms.ProblemDescribing(refused, "Input.SegmentId").ShouldContain("Choose the segment the project belongs to");
        var directorateId = await FrameworkForms.QueryAsync(_factory, db => db.Directorates.OrderBy(d => d.Name).Select(d => d.Id).FirstAsync());
        (await FrameworkForms.PostAsync(officer, "/admin/framework/projects/new", "project", new Dictionary<string, string> { ["Input.Code"] = "TP1", ["Input.Title"] = "Test project", ["Input.SegmentId"] = $"{segment.Id}", ["Input.DirectorateId"] = $"{directorateId}" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var projectId = await FrameworkForms.QueryAsync(_factory, db => db.Projects.Where(p => p.Code == "TP1").Select(p => p.Id).SingleAsync());
        (await FrameworkForms.PostAsync(officer, $"/admin/framework/projects/{projectId}", "project", new Dictionary<string, string> { ["Input.Code"] = "TP1", ["Input.Title"] = "Test project", ["Input.SegmentId"] = $"{segment.Id}", ["Input.DirectorateId"] = $"{directorateId}", ["Input.IsRetired"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await FrameworkForms.QueryAsync(_factory, db => db.Projects.SingleAsync(p => p.Id == projectId))).IsRetired.ShouldBeTrue();
        var actions = await FrameworkForms.QueryAsync(_factory, db => db.AuditEntries.Where(a => a.EntityKey == "Test ring" || a.EntityKey == "TS1" || a.EntityKey == "TP1").Select(a => a.EntityType + " " + a.Action).ToListAsync());
        actions.Order().ShouldBe(["Project Created", "Project Retired", "Segment Created", "Segment group Created"]);
        (await officer.GetStringAsync(new Uri("/admin/framework/segments", UriKind.Relative))).ShouldContain("Director of Tests");
    }
}
