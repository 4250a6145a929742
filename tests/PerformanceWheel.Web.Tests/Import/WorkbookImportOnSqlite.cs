using PerformanceWheel.TestSupport;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>The import engine on the demo council (SQLite): what a good workbook creates, how cells are read, the states and revisions.</summary>
public sealed class WorkbookImportOnSqlite(DemoCouncilDatabase demo) : IClassFixture<DemoCouncilDatabase>
{
    private Data.PerformanceWheelDbContext Db() => demo.Database.CreateContext();

    [Fact]
    public async Task AGoodWorkbookCreatesEverythingItDescribes()
    {
        var report = await Samples.ImportAsync(demo.Database, Samples.Good("GA").Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        report.Applied.ShouldBeTrue();
        report.Count("Segments").Created.ShouldBe(1);
        report.Count("Measures").Created.ShouldBe(3);
        report.Count("Targets").Created.ShouldBe(3);
        report.Count("Outturns").Created.ShouldBe(3);
        report.Count("Directorates").Created.ShouldBe(1);
        report.Count("Committees").Created.ShouldBe(1);

        await using var db = Db();
        var pct = await db.Measures.Include(m => m.Segment).ThenInclude(s => s!.Group).Include(m => m.Committees).Include(m => m.Targets).SingleAsync(m => m.Code == "GA-PCT");
        pct.Segment!.Code.ShouldBe("GAS");
        pct.Segment.Group.Name.ShouldBe(Samples.Ring);
        pct.Unit.Kind.ShouldBe(Domain.Framework.UnitKind.Percent);
        pct.Tolerance.ShouldBe(Tolerance.Percent(5));
        pct.SteadyThreshold.ShouldBe(0.5m);
        pct.Committees.Select(c => c.Code).Order().ShouldBe(["GAC", "P"]);
        pct.Description.ShouldBe("A % measure");
        pct.Targets.Single().Value.ShouldBe(80m);
        var mon = await db.Measures.Include(m => m.Directorate).SingleAsync(m => m.Code == "GA-MON");
        mon.Directorate.Name.ShouldBe("GA Directorate");
        mon.Aggregation.ShouldBe(Aggregation.Average);
        mon.Tolerance.ShouldBe(Tolerance.Absolute(2));
        var rng = await db.Measures.Include(m => m.Targets).SingleAsync(m => m.Code == "GA-RNG");
        (rng.Targets.Single().Low, rng.Targets.Single().High).ShouldBe((5m, 10m));

        var figures = await db.Outturns.Where(o => o.Measure.Code.StartsWith("GA-")).ToListAsync();
        figures.Count.ShouldBe(3);
        figures.ShouldAllBe(o => o.State == WorkflowState.Published);
        figures.Single(o => o.Period == ReportingPeriod.Parse("2019/20 Q2")).Value.ShouldBe(84.8m);
        figures.Single(o => o.Period == ReportingPeriod.Parse("Sep-19")).IsProvisional.ShouldBeTrue();
        var tbc = figures.Single(o => o.Period == ReportingPeriod.Parse("Oct-19"));
        (tbc.Value, tbc.Status, tbc.Commentary).ShouldBe((null, OutturnStatus.Tbc, "Awaiting the return"));
        (await db.AuditEntries.CountAsync(a => a.Action == "Imported" && a.EntityType == "Workbook import")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AnImportedDraftRecordsWhoEnteredIt()
    {
        // Separation of duties reads who entered a figure; the import's bulk writes used to leave it out.
        (await Samples.ImportAsync(demo.Database, Samples.Good("GQ").Bytes(), Samples.Officer())).Applied.ShouldBeTrue();

        await using var db = Db();
        var figures = await db.Outturns.Where(o => o.Measure.Code.StartsWith("GQ-")).ToListAsync();
        figures.ShouldNotBeEmpty();
        figures.ShouldAllBe(o => o.State == WorkflowState.Draft && o.EnteredBy == "officer@demo.council");
    }

    [Fact]
    public async Task ReimportingTheSameRowsChangesNothing()
    {
        var workbook = Samples.Good("GB").Bytes();
        (await Samples.ImportAsync(demo.Database, workbook, Samples.Admin())).Applied.ShouldBeTrue();
        var before = await DatabaseState.OfAsync(demo.Database, "AuditEntries");

        var again = await Samples.ImportAsync(demo.Database, workbook, Samples.Admin());

        again.Applied.ShouldBeTrue();
        again.Counts.Sum(c => c.Created + c.Updated).ShouldBe(0);
        again.Count("Measures").Unchanged.ShouldBe(3);
        again.Count("Targets").Unchanged.ShouldBe(3);
        again.Count("Outturns").Unchanged.ShouldBe(3);
        again.Revisions.ShouldBe(0);
        (await DatabaseState.OfAsync(demo.Database, "AuditEntries")).ShouldBe(before);
    }

    [Fact]
    public async Task AChangedValueKeepsARevisionWithTheReasonImport()
    {
        (await Samples.ImportAsync(demo.Database, Samples.Good("GC").Bytes(), Samples.Admin())).Applied.ShouldBeTrue();

        var changed = await Samples.ImportAsync(demo.Database, Samples.Good("GC", p => p.Outturns![1][2] = 86.1).Bytes(), Samples.Admin());

        changed.Applied.ShouldBeTrue();
        changed.Count("Outturns").Updated.ShouldBe(1);
        changed.Revisions.ShouldBe(1);
        await using var db = Db();
        var revision = await db.OutturnRevisions.Include(r => r.Outturn).ThenInclude(o => o.Measure).SingleAsync(r => r.Outturn.Measure.Code == "GC-PCT");
        (revision.OldValue, revision.NewValue, revision.Kind, revision.Reason, revision.ChangedBy).ShouldBe((84.8m, 86.1m, RevisionKind.Import, "import", "admin@demo.council"));
        revision.Outturn.State.ShouldBe(WorkflowState.Published);
    }

    [Fact]
    public async Task PercentFormattedCellsAreReadInTheMeasuresUnit()
    {
        var workbook = Samples.Good("GD", p => p.Outturns =
        [
            Samples.OutturnsHeader,
            Row("GD-PCT", "2019/20 Q1", new Percent(0.848), null, null, null),
            Row("GD-PCT", "2019/20 Q2", new Percent(0.901, Custom: true), null, null, null),
            Row("GD-PCT", "2019/20 Q3", "85.5%", null, null, null),
            Row("GD-MON", "Sep-19", new Percent(0.5), null, null, null),
        ]);

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        (await ValueAsync("GD-PCT", "2019/20 Q1")).ShouldBe(84.8m);
        (await ValueAsync("GD-PCT", "2019/20 Q2")).ShouldBe(90.1m);
        (await ValueAsync("GD-PCT", "2019/20 Q3")).ShouldBe(85.5m);
        (await ValueAsync("GD-MON", "Sep-19")).ShouldBe(0.5m); // not a % measure: the stored number
    }

    [Fact]
    public async Task FormulaCellsAreReadByTheirCachedValue()
    {
        var workbook = Samples.Good("GE", p => p.Outturns =
        [
            Samples.OutturnsHeader,
            Row(new Formula("\"GE-\"&\"PCT\"", "GE-PCT"), "2019/20 Q2", new Formula("=B9*100", 81.25), null, null, new Formula("=\"Com\"&\"mentary\"", "Commentary")),
        ]);

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        (await ValueAsync("GE-PCT", "2019/20 Q2")).ShouldBe(81.25m);
        await using var db = Db();
        (await db.Outturns.SingleAsync(o => o.Measure.Code == "GE-PCT")).Commentary.ShouldBe("Commentary");
    }

    [Fact]
    public async Task AFormulaWithoutAResultIsAnError()
    {
        var workbook = Samples.Good("GF", p => p.Outturns![1][2] = new Formula("=1+1", null));

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldHaveSingleItem().ShouldBe(new ImportError("Outturns", 2, "Value",
            "The cell has a formula without a saved result; open the workbook in Excel, let it calculate and save it again."));
    }

    [Fact]
    public async Task SharedAndInlineStringsAreBothRead()
    {
        var workbook = Samples.Good("GG", p =>
        {
            p.Measures![1][0] = new Inline("GG-PCT");
            p.Measures[1][1] = new Inline("Inline title");
            p.Outturns![1][0] = new Inline("GG-PCT");
            p.Outturns[1][5] = new Inline("Inline commentary");
        });

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        await using var db = Db();
        (await db.Measures.SingleAsync(m => m.Code == "GG-PCT")).Title.ShouldBe("Inline title");
        (await db.Outturns.SingleAsync(o => o.Measure.Code == "GG-PCT")).Commentary.ShouldBe("Inline commentary");
    }

    [Fact]
    public async Task PeriodsAreReadFromLabelsTextAndDateCells()
    {
        var workbook = Samples.Good("GH", p => p.Outturns =
        [
            Samples.OutturnsHeader,
            Row("GH-MON", "Sep-19", 9, null, null, null),
            Row("GH-MON", new DateCell(new DateTime(2019, 10, 15)), 8, null, null, null),
            Row("GH-MON", new DateCell(new DateTime(2019, 11, 1), Custom: true), 7, null, null, null),
            Row("GH-MON", "2019-12", 6, null, null, null),
            Row("GH-MON", "January 2020", 5, null, null, null),
            Row("GH-PCT", "Q3 2019/20", 70, null, null, null),
            Row("GH-PCT", "2019/20 Q4", 75, null, null, null),
        ]);

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        (await ValueAsync("GH-MON", "Sep-19")).ShouldBe(9m);
        (await ValueAsync("GH-MON", "Oct-19")).ShouldBe(8m);
        (await ValueAsync("GH-MON", "Nov-19")).ShouldBe(7m);
        (await ValueAsync("GH-MON", "Dec-19")).ShouldBe(6m);
        (await ValueAsync("GH-MON", "Jan-20")).ShouldBe(5m);
        (await ValueAsync("GH-PCT", "2019/20 Q3")).ShouldBe(70m);
        (await ValueAsync("GH-PCT", "2019/20 Q4")).ShouldBe(75m);
    }

    [Fact]
    public async Task HeadersIgnoreCaseAndSpacesExtraColumnsAndSheetsAreIgnoredAndBlankRowsSkipped()
    {
        var workbook = Samples.Good("GI", p =>
        {
            p.Outturns =
            [
                Row("  code ", "PERIOD", "value  ", "Notes", "status", " Provisional", "COMMENTARY"),
                Row(),
                Row("GI-PCT", "2019/20 Q2", 84.8, "ignored", null, "n", "ok"),
                Row(null, null, null, "only a note: skipped"),
                Row(null, null, null, null, null, null, null),
                Row("GI-MON", "Sep-19", 9, null, null, "y", null),
            ];
            p.Extra.Add(("Read me", [Row("Anything"), Row("at all")]));
            p.Measures![0][1] = "TITLE";
        });

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBeEmpty();
        report.Count("Outturns").Rows.ShouldBe(2);
        report.Count("Outturns").Created.ShouldBe(2);
        (await ValueAsync("GI-PCT", "2019/20 Q2")).ShouldBe(84.8m);
        (await ValueAsync("GI-MON", "Sep-19")).ShouldBe(9m);
    }

    [Fact]
    public async Task AnAdminsHistoricalImportPublishesEveryoneElsesIsDraft()
    {
        (await Samples.ImportAsync(demo.Database, Samples.Good("GJ").Bytes(), Samples.Admin())).Applied.ShouldBeTrue();
        (await Samples.ImportAsync(demo.Database, Samples.Good("GK").Bytes(), Samples.Officer())).Applied.ShouldBeTrue();
        (await Samples.ImportAsync(demo.Database, Samples.Good("GL").Bytes(), Samples.Admin(ImportMode.Draft))).Applied.ShouldBeTrue();
        var refused = await Samples.ImportAsync(demo.Database, Samples.Good("GM").Bytes(), Samples.Officer(ImportMode.Historical));

        await using var db = Db();
        (await db.Outturns.Where(o => o.Measure.Code.StartsWith("GJ-")).Select(o => o.State).Distinct().ToListAsync()).ShouldBe([WorkflowState.Published]);
        (await db.Outturns.Where(o => o.Measure.Code.StartsWith("GK-")).Select(o => o.State).Distinct().ToListAsync()).ShouldBe([WorkflowState.Draft]);
        (await db.Outturns.Where(o => o.Measure.Code.StartsWith("GL-")).Select(o => o.State).Distinct().ToListAsync()).ShouldBe([WorkflowState.Draft]);
        refused.Applied.ShouldBeFalse();
        refused.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Only an Admin can import in historical mode");
    }

    [Fact]
    public async Task AnOfficerCannotOverwriteAPublishedFigureButAnAdminsHistoricalImportCorrectsIt()
    {
        (await Samples.ImportAsync(demo.Database, Samples.Good("GN").Bytes(), Samples.Admin())).Applied.ShouldBeTrue();
        var changed = Samples.Good("GN", p => p.Outturns![1][2] = 70).Bytes();
        var before = await DatabaseState.OfAsync(demo.Database);

        var officer = await Samples.ImportAsync(demo.Database, changed, Samples.Officer());

        officer.Applied.ShouldBeFalse();
        officer.Errors.ShouldHaveSingleItem().ShouldBe(new ImportError("Outturns", 2, "Value",
            "GN-PCT 2019/20 Q2 is published and locked; only an Admin importing in historical mode can change it."));
        (await DatabaseState.OfAsync(demo.Database)).ShouldBe(before);

        var admin = await Samples.ImportAsync(demo.Database, changed, Samples.Admin());
        admin.Applied.ShouldBeTrue();
        (await ValueAsync("GN-PCT", "2019/20 Q2")).ShouldBe(70m);
    }

    [Fact]
    public async Task ValidatingWritesNothingAndPreviewsTheChanges()
    {
        var before = await DatabaseState.OfAsync(demo.Database);
        using var stream = new MemoryStream(Samples.Good("GO").Bytes());

        var report = await Samples.Importer(demo.Database).ValidateAsync(stream, Samples.Admin());

        report.IsValid.ShouldBeTrue();
        report.Applied.ShouldBeFalse();
        report.Count("Measures").Created.ShouldBe(3);
        report.Changes.ShouldContain(c => c.Sheet == "Outturns" && c.Key == "GO-PCT 2019/20 Q2" && c.Action == "Created" && c.Detail == "84.8, published");
        (await DatabaseState.OfAsync(demo.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task EveryErrorIsListedWithItsSheetRowAndColumn()
    {
        var workbook = Samples.Good("GP", p =>
        {
            p.Measures![2][4] = "Sideways";
            p.Targets![1][1] = "2019";
            p.Outturns![1][2] = "eighty";
            p.Outturns[2][4] = "maybe";
        });

        var report = await Samples.ImportAsync(demo.Database, workbook.Bytes(), Samples.Admin());

        report.Errors.ShouldBe(
        [
            new ImportError("Measures", 3, "Polarity", "'Sideways' is not allowed here. Polarity must be Higher is better, Lower is better or Within range."),
            new ImportError("Targets", 2, "Year", "'2019' is not a financial year; expected a label such as 2019/20."),
            new ImportError("Outturns", 2, "Value", "'eighty' is not a number. Enter digits, such as 84.8."),
            new ImportError("Outturns", 3, "Provisional", "'maybe' is not Y or N."),
        ]);
    }

    private async Task<decimal?> ValueAsync(string code, string period)
    {
        await using var db = Db();
        var p = ReportingPeriod.Parse(period);
        return (await db.Outturns.SingleAsync(o => o.Measure.Code == code && o.Period == p)).Value;
    }
}
