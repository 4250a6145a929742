using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>The import on PostgreSQL: a good workbook, its idempotent re-import, a changed figure and a refused workbook.</summary>
public sealed class WorkbookImportOnPostgreSql
{
    [PostgreSqlFact]
    public async Task ImportsReimportsAndRefusesAsOnSqlite()
    {
        await using var database = await Samples.DemoCouncilAsync(await TestDatabases.CreatePostgreSqlAsync());
        var workbook = Samples.Good("PG").Bytes();

        var first = await Samples.ImportAsync(database, workbook, Samples.Admin());
        first.Errors.ShouldBeEmpty();
        first.Count("Outturns").Created.ShouldBe(3);
        var state = await DatabaseState.OfAsync(database, "AuditEntries");

        var again = await Samples.ImportAsync(database, workbook, Samples.Admin());
        again.Counts.Sum(c => c.Created + c.Updated).ShouldBe(0);
        (await DatabaseState.OfAsync(database, "AuditEntries")).ShouldBe(state);

        var bad = await Samples.ImportAsync(database, Samples.Good("PG", p => { p.Outturns![1][2] = 90.5; p.Outturns[2][2] = "lots"; }).Bytes(), Samples.Admin());
        bad.Applied.ShouldBeFalse();
        bad.Errors.ShouldHaveSingleItem().Column.ShouldBe("Value");
        (await DatabaseState.OfAsync(database, "AuditEntries")).ShouldBe(state);

        var changed = await Samples.ImportAsync(database, Samples.Good("PG", p => p.Outturns![1][2] = 90.5).Bytes(), Samples.Officer(Application.Import.ImportMode.Draft));
        changed.Applied.ShouldBeFalse(); // published figures are locked for an officer
        var corrected = await Samples.ImportAsync(database, Samples.Good("PG", p => p.Outturns![1][2] = 90.5).Bytes(), Samples.Admin());
        corrected.Revisions.ShouldBe(1);
        await using var db = database.CreateContext();
        var revision = await db.OutturnRevisions.SingleAsync(r => r.Outturn.Measure.Code == "PG-PCT");
        (revision.OldValue, revision.NewValue, revision.Kind, revision.Reason).ShouldBe((84.8m, 90.5m, RevisionKind.Import, "import"));
    }

    [PostgreSqlFact]
    public async Task FiguresChangedToAStatusAndToAnotherValueAreWrittenTogether()
    {
        await using var database = await Samples.DemoCouncilAsync(await TestDatabases.CreatePostgreSqlAsync());
        (await Samples.ImportAsync(database, Samples.Good("PV").Bytes(), Samples.Admin())).Applied.ShouldBeTrue();

        var changed = await Samples.ImportAsync(database, Samples.Good("PV", p =>
        {
            (p.Outturns![1][2], p.Outturns[1][3]) = (null, "TBC");
            p.Outturns[2][2] = 7;
        }).Bytes(), Samples.Admin());

        changed.Errors.ShouldBeEmpty();
        (changed.Count("Outturns").Updated, changed.Revisions).ShouldBe((2, 2));
        await using var db = database.CreateContext();
        var figures = await db.Outturns.Where(o => o.Measure.Code.StartsWith("PV-")).OrderBy(o => o.Id).ToListAsync();
        figures.Select(o => (o.Value, o.Status)).ShouldBe([(null, OutturnStatus.Tbc), (7m, null), (null, OutturnStatus.Tbc)]);
        figures.Select(o => o.Version).ShouldBe([3, 3, 2]); // recorded and published (2), then corrected (3)
    }
}
