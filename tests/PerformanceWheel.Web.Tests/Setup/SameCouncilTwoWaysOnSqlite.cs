using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>
/// Issue 18, acceptance 2: the new-council journey's council set up and filled from one workbook (an Admin's historical
/// import, after the rating scheme, which no sheet holds, is set on the settings page's command) is the council built
/// through the commands the pages use (plan, rings, segments, directorates, measures, targets, figures entered,
/// submitted, approved and published, the project and its update, the finance): the same rows, the same ratings on the
/// wheel and the scorecards, the same published finance and project update.
/// </summary>
public sealed class SameCouncilTwoWaysOnSqlite
{
    private const string By = NewCouncil.AdminEmail;
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse(CouncilWorkbook.Quarter);
    private static readonly ReportingPeriod LastYear = ReportingPeriod.Parse(CouncilWorkbook.LastYearsQuarter);

    [Fact]
    public Task TheCouncilFromOneWorkbookIsTheCouncilBuiltThroughThePagesCommands() =>
        CompareAsync(TestDatabases.CreateSqlite(), TestDatabases.CreateSqlite());

    /// <summary>Builds the council both ways, one in each database, and compares them.</summary>
    internal static async Task CompareAsync(TestDatabase first, TestDatabase second)
    {
        await using var fromWorkbook = NewCouncil.Start(first);
        await using var fromCommands = NewCouncil.Start(second);

        await SchemeAsync(fromWorkbook);
        await using (var scope = fromWorkbook.Services.CreateAsyncScope())
        {
            using var stream = new MemoryStream(CouncilWorkbook.Build().Bytes());
            var report = await scope.ServiceProvider.GetRequiredService<WorkbookImporter>()
                .ImportAsync(stream, new ImportRequest(By, true, ImportMode.Historical, "riverside.xlsx"));
            report.Errors.ShouldBeEmpty();
            report.Applied.ShouldBeTrue();
        }

        await SchemeAsync(fromCommands);
        await BuildThroughTheCommandsAsync(fromCommands);

        var expected = await DescribeAsync(fromCommands);
        var actual = await DescribeAsync(fromWorkbook);

        actual.ShouldBe(expected);
        actual.ShouldContain("wheel RV-PE-01 Blue", "56 against 50 exceeds the target by 12%: Blue at 10%");
        actual.ShouldContain("wheel RV-PE-03 Red", "beyond tolerance and worse than last year (85)");
        actual.ShouldContain("wheel RV-PC-01 Amber", "beyond tolerance but better than last year (60): the last-year rule");
        actual.ShouldContain("finance line 2026/27 Q2 Environment and waste 12.5 13.1");
        actual.ShouldContain("project update RV-PRJ-01 2026/27 Q2 Published Green Progressing Design agreed with residents | Contractor availability | Start on site | " +
            "Design signed off 2026-07-31 Achieved; Library reopens 2027-03-31 OnTrack");
    }

    private static async Task SchemeAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CouncilSettingsAdministration>()
            .SaveSchemeAsync(new SchemeDraft(LastYear.Year.Label, 10m, true, SegmentRatingMethod.Majority), By);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Problems));
    }

    private static async Task<int> Saved(Task<ChangeResult> change)
    {
        var result = await change;
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Problems));
        return result.Id!.Value;
    }

    private static async Task BuildThroughTheCommandsAsync(AppFactory factory)
    {
        async Task With(Func<IServiceProvider, Task> step)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await step(scope.ServiceProvider);
        }

        var ids = new Dictionary<string, int>();
        await With(async s =>
        {
            var plan = await Saved(s.GetRequiredService<PlanCommands>().SaveAsync(null, new PlanDraft(CouncilWorkbook.Plan, "2025/26", "2028/29", false), By));
            foreach (var (ring, order) in CouncilWorkbook.Rings)
            {
                ids[ring] = await Saved(s.GetRequiredService<RingCommands>().SaveAsync(null, plan, ring, order, By));
            }

            foreach (var (code, title, ring, order) in CouncilWorkbook.Segments)
            {
                ids[code] = await Saved(s.GetRequiredService<SegmentCommands>().SaveAsync(null, new SegmentDraft(ids[ring], code, title, null, order, [], false), By));
            }

            foreach (var directorate in new[] { CouncilWorkbook.Place, CouncilWorkbook.People })
            {
                ids[directorate] = await Saved(s.GetRequiredService<DirectorateCommands>().SaveAsync(null, directorate, false, By));
            }

            foreach (var m in CouncilWorkbook.Measures)
            {
                var id = await Saved(s.GetRequiredService<MeasureCommands>().SaveAsync(null, new MeasureDraft(m.Code, m.Title, null, null, m.Unit, m.Unit == "%" ? 1 : 0,
                    m.HigherIsBetter ? Polarity.HigherIsBetter : Polarity.LowerIsBetter, Frequency.Quarterly, Aggregation.Snapshot, ToleranceType.Absolute,
                    m.Tolerance, 0, ids[m.Directorate], ids[m.Segment], [], null, null), By));
                await Saved(s.GetRequiredService<TargetCommands>().SetAsync(id, new TargetDraft("2026/27", null, m.Target, null, null), By));
            }

            await Saved(s.GetRequiredService<ProjectCommands>().SaveAsync(null, new ProjectDraft(CouncilWorkbook.ProjectCode, "Riverside library refurbishment", ids["RS4"], false, ids[CouncilWorkbook.People]), By));
        });

        var officer = new WorkflowUser(null, "officer@riverside.example", IsOfficer: true, IsDirector: false);
        await With(async s =>
        {
            var update = await s.GetRequiredService<ProjectUpdateCommands>().SaveAsync(officer, new ProjectUpdateInput(CouncilWorkbook.ProjectCode, Quarter.Label,
                "Green", "Progressing", "Design agreed with residents", "Contractor availability", "Start on site",
                [new MilestoneInput("Design signed off", "2026-07-31", "Achieved"), new MilestoneInput("Library reopens", "31/03/2027", "OnTrack")]));
            update.Succeeded.ShouldBeTrue(string.Join("; ", update.Problems));
        });
        await With(async s => (await s.GetRequiredService<ProjectUpdateCommands>().SubmitAsync(officer, CouncilWorkbook.People, Quarter)).Succeeded.ShouldBeTrue());
        await With(async s => (await s.GetRequiredService<ProjectUpdateCommands>()
            .ApproveAsync(officer with { Name = "director@riverside.example" }, CouncilWorkbook.People, Quarter)).Succeeded.ShouldBeTrue());
        await With(async s => (await s.GetRequiredService<FinanceEntry>().SaveAsync(new FinanceInput(Quarter,
            [new BudgetLineInput(null, "Environment and waste", "12.5", "13.1")], new BudgetPositionInput("0.6", "Amber", "Waste disposal costs above budget"), null),
            officer.Name)).Succeeded.ShouldBeTrue());

        foreach (var quarter in new[] { LastYear, Quarter })
        {
            foreach (var directorate in new[] { CouncilWorkbook.Place, CouncilWorkbook.People })
            {
                await With(async s =>
                {
                    var workflow = s.GetRequiredService<OutturnWorkflow>();
                    var inputs = CouncilWorkbook.Measures.Where(m => m.Directorate == directorate)
                        .Select(m => new EntryInput(m.Code, quarter.Label, (quarter == Quarter ? m.Value : m.LastYear).ToString(CultureInfo.InvariantCulture), null, false, null, null))
                        .ToList();
                    (await workflow.SaveAsync(directorate, inputs, officer.Name)).ShouldAllBe(o => o.Saved);
                    (await workflow.SubmitAsync(directorate, quarter, officer.Name)).ShouldBe(3);
                    (await workflow.ApproveAsync(directorate, quarter, "director@riverside.example")).Approved.ShouldBe(3);
                });
            }

            await With(async s => (await s.GetRequiredService<OutturnWorkflow>().PublishAsync(quarter, By)).Published.ShouldBe(6));
        }
    }

    // What a council holds and shows, as lines to compare: the framework's rows, the figures, the project and its update,
    // the finance, and what councillors see on the wheel, the scorecards and the finance page.
    private static async Task<List<string>> DescribeAsync(AppFactory factory)
    {
        var lines = new List<string>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        foreach (var p in await db.Plans.Include(p => p.Groups).ThenInclude(g => g.Segments).AsNoTracking().ToListAsync())
        {
            lines.Add($"plan {p.Name} {p.FirstYear.Label}-{p.LastYear.Label} retired {p.IsRetired}");
            lines.AddRange(p.Groups.Select(g => $"ring {g.Name} {g.Order}"));
            lines.AddRange(p.Groups.SelectMany(g => g.Segments.Select(s => $"segment {s.Code} {s.Title} in {g.Name} {s.Order} lead {s.Lead} retired {s.IsRetired}")));
        }

        lines.AddRange(await db.Directorates.Select(d => $"directorate {d.Name} retired {d.IsRetired}").ToListAsync());
        foreach (var m in await db.Measures.Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Targets).Include(m => m.Committees).AsNoTracking().ToListAsync())
        {
            lines.Add($"measure {m.Code} {m.Title} {m.Directorate.Name} {m.Segment?.Code} {m.Polarity} {m.Unit.Label} {m.DecimalPlaces} {m.Frequency} {m.Aggregation} " +
                $"{m.ToleranceType} {m.ToleranceValue:0.####} {m.SteadyThreshold:0.####} [{string.Join(",", m.Committees.Select(c => c.Code))}] {m.Description} {m.DiscontinuedFrom?.Label}");
            lines.AddRange(m.Targets.Select(t => $"target {m.Code} {t.Year.Label} {t.Period?.Label} {t.Value:0.####} {t.Low:0.####} {t.High:0.####}"));
        }

        lines.AddRange((await db.Outturns.Include(o => o.Measure).AsNoTracking().ToListAsync())
            .Select(o => $"figure {o.Measure.Code} {o.Period.Label} {o.Value:0.####} {o.Status} {o.State} {o.IsProvisional} {o.Commentary}"));
        foreach (var p in await db.Projects.Include(p => p.Segment).Include(p => p.Directorate).Include(p => p.Updates).ThenInclude(u => u.Milestones).AsNoTracking().ToListAsync())
        {
            lines.Add($"project {p.Code} {p.Title} {p.Segment.Code} {p.Directorate?.Name} retired {p.IsRetired}");
            lines.AddRange(p.Updates.Select(u => $"project update {p.Code} {u.Period.Label} {u.State} {u.Brag} {u.Direction} {u.WorkingWell} | {u.Concerns} | {u.NextFocus} | " +
                string.Join("; ", u.Milestones.Select(m => $"{m.Title} {m.Due:yyyy-MM-dd} {m.Status}"))));
        }

        var (budgetLines, positions, drafts) = await FinanceAudience.VisibleAsync(db, await db.BudgetLines.AsNoTracking().ToListAsync(),
            await db.BudgetPositions.AsNoTracking().ToListAsync(), FigureScope.Published);
        lines.AddRange(budgetLines.Select(l => $"finance line {l.Period.Label} {l.ServiceArea} {l.ApprovedBudget:0.####} {l.ForecastOutturn:0.####}"));
        lines.AddRange(positions.Select(p => $"finance position {p.Period.Label} {p.VarianceMillions:0.####} {p.Rag} {p.Commentary}"));
        lines.Add($"finance drafts {drafts.Count}");

        var reader = scope.ServiceProvider.GetRequiredService<PerformanceReader>();
        foreach (var quarter in new[] { LastYear, Quarter })
        {
            var wheel = await reader.EvaluateAsync(quarter, FigureScope.Published);
            lines.Add($"wheel {quarter.Label} {wheel.PlanName} {wheel.SchemeStatement} measures {wheel.MeasureTotals} segments {wheel.SegmentTotals}");
            lines.AddRange(wheel.Groups.SelectMany(g => g.Segments).Select(s => $"wheel {quarter.Label} segment {s.Code} {s.Rag} {s.Direction}"));
            if (quarter == Quarter)
            {
                lines.AddRange(wheel.Measures.Select(m => $"wheel {m.Code} {m.Result.Rating.Status}"));
            }

            foreach (var directorate in new[] { CouncilWorkbook.Place, CouncilWorkbook.People })
            {
                var scorecard = await reader.ScorecardAsync(directorate, quarter, FigureScope.Published);
                lines.AddRange(scorecard!.Lines.Select(l => $"scorecard {quarter.Label} {directorate} {l.Line.Code} {l.Line.Result.Value:0.####} {l.Line.Result.Rating.Status} {l.Line.Result.DirectionFromLastYear}"));
            }
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }
}

/// <summary>Acceptance 2 on PostgreSQL: the council from one workbook is the council built through the pages' commands.</summary>
public sealed class SameCouncilTwoWaysOnPostgreSql
{
    [PostgreSqlFact]
    public async Task TheCouncilFromOneWorkbookIsTheCouncilBuiltThroughThePagesCommands() =>
        await SameCouncilTwoWaysOnSqlite.CompareAsync(await TestDatabases.CreatePostgreSqlAsync(), await TestDatabases.CreatePostgreSqlAsync());
}
