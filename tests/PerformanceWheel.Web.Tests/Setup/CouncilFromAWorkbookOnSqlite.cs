using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>
/// The workbook's Plans, Rings, Projects and ProjectUpdates sheets: one workbook sets a new council up (the Segments
/// sheet names rings of the Rings sheet, which names the plan of the Plans sheet), all or nothing, every problem at its
/// sheet, row and column.
/// </summary>
public sealed class CouncilFromAWorkbookOnSqlite
{
    [Fact]
    public async Task OneWorkbookSetsUpAnEmptyCouncilAndImportingItAgainChangesNothing()
    {
        await using var database = TestDatabases.CreateSqlite();
        await database.MigrateAsync();

        var report = await Samples.ImportAsync(database, CouncilWorkbook.Build().Bytes(), Samples.Officer(ImportMode.Draft));

        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeTrue();
        report.Count("Plans").ShouldBe(new ImportCount("Plans", 1, 1, 0, 0, 0));
        report.Count("Rings").ShouldBe(new ImportCount("Rings", 2, 2, 0, 0, 0));
        report.Count("Projects").ShouldBe(new ImportCount("Projects", 1, 1, 0, 0, 0));
        report.Count("Project updates").ShouldBe(new ImportCount("Project updates", 1, 1, 0, 0, 0));
        await using (var db = database.CreateContext())
        {
            var plan = await db.Plans.Include(p => p.Groups).ThenInclude(g => g.Segments).SingleAsync();
            (plan.Name, plan.FirstYear.Label, plan.LastYear.Label, plan.IsRetired).ShouldBe((CouncilWorkbook.Plan, "2025/26", "2028/29", false));
            plan.Groups.OrderBy(g => g.Order).Select(g => $"{g.Order} {g.Name}: {string.Join(", ", g.Segments.OrderBy(s => s.Order).Select(s => s.Code))}")
                .ShouldBe(["1 Thriving places: RS1, RS2", "2 Healthy people: RS3, RS4"]);
            var project = await db.Projects.Include(p => p.Segment).Include(p => p.Directorate)
                .Include(p => p.Updates).ThenInclude(u => u.Milestones).SingleAsync();
            (project.Code, project.Segment.Code, project.Directorate!.Name).ShouldBe((CouncilWorkbook.ProjectCode, "RS4", CouncilWorkbook.People));
            var update = project.Updates.ShouldHaveSingleItem();
            (update.Period.Label, update.State, update.Brag, update.Direction).ShouldBe((CouncilWorkbook.Quarter, WorkflowState.Draft, RagStatus.Green, ProjectDirection.Progressing));
            (update.WorkingWell, update.Concerns, update.NextFocus).ShouldBe(("Design agreed with residents", "Contractor availability", "Start on site"));
            update.Milestones.Select(m => (m.Title, m.Due, m.Status)).ShouldBe(
            [
                ("Design signed off", new DateOnly(2026, 7, 31), MilestoneStatus.Achieved),
                ("Library reopens", new DateOnly(2027, 3, 31), MilestoneStatus.OnTrack),
            ]);
            (await db.Outturns.CountAsync(o => o.State == WorkflowState.Draft)).ShouldBe(12);
            (await db.AuditEntries.Where(a => a.EntityType == "Plan" || a.EntityType == "Segment group" || a.EntityType == "Project" || a.EntityType == "Project update")
                .Select(a => a.Action + " " + a.EntityType + " " + a.EntityKey).ToListAsync()).ShouldBe(
            [
                "Created Plan Riverside Plan", "Created Segment group Thriving places", "Created Segment group Healthy people",
                "Created Project RV-PRJ-01", $"Created Project update RV-PRJ-01 {CouncilWorkbook.Quarter}",
            ], ignoreOrder: true);
        }

        var again = await Samples.ImportAsync(database, CouncilWorkbook.Build().Bytes(), Samples.Officer(ImportMode.Draft));

        again.Errors.ShouldBeEmpty();
        again.Counts.Where(c => c.Rows > 0).Where(c => c.Created + c.Updated > 0).ShouldBeEmpty();
        again.Count("Project updates").Unchanged.ShouldBe(1);
    }

    [Fact]
    public async Task EveryProblemIsReportedAtItsCellAndNothingIsWritten()
    {
        await using var database = TestDatabases.CreateSqlite();
        await database.MigrateAsync();
        var workbook = new TestWorkbook()
            .Sheet("Plans", CouncilWorkbook.PlansHeader, Row("Plan A", "2025/26", "2028/29", null), Row("Plan B", "2027/28", "2030/31", null), Row("Plan C", "2031", "2032/33", null))
            .Sheet("Rings", CouncilWorkbook.RingsHeader, Row("Plan A", "Places", 1), Row("No such plan", "People", 2), Row("Plan A", "places", 3))
            .Sheet("Segments", Samples.SegmentsHeader, Row("S1", "A segment", "Places", 1))
            .Sheet("Measures", Samples.MeasuresHeader).Sheet("Targets", Samples.TargetsHeader).Sheet("Outturns", Samples.OutturnsHeader)
            .Sheet("Projects", CouncilWorkbook.ProjectsHeader, Row("P-1", "A project", "S1", "Nobody", null), Row("P-2", null, "S9", "Nobody", null))
            .Sheet("ProjectUpdates", CouncilWorkbook.UpdatesHeader,
                Row("P-1", "2026/27 Q2", "Purple", "Progressing", null, null, null, "Start", "next week", "Late"),
                Row("P-1", "2026/27 Q2", "Green", null, null, null, null, "Finish", null, "On track"),
                Row("P-1", "Sep-26", "Green", "Progressing", null, null, null, null, null, null));

        var report = await Samples.ImportAsync(database, workbook.Bytes(), Samples.Admin());

        report.Applied.ShouldBeFalse();
        report.Errors.Select(e => (e.Sheet, e.Row, e.Column)).ShouldBe(
        [
            ("Plans", 3, "First year"),
            ("Plans", 4, "First year"),
            ("Rings", 3, "Plan"),
            ("Rings", 4, "Name"),
            ("Projects", 2, "Directorate"),
            ("Projects", 3, "Title"),
            ("Projects", 3, "Segment"),
            ("Projects", 3, "Directorate"),
            ("ProjectUpdates", 3, "BRAG"),
            ("ProjectUpdates", 4, "Period"),
        ], ignoreOrder: true);
        report.Errors.Single(e => e.Sheet == "Plans" && e.Row == 3).Message.ShouldBe(
            "Plan A already covers 2025/26 to 2028/29; change its years or retire it first, so each year has one plan.");
        report.Errors.Single(e => e.Sheet == "Rings" && e.Row == 3).Message.ShouldBe("There is no plan named 'No such plan' in the database or on the Plans sheet.");
        report.Errors.Single(e => e.Sheet == "Rings" && e.Row == 4).Message.ShouldBe("The ring places of Plan A is on this sheet twice (also row 2); keep one row.");
        report.Errors.Single(e => e.Sheet == "ProjectUpdates" && e.Row == 3).Message.ShouldBe(
            "P-1 2026/27 Q2 starts on row 2: give its BRAG there; the rows below it hold only further milestones.");

        // The sheets above the project updates are right now: the command's own checks report the update's cells.
        var fixedBook = new TestWorkbook()
            .Sheet("Plans", CouncilWorkbook.PlansHeader, Row("Plan A", "2025/26", "2028/29", null))
            .Sheet("Rings", CouncilWorkbook.RingsHeader, Row("Plan A", "Places", 1))
            .Sheet("Segments", Samples.SegmentsHeader, Row("S1", "A segment", "Places", 1))
            .Sheet("Measures", Samples.MeasuresHeader, Row("M-1", "A measure", "Place", "S1", "Higher is better", "%", "Quarterly", null, 0, null, 0, null, null, null))
            .Sheet("Targets", Samples.TargetsHeader).Sheet("Outturns", Samples.OutturnsHeader)
            .Sheet("Projects", CouncilWorkbook.ProjectsHeader, Row("P-1", "A project", "S1", "Place", null))
            .Sheet("ProjectUpdates", CouncilWorkbook.UpdatesHeader,
                Row("P-1", "2026/27 Q2", "Purple", "Progressing", null, null, null, "Start", "next week", "Late"),
                Row("P-1", "2026/27 Q2", null, null, null, null, null, "Finish", null, "On track"));

        var second = await Samples.ImportAsync(database, fixedBook.Bytes(), Samples.Admin());

        second.Applied.ShouldBeFalse();
        second.Errors.ShouldBe(
        [
            new ImportError("ProjectUpdates", 2, "BRAG", "'Purple' is not a BRAG status; use Blue, Green, Amber or Red."),
            new ImportError("ProjectUpdates", 2, "Milestone due", "'next week' is not a date for milestone 1; use 2020-03-31 or 31/03/2020."),
            new ImportError("ProjectUpdates", 2, "Milestone status", "'Late' is not a milestone status; use NotStarted, OnTrack, Achieved or Missed."),
        ]);
        await using var db = database.CreateContext();
        (await db.Plans.CountAsync()).ShouldBe(0);
        (await db.Projects.CountAsync()).ShouldBe(0);
        (await db.Directorates.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnAdminsHistoricalImportPublishesTheUpdatesAndAnOfficersLeavesThemForTheWorkflow()
    {
        await using var database = TestDatabases.CreateSqlite();
        await database.MigrateAsync();
        var workbook = CouncilWorkbook.Build(withFinance: false);
        (await Samples.ImportAsync(database, workbook.Bytes(), Samples.Officer(ImportMode.Draft))).Applied.ShouldBeTrue();

        var historical = await Samples.ImportAsync(database, workbook.Bytes(), Samples.Admin(ImportMode.Historical));

        historical.Errors.ShouldBeEmpty();
        historical.Changes.ShouldContain(new ImportChange("ProjectUpdates", 2, "Updated", $"{CouncilWorkbook.ProjectCode} {CouncilWorkbook.Quarter}", "published"));
        await using (var db = database.CreateContext())
        {
            (await db.ProjectUpdates.SingleAsync()).State.ShouldBe(WorkflowState.Published);
        }

        // A published update changes no more by import (it is refused at its row), and the rest of the workbook with it.
        var changed = new TestWorkbook()
            .Sheet("Measures", Samples.MeasuresHeader).Sheet("Targets", Samples.TargetsHeader).Sheet("Outturns", Samples.OutturnsHeader)
            .Sheet("ProjectUpdates", CouncilWorkbook.UpdatesHeader, Row(CouncilWorkbook.ProjectCode, CouncilWorkbook.Quarter, "Amber", "Progressing", null, null, null, null, null, null));
        var refused = await Samples.ImportAsync(database, changed.Bytes(), Samples.Admin(ImportMode.Historical));
        refused.Errors.ShouldBe([new ImportError("ProjectUpdates", 2, "Period",
            $"The update of {CouncilWorkbook.ProjectCode} for {CouncilWorkbook.Quarter} is published and can no longer be changed.")]);
    }
}
