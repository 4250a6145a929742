using Microsoft.EntityFrameworkCore;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>The workbook import puts a new ring in the current plan once there is one, and says what to do when there is none.</summary>
public sealed class NewRingsByImportOnSqlite
{
    private static byte[] ASegmentInANewRing(string code, string ring) =>
        new TestWorkbook().Sheet("Segments", Samples.SegmentsHeader, Row(code, "Imported segment", ring, 1))
            .Sheet("Measures", Samples.MeasuresHeader).Sheet("Targets", Samples.TargetsHeader).Sheet("Outturns", Samples.OutturnsHeader).Bytes();

    [Fact]
    public async Task WithoutAPlanTheImportSaysToCreateItAndChangesNothing()
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        _ = factory.Server;

        var report = await Samples.ImportAsync(factory.Database, ASegmentInANewRing("N1", "New ring"), Samples.Admin());

        report.Applied.ShouldBeFalse();
        var error = report.Errors.ShouldHaveSingleItem();
        (error.Sheet, error.Row, error.Column).ShouldBe(("Segments", 2, "Group"));
        error.Message.ShouldContain("no plan to add it to: create the plan first");
        (await FrameworkQuery(factory, db => db.SegmentGroups.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ANewRingGoesInTheCurrentPlanNotTheRetiredOne()
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        var admin = await NewCouncil.AdminAsync(factory);
        var oldId = await NewCouncil.AddPlanAsync(factory, admin, "Council Plan 2026–30", "2026/27", "2029/30");
        var current = await NewCouncil.AddPlanAsync(factory, admin, "Council Plan 2022–26", "2022/23", "2025/26");
        (await Admin.FrameworkForms.PostAsync(admin, $"/admin/framework/plans/{oldId}", "plan", new Dictionary<string, string>
        {
            ["Input.Name"] = "Council Plan 2026–30", ["Input.FirstYear"] = "2026/27", ["Input.LastYear"] = "2029/30", ["Input.IsRetired"] = "true",
        })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        var report = await Samples.ImportAsync(factory.Database, ASegmentInANewRing("N1", "New ring"), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeTrue();
        var ring = await FrameworkQuery(factory, db => db.SegmentGroups.Include(g => g.Segments).SingleAsync());
        (ring.Name, ring.PlanId, ring.Segments.Single().Code).ShouldBe(("New ring", current, "N1"));
    }

    private static Task<T> FrameworkQuery<T>(AppFactory factory, Func<Data.PerformanceWheelDbContext, Task<T>> query) => Admin.FrameworkForms.QueryAsync(factory, query);
}
