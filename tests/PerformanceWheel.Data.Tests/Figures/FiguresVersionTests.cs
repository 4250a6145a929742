using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Figures;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Data.Tests.TestData;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Figures;

/// <summary>
/// The figures version goes up with every saved change to something a page shows, in the same transaction (a change
/// rolled back leaves it where it was), and stays put for changes no page shows (sign-in audit, failed attempts, API keys).
/// </summary>
public abstract class FiguresVersionTests(DatabaseFixture fixture)
{
    private static readonly ReportingPeriod September = ReportingPeriod.Parse("Sep-19");
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2019/20 Q2");

    /// <summary>Each kind of change a page shows, made on a measure (with a segment, committee and outturn) saved beforehand.</summary>
    public static TheoryData<string> ShownChanges() =>
    [
        "a new measure", "a figure entered", "a figure published", "a target set", "a measure retitled", "a committee tagged",
        "a plan renamed", "a segment added", "a directorate renamed", "a committee renamed", "an assessment judged",
        "a critical item", "a quarter published", "a project", "a project update", "a budget line", "a budget position",
        "the council's settings", "a scheme change", "a person's display name", "a figure deleted",
    ];

    public virtual async Task EveryChangeAPageShowsRaisesTheVersion(string change)
    {
        var (measure, outturn) = await SavedMeasureWithFigureAsync();
        var before = await CurrentAsync();

        await using (var db = fixture.Database.CreateContext())
        {
            await MakeAsync(db, change, measure, outturn);
            await db.SaveChangesAsync();
        }

        (await CurrentAsync()).ShouldBeGreaterThan(before, change);
    }

    public virtual async Task ChangesNoPageShowsLeaveTheVersion()
    {
        var user = new AppUser { UserName = Arrange.Unique("user"), DisplayName = "Pat Example" };
        await fixture.Database.SavedAsync(user);
        var before = await CurrentAsync();

        await using (var db = fixture.Database.CreateContext())
        {
            db.AuditEntries.Add(new AuditEntry("pat", Arrange.Monday, "SignIn", "User", user.Id, null));
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.AccessFailedCount++;
            stored.SecurityStamp = Guid.NewGuid().ToString();
            db.ApiKeys.Add(new ApiKey("reader", Arrange.Unique("k"), new string('a', 64), Roles.Councillor, [], false, "admin", Arrange.Monday));
            await db.SaveChangesAsync();
        }

        (await CurrentAsync()).ShouldBe(before);
    }

    public virtual async Task AChangeRolledBackLeavesTheVersion()
    {
        var (measure, _) = await SavedMeasureWithFigureAsync();
        var before = await CurrentAsync();

        await using (var db = fixture.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Attach(measure).Entity.Describe("Not kept", null, null);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await CurrentAsync()).ShouldBe(before);
    }

    public virtual async Task FiguresWrittenInBulkRaiseTheVersionInTheirTransaction()
    {
        var measure = await fixture.Database.SavedAsync(Arrange.Measure());
        var before = await CurrentAsync();
        var outturn = measure.NewOutturn(September);
        outturn.Record(10m, null, false, null, "importer", Arrange.Monday);

        await using (var db = fixture.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await OutturnBulkWrites.InsertAsync(db, [outturn], CancellationToken.None);
            await transaction.RollbackAsync();
        }

        (await CurrentAsync()).ShouldBe(before);

        await using (var db = fixture.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await OutturnBulkWrites.InsertAsync(db, [outturn], CancellationToken.None);
            await transaction.CommitAsync();
        }

        (await CurrentAsync()).ShouldBeGreaterThan(before);
    }

    /// <summary>A year no other test in the class's database used for the same kind of row (quarters published, budget positions).</summary>
    private static FinancialYear AnyYear() => new(1990 + Random.Shared.Next(0, 200));

    private async Task<long> CurrentAsync()
    {
        await using var db = fixture.Database.CreateContext();
        return await FiguresVersions.CurrentAsync(db, CancellationToken.None);
    }

    private async Task<(Measure Measure, Outturn Outturn)> SavedMeasureWithFigureAsync()
    {
        var segment = Arrange.Segment();
        var measure = Arrange.Measure();
        measure.AssignTo(measure.Directorate, segment);
        measure.TagCommittee(new Committee(Arrange.Unique("C"), "Scrutiny"));
        var outturn = measure.NewOutturn(September);
        outturn.Record(10m, null, false, "Words", "officer", Arrange.Monday);
        await using var db = fixture.Database.CreateContext();
        db.AddRange(segment, measure, outturn);
        await db.SaveChangesAsync();
        return (measure, outturn);
    }

    private static async Task MakeAsync(PerformanceWheelDbContext db, string change, Measure measure, Outturn outturn)
    {
        var stored = await db.Measures.Include(m => m.Directorate).Include(m => m.Segment!).ThenInclude(s => s.Group).ThenInclude(g => g.Plan)
            .Include(m => m.Committees).Include(m => m.Targets).SingleAsync(m => m.Id == measure.Id);
        var figure = await db.Outturns.SingleAsync(o => o.Id == outturn.Id);
        var segment = stored.Segment!;
        switch (change)
        {
            case "a new measure": db.Add(Arrange.Measure()); break;
            case "a figure entered": figure.Record(11m, null, false, "Words", "officer", Arrange.Monday.AddHours(1)); break;
            case "a figure published":
                foreach (var state in new[] { WorkflowState.Submitted, WorkflowState.Approved, WorkflowState.Published })
                {
                    figure.MoveTo(state, "admin", Arrange.Monday.AddHours(1));
                }

                break;
            case "a target set": stored.SetTarget(new FinancialYear(2019), null, 12m, null, null); break;
            case "a measure retitled": stored.Describe("Another title", null, null); break;
            case "a committee tagged": stored.TagCommittee(new Committee(Arrange.Unique("C"), "Cabinet")); break;
            case "a plan renamed": segment.Group.Plan.Rename(Arrange.Unique("Plan")); break;
            case "a segment added": segment.Group.AddSegment(Arrange.Unique("S"), "Another segment", null, 2); break;
            case "a directorate renamed": stored.Directorate.Rename(Arrange.Unique("Directorate")); break;
            case "a committee renamed": stored.Committees.First().Rename("Overview and Scrutiny"); break;
            case "an assessment judged":
                var assessment = new SegmentAssessment(segment, Q2);
                assessment.Judge(RagStatus.Amber, "Pressure", Direction.Steady, "officer", Arrange.Monday);
                db.Add(assessment);
                break;
            case "a critical item": db.Add(new CriticalItem(stored, Q2, "Issue", "Action", "Owner")); break;
            case "a quarter published": db.Add(new QuarterPublication(ReportingPeriod.ForQuarter(AnyYear(), 2), "admin", Arrange.Monday)); break;
            case "a project": db.Add(new Project(Arrange.Unique("P"), "A project", segment)); break;
            case "a project update":
                var project = new Project(Arrange.Unique("P"), "A project", segment);
                db.Add(project);
                await db.SaveChangesAsync();
                project.Report(Q2, RagStatus.Green, ProjectDirection.Progressing, "Well", null, null);
                break;
            case "a budget line": db.Add(new BudgetLine(Arrange.Unique("Area"), Q2, 10m, 11m)); break;
            case "a budget position": db.Add(new BudgetPosition(ReportingPeriod.ForQuarter(AnyYear(), 2), 1.5m, RagStatus.Amber, null)); break;
            case "the council's settings":
                var settings = await db.CouncilSettings.FirstOrDefaultAsync();
                if (settings is null)
                {
                    db.Add(new CouncilSettings("Our Council"));
                }
                else
                {
                    settings.Rename(Arrange.Unique("Council"));
                }

                break;
            case "a scheme change":
                var council = await db.CouncilSettings.FirstOrDefaultAsync() ?? db.Add(new CouncilSettings("Our Council")).Entity;
                await db.SaveChangesAsync();
                council.ChangeScheme(10m, false, SegmentRatingMethod.WorstOf);
                break;
            case "a person's display name":
                var user = new AppUser { UserName = Arrange.Unique("user"), DisplayName = "Pat Example" };
                db.Users.Add(user);
                await db.SaveChangesAsync();
                await db.SaveChangesAsync();
                user.DisplayName = "Pat Renamed";
                break;
            case "a figure deleted": db.Remove(figure); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "No such change in this test.");
        }
    }
}

public sealed class FiguresVersionOnSqlite(SqliteFixture fixture) : FiguresVersionTests(fixture), IClassFixture<SqliteFixture>
{
    [Theory]
    [MemberData(nameof(ShownChanges))]
    public override Task EveryChangeAPageShowsRaisesTheVersion(string change) => base.EveryChangeAPageShowsRaisesTheVersion(change);

    [Fact]
    public override Task ChangesNoPageShowsLeaveTheVersion() => base.ChangesNoPageShowsLeaveTheVersion();

    [Fact]
    public override Task AChangeRolledBackLeavesTheVersion() => base.AChangeRolledBackLeavesTheVersion();

    [Fact]
    public override Task FiguresWrittenInBulkRaiseTheVersionInTheirTransaction() => base.FiguresWrittenInBulkRaiseTheVersionInTheirTransaction();
}

public sealed class FiguresVersionOnPostgreSql(PostgreSqlFixture fixture) : FiguresVersionTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public Task PublishingAFigureRaisesTheVersion() => EveryChangeAPageShowsRaisesTheVersion("a figure published");

    [PostgreSqlFact]
    public override Task ChangesNoPageShowsLeaveTheVersion() => base.ChangesNoPageShowsLeaveTheVersion();

    [PostgreSqlFact]
    public override Task AChangeRolledBackLeavesTheVersion() => base.AChangeRolledBackLeavesTheVersion();

    [PostgreSqlFact]
    public override Task FiguresWrittenInBulkRaiseTheVersionInTheirTransaction() => base.FiguresWrittenInBulkRaiseTheVersionInTheirTransaction();
}
