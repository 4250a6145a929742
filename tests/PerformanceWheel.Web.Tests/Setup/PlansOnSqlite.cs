using System.Net;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Admin;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>A new council creates its plan, rings and segments in the framework pages; a new term's plan leaves the old one for history.</summary>
public sealed class PlansOnSqlite
{
    [Fact]
    public async Task ANewCouncilIsToldToCreateThePlanAndThenBuildsItsRingsAndSegments()
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        var admin = await NewCouncil.AdminAsync(factory);

        var empty = await admin.GetStringAsync(new Uri("/admin/framework/segments", UriKind.Relative));
        empty.ShouldContain("There is no plan yet.");
        empty.ShouldContain("href=\"/admin/framework/plans/new\">Create the plan</a>");
        (await admin.GetStringAsync(new Uri("/admin/framework/groups/new", UriKind.Relative))).ShouldContain("there is no current plan");

        var planId = await NewCouncil.AddPlanAsync(factory, admin, "Council Plan 2022–26", "2022/23", "2025/26");
        (await FrameworkForms.PostAsync(admin, $"/admin/framework/groups/new?plan={planId}", "group", new Dictionary<string, string>
        {
            ["Input.PlanId"] = $"{planId}", ["Input.Name"] = "Our priorities", ["Input.Order"] = "1",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var groupId = await FrameworkForms.QueryAsync(factory, db => db.SegmentGroups.Where(g => g.Name == "Our priorities").Select(g => g.Id).SingleAsync());
        (await FrameworkForms.PostAsync(admin, "/admin/framework/segments/new", "segment", new Dictionary<string, string>
        {
            ["Input.GroupId"] = $"{groupId}", ["Input.Code"] = "P1", ["Input.Title"] = "Thriving places", ["Input.Order"] = "1",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var plan = await FrameworkForms.QueryAsync(factory, db => db.Plans.Include(p => p.Groups).ThenInclude(g => g.Segments).SingleAsync());
        (plan.Name, plan.FirstYear, plan.LastYear, plan.IsRetired).ShouldBe(("Council Plan 2022–26", FinancialYear.Parse("2022/23"), FinancialYear.Parse("2025/26"), false));
        plan.Groups.Single().Segments.Single().Code.ShouldBe("P1");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/framework/segments", UriKind.Relative)));
        page.ShouldNotContain("There is no plan yet.");
        page.ShouldContain("Council Plan 2022–26</a> (2022/23 to 2025/26)");
        (await FrameworkForms.QueryAsync(factory, db => db.AuditEntries.Where(a => a.EntityType == "Plan").Select(a => a.Action + ": " + a.Changes).SingleAsync()))
            .ShouldBe("Created: Name: Council Plan 2022–26; First year: 2022/23; Last year: 2025/26; Retired: No");
    }

    [Fact]
    public async Task ANewTermsPlanCannotOverlapTheCurrentOneAndTheRetiredPlanKeepsItsRingsButTakesNoNewOnes()
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        var admin = await NewCouncil.AdminAsync(factory);
        var oldId = await NewCouncil.AddPlanAsync(factory, admin, "Council Plan 2022–26", "2022/23", "2025/26");
        (await FrameworkForms.PostAsync(admin, "/admin/framework/groups/new", "group", new Dictionary<string, string>
        {
            ["Input.PlanId"] = $"{oldId}", ["Input.Name"] = "Old ring", ["Input.Order"] = "1",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var overlapping = await FrameworkForms.PostAsync(admin, "/admin/framework/plans/new", "plan", new Dictionary<string, string>
        {
            ["Input.Name"] = "Council Plan 2025–29", ["Input.FirstYear"] = "2025/26", ["Input.LastYear"] = "2028/29",
        });
        FrameworkForms.MessageNextTo(await overlapping.Content.ReadAsStringAsync(), "Input.FirstYear")
            .ShouldContain("Council Plan 2022–26 already covers 2022/23 to 2025/26");

        (await FrameworkForms.PostAsync(admin, $"/admin/framework/plans/{oldId}", "plan", new Dictionary<string, string>
        {
            ["Input.Name"] = "Council Plan 2022–26", ["Input.FirstYear"] = "2022/23", ["Input.LastYear"] = "2025/26", ["Input.IsRetired"] = "true",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var newId = await NewCouncil.AddPlanAsync(factory, admin, "Council Plan 2025–29", "2025/26", "2028/29");

        var intoRetired = await FrameworkForms.PostAsync(admin, "/admin/framework/groups/new", "group", new Dictionary<string, string>
        {
            ["Input.PlanId"] = $"{oldId}", ["Input.Name"] = "Late ring", ["Input.Order"] = "2",
        });
        FrameworkForms.MessageNextTo(await intoRetired.Content.ReadAsStringAsync(), "Input.PlanId").ShouldContain("The plan Council Plan 2022–26 is retired");

        var plans = await FrameworkForms.QueryAsync(factory, db => db.Plans.Include(p => p.Groups).OrderBy(p => p.Id).ToListAsync());
        plans.Select(p => (p.Id, p.IsRetired, string.Join(",", p.Groups.Select(g => g.Name)))).ShouldBe([(oldId, true, "Old ring"), (newId, false, "")]);
        WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/framework/segments", UriKind.Relative))).ShouldContain("Council Plan 2022–26</a> (2022/23 to 2025/26) – retired");
        (await FrameworkForms.QueryAsync(factory, db => db.AuditEntries.CountAsync(a => a.EntityType == "Plan" && a.Action == "Retired"))).ShouldBe(1);
    }

    [Theory]
    [InlineData("2022", "2025/26", "Input.FirstYear", "'2022' is not a financial year")]
    [InlineData("", "2025/26", "Input.FirstYear", "Enter the plan's first financial year")]
    [InlineData("2022/23", "2021/22", "Input.LastYear", "The last year (2021/22) is before the first (2022/23)")]
    public async Task BadYearsAreNamedNextToTheirFieldAndNothingIsSaved(string first, string last, string field, string message)
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        var admin = await NewCouncil.AdminAsync(factory);

        var response = await FrameworkForms.PostAsync(admin, "/admin/framework/plans/new", "plan", new Dictionary<string, string>
        {
            ["Input.Name"] = "Council Plan", ["Input.FirstYear"] = first, ["Input.LastYear"] = last,
        });

        FrameworkForms.MessageNextTo(await response.Content.ReadAsStringAsync(), field).ShouldContain(message);
        (await FrameworkForms.QueryAsync(factory, db => db.Plans.CountAsync())).ShouldBe(0);
    }
}
