using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Finance;

/// <summary>The workbook's BudgetLines and BudgetPosition sheets: all or nothing, each problem at its sheet, row and column.</summary>
public sealed class FinanceImportOnSqlite(DemoCouncilDatabase demo) : IClassFixture<DemoCouncilDatabase>
{
    [Fact]
    public async Task EveryProblemIsReportedAtItsCellAndNothingIsWritten()
    {
        var workbook = FinanceTestData.Workbook(
        [
            Row("2023/24 Q1", "Adult Services", 317.674, 322.015, null),
            Row("2023/24 Q1", "Children's Services", "abc", 132.428, null),
            Row("2023/24", "Commissioning", 46.649, 42.47, null),
            Row("2023/24 Q1", "adult services", 1, 2, null),
            Row("2023/24 Q1", "Chief Executive", 30.603, null, null),
        ],
        [
            Row("2023/24 Q1", -1.2, "Purple", null),
        ]);

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin(ImportMode.Draft));

        report.Applied.ShouldBeFalse(string.Join("\n", report.Counts.Select(c => c.ToString())) + string.Join("\n", report.Warnings.Select(c => c.ToString())));
        report.Errors.Select(e => (e.Sheet, e.Row, e.Column)).ShouldBe(
        [
            ("BudgetLines", 3, "Approved budget"),
            ("BudgetLines", 4, "Period"),
            ("BudgetLines", 5, "Service area"),
            ("BudgetLines", 6, "Forecast outturn"),
            ("BudgetPosition", 2, "Rating"),
        ], ignoreOrder: true);
        report.Errors.Single(e => e.Row == 3).Message.ShouldBe("Approved budget: 'abc' is not a number. Enter digits, such as 84.8.");
        report.Errors.Single(e => e.Row == 6).Message.ShouldBe("Forecast outturn is required: enter it in £m, such as 12.5.");
        await using var db = demo.Database.CreateContext();
        (await FinanceTestData.LinesAsync(db, "2023/24 Q1")).ShouldBeEmpty();
        (await db.BudgetPositions.CountAsync(p => p.Commentary == null && p.VarianceMillions == -1.2m)).ShouldBe(0);
    }

    [Fact]
    public async Task AGoodSheetAddsUpdatesAndRemovesLinesAndIsCounted()
    {
        var first = FinanceTestData.Workbook(
            [Row("2023/24 Q2", "Adult Services", 317.674, 322.015, null), Row("2023/24 Q2", "Commissioning", 46.649, 42.47, "N")],
            [Row("2023/24 Q2", -1.2, "Amber", "Pressures in placements")]);
        (await Samples.ImportAsync(demo.Database, first.Bytes(), Samples.Admin(ImportMode.Draft))).Applied.ShouldBeTrue();

        var second = FinanceTestData.Workbook(
            [Row("2023/24 Q2", "Adult Services", 317.674, 320, null), Row("2023/24 Q2", "Commissioning", null, null, "Y")], null);
        var report = await Samples.ImportAsync(demo.Database, second.Bytes(), Samples.Admin(ImportMode.Draft));

        report.Applied.ShouldBeTrue();
        report.Count("Budget lines").ShouldBe(new ImportCount("Budget lines", 2, 0, 2, 0, 0));
        report.Changes.Select(c => (c.Sheet, c.Row, c.Action)).ShouldBe([("BudgetLines", 2, "Updated"), ("BudgetLines", 3, "Removed")]);
        await using var db = demo.Database.CreateContext();
        (await FinanceTestData.LinesAsync(db, "2023/24 Q2")).ShouldBe(["Adult Services: 317.674 / 320.0"]);
        (await FinanceTestData.AuditAsync(db, "2023/24 Q2")).ShouldContain("Updated | Budget line | 2023/24 Q2 Adult Services | Forecast outturn £m: 322.015 → 320.0");
    }

    [Fact]
    public async Task APublishedQuartersFinanceChangesOnlyInAnAdminsHistoricalImport()
    {
        // 2016/17 Q4 is published in the demo council, with seed 004's lines.
        var workbook = FinanceTestData.Workbook([Row("2016/17 Q4", "Adult Services", 317.674, 330, null)], null);

        var draft = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Officer(ImportMode.Draft));
        draft.Errors.ShouldHaveSingleItem().ShouldBe(new ImportError("BudgetLines", 2, "Period",
            "2016/17 Q4 is published: its finance changes only in an Admin's historical import, or on the finance entry page with a reason."));

        var historical = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin(ImportMode.Historical));
        historical.Applied.ShouldBeTrue();
        await using var db = demo.Database.CreateContext();
        (await FinanceTestData.AuditAsync(db, "2016/17 Q4")).ShouldContain("Updated | Budget line | 2016/17 Q4 Adult Services | Forecast outturn £m: 322.015 → 330.0; Reason: import");
    }
}
