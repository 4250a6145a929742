using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Demo;

/// <summary>
/// The demo council loads into an empty database and our rules reproduce the ratings the seed reports printed,
/// except the exceptions listed (with reasons) in docs/demo-data.md.
/// </summary>
public abstract class DemoCouncilTests(DatabaseFixture fixture)
{
    /// <summary>Printed ratings our rules do not reproduce: measure, period, and what differs (docs/demo-data.md, "Exceptions").</summary>
    public static readonly IReadOnlySet<string> KnownExceptions = new HashSet<string>(StringComparer.Ordinal)
    {
        // First period of a printed table: the report shows an arrow, our rule has no previous value.
        "PH-HV-01 2017/18 Q2 direction", "PH-DEV-01 2017/18 Q2 direction", "PH-BF-01 2017/18 Q2 direction",
        "ASC-CQC-01 Feb-19 direction", "ASC-DTOC-01 Apr-19 direction", "ASC-RES-01 Feb-19 direction",
        "ASC-RES-02 Feb-19 direction", "ASC-CC-01 Feb-19 direction", "PH-VOL-01 May-19 direction", "PH-WB-01 May-19 direction",

        // Breastfeeding 2017/18: the printed A, A, G for 51.38%, 51.95%, 49.37% fit no single target (garbled row).
        "PH-BF-01 2017/18 Q2 rating", "PH-BF-01 2017/18 Q3 rating", "PH-BF-01 2017/18 Q4 rating",

        // Printed Green although below the printed target (CQC 89.9% and 89.2% against 90%; contact centre 66% and 73.6% against 75%).
        "ASC-CQC-01 Jul-19 rating", "ASC-CQC-01 Aug-19 rating", "ASC-CC-01 Apr-19 rating", "ASC-CC-01 Aug-19 rating",

        // Self-directed support: printed Amber at 90.92% and 91.20% while higher and lower months are Green.
        "ASC-SDS-01 May-19 rating", "ASC-SDS-01 Jun-19 rating",

        // Delayed transfers: printed Green above a lower-is-better target; Aug-19's printed arrow contradicts 2.96 → 2.78.
        "ASC-DTOC-01 May-19 rating", "ASC-DTOC-02 Jun-19 rating", "ASC-DTOC-02 Aug-19 direction",

        // Residential placements: the report evidently rates a year-to-date monthly average, not the month's count.
        "ASC-RES-01 Mar-19 rating", "ASC-RES-01 Jul-19 rating", "ASC-RES-02 Sep-19 rating",
    };

    private static async Task<PerformanceWheelDbContext> LoadedAsync(DatabaseFixture fixture)
    {
        var db = fixture.Database.CreateContext();
        if (!await db.CouncilSettings.AnyAsync())
        {
            await new DemoCouncilLoader(db).LoadAsync();
        }

        return db;
    }

    public virtual async Task LoadsEveryPartOfTheSeedReports()
    {
        await using var db = await LoadedAsync(fixture);

        (await db.CouncilSettings.SingleAsync()).Name.ShouldBe("Demo County Council");
        (await db.Directorates.CountAsync()).ShouldBe(7);
        (await db.Segments.Select(s => s.Code).ToListAsync()).ShouldContain("C4");
        (await db.Measures.CountAsync(m => m.Code == "PH-HV-01")).ShouldBe(1);
        (await db.CriticalItems.CountAsync()).ShouldBeGreaterThanOrEqualTo(10);
        (await db.DirectorateKeyIssues.Include(k => k.Directorate).Where(k => k.Quarter == ReportingPeriod.Parse(DemoCouncilLoader.LatestQuarter))
            .Select(k => k.Directorate.Name).OrderBy(n => n).ToListAsync())
            .ShouldBe(["Adults Services", "Childrens Services", "Community Services", "Public Health"]);
        (await db.BudgetLines.CountAsync()).ShouldBe(7);
        (await db.Projects.CountAsync()).ShouldBeGreaterThan(10);
        (await db.Outturns.CountAsync(o => o.State != WorkflowState.Published)).ShouldBe(0);

        // Every directorate and every segment has measures of its own.
        var directorates = await db.Directorates.Select(d => d.Id).ToListAsync();
        var owners = await db.Measures.Select(m => m.DirectorateId).Distinct().ToListAsync();
        directorates.ShouldAllBe(d => owners.Contains(d));
        var segments = await db.Segments.Select(s => s.Id).ToListAsync();
        var measured = await db.Measures.Where(m => m.SegmentId != null).Select(m => m.SegmentId!.Value).Distinct().ToListAsync();
        segments.ShouldAllBe(s => measured.Contains(s));
    }

    // Issue 11: readers saw notes meant for developers ("Seed 002 prints…") and generated measures with the same title.
    public virtual async Task ReadersGetNoDeveloperNotesAndEveryMeasureHasItsOwnTitle()
    {
        await using var db = await LoadedAsync(fixture);
        var measures = await db.Measures.AsNoTracking().Select(m => new { m.Code, m.Title, m.DataNotes }).ToListAsync();

        measures.GroupBy(m => m.Title, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        foreach (var m in measures.Where(m => m.DataNotes is not null))
        {
            m.DataNotes!.ShouldNotMatch(@"(?i)\b(seed|the report|docs/|printed|prints|garbled|converted)\b", $"{m.Code}'s data notes are for developers");
        }
    }

    public virtual async Task ReproducesTheRatingsThePublishedReportsPrinted()
    {
        await using var db = await LoadedAsync(fixture);
        var published = DemoCouncilLoader.PublishedRatings();
        var measures = await db.Measures.AsNoTracking().Include(m => m.Targets).Where(m => published.Keys.Contains(m.Code)).ToListAsync();
        var outturns = await db.Outturns.AsNoTracking().ToListAsync();

        var compared = 0;
        var differences = new List<string>();
        foreach (var measure in measures)
        {
            var series = outturns.Where(o => o.MeasureId == measure.Id).ToDictionary(o => o.Period);
            foreach (var printed in published[measure.Code])
            {
                var period = ReportingPeriod.Parse(printed.Period);
                var result = MeasureEvaluator.Evaluate(measure, series, period);
                if (printed.Rag is { } rag)
                {
                    compared++;
                    RagStatusExtensions.TryParseLetterOrName(rag, out var expected).ShouldBeTrue();
                    if (result.Rating.Status != expected)
                    {
                        differences.Add($"{measure.Code} {period.Label} rating");
                    }
                }

                if (printed.DirectionFromPrevious is { } direction)
                {
                    compared++;
                    if (result.DirectionFromPrevious?.ToString() != direction)
                    {
                        differences.Add($"{measure.Code} {period.Label} direction");
                    }
                }
            }
        }

        compared.ShouldBeGreaterThan(100);
        differences.Except(KnownExceptions).ShouldBeEmpty("these printed ratings are not reproduced and not listed as exceptions");
        KnownExceptions.Except(differences).ShouldBeEmpty("these listed exceptions are now reproduced: take them off the list");
    }

    public virtual async Task ReproducesSeedZerosJudgedSegmentRatings()
    {
        await using var db = await LoadedAsync(fixture);
        var q2 = ReportingPeriod.Parse("2017/18 Q2");
        var assessments = await db.SegmentAssessments.AsNoTracking().Include(a => a.Segment).Where(a => a.Period == q2).ToListAsync();
        var ratings = assessments.ToDictionary(a => a.Segment.Code, a => a.Rag);

        ratings["P3"].ShouldBe(RagStatus.Red);
        ratings["P1"].ShouldBe(RagStatus.Amber);
        ratings["C4"].ShouldBe(RagStatus.Red);
        var c4 = assessments.Single(a => a.Segment.Code == "C4");
        c4.SuggestedRag.ShouldBe(RagStatus.Green);
        c4.Rationale.ShouldNotBeNullOrWhiteSpace();
        assessments.Count(a => a.Rag == RagStatus.Green).ShouldBe(6);
        assessments.Count(a => a.Rag == RagStatus.Amber).ShouldBe(4);
        assessments.Count(a => a.Rag == RagStatus.Red).ShouldBe(2);
    }

    public virtual async Task RefusesToLoadIntoADatabaseThatHoldsACouncil()
    {
        await using var db = await LoadedAsync(fixture);
        await Should.ThrowAsync<InvalidOperationException>(() => new DemoCouncilLoader(db).LoadAsync());
    }
}

public sealed class DemoCouncilOnSqlite(SqliteFixture fixture) : DemoCouncilTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact] public override Task LoadsEveryPartOfTheSeedReports() => base.LoadsEveryPartOfTheSeedReports();

    [Fact] public override Task ReproducesTheRatingsThePublishedReportsPrinted() => base.ReproducesTheRatingsThePublishedReportsPrinted();

    [Fact] public override Task ReadersGetNoDeveloperNotesAndEveryMeasureHasItsOwnTitle() => base.ReadersGetNoDeveloperNotesAndEveryMeasureHasItsOwnTitle();

    [Fact] public override Task ReproducesSeedZerosJudgedSegmentRatings() => base.ReproducesSeedZerosJudgedSegmentRatings();

    [Fact] public override Task RefusesToLoadIntoADatabaseThatHoldsACouncil() => base.RefusesToLoadIntoADatabaseThatHoldsACouncil();
}

public sealed class DemoCouncilOnPostgreSql(PostgreSqlFixture fixture) : DemoCouncilTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact] public override Task LoadsEveryPartOfTheSeedReports() => base.LoadsEveryPartOfTheSeedReports();

    [PostgreSqlFact] public override Task ReproducesTheRatingsThePublishedReportsPrinted() => base.ReproducesTheRatingsThePublishedReportsPrinted();

    [PostgreSqlFact] public override Task ReadersGetNoDeveloperNotesAndEveryMeasureHasItsOwnTitle() => base.ReadersGetNoDeveloperNotesAndEveryMeasureHasItsOwnTitle();

    [PostgreSqlFact] public override Task ReproducesSeedZerosJudgedSegmentRatings() => base.ReproducesSeedZerosJudgedSegmentRatings();

    [PostgreSqlFact] public override Task RefusesToLoadIntoADatabaseThatHoldsACouncil() => base.RefusesToLoadIntoADatabaseThatHoldsACouncil();
}

public sealed class DemoCouncilOnSqlServer(SqlServerFixture fixture) : DemoCouncilTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact] public override Task LoadsEveryPartOfTheSeedReports() => base.LoadsEveryPartOfTheSeedReports();

    [SqlServerFact] public override Task ReproducesTheRatingsThePublishedReportsPrinted() => base.ReproducesTheRatingsThePublishedReportsPrinted();

    [SqlServerFact] public override Task ReadersGetNoDeveloperNotesAndEveryMeasureHasItsOwnTitle() => base.ReadersGetNoDeveloperNotesAndEveryMeasureHasItsOwnTitle();

    [SqlServerFact] public override Task ReproducesSeedZerosJudgedSegmentRatings() => base.ReproducesSeedZerosJudgedSegmentRatings();

    [SqlServerFact] public override Task RefusesToLoadIntoADatabaseThatHoldsACouncil() => base.RefusesToLoadIntoADatabaseThatHoldsACouncil();
}
