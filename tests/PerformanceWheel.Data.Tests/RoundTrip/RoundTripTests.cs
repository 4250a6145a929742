using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Databases;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Data.Tests.RoundTrip;

/// <summary>Everything saved is read back, in a fresh context, exactly as it was saved.</summary>
public abstract class RoundTripTests(DatabaseFixture fixture)
{
    public virtual async Task EveryEntityReadsBackWithEveryValueItWasSavedWith()
    {
        var saved = new FullGraph();
        await using (var context = fixture.Database.CreateContext())
        {
            context.AddRange(saved.Roots());
            context.AddRange(saved.AccountRows);
            await context.SaveChangesAsync();
            context.UserDirectorates.Add(new PerformanceWheel.Data.Identity.UserDirectorate { UserId = saved.User.Id, DirectorateId = saved.Directorate.Id });
            context.ApiKeys.Add(FullGraph.DirectorKey(saved.Directorate.Id));
            context.PackJobs.Add(new PerformanceWheel.Data.Packs.PackJob(
                "published|Cabinet||2019/20 Q2", "Cabinet", null, ReportingPeriod.Parse("2019/20 Q2"), "published", 7, new DateTimeOffset(2020, 1, 15, 9, 30, 0, TimeSpan.Zero)));
            context.AddRange(CoveringRoundTrip.Rows());
            await context.SaveChangesAsync();
        }

        await using var read = fixture.Database.CreateContext();
        await CoveringRoundTrip.AssertReadBackAsync(read);

        var job = await read.PackJobs.SingleAsync();
        (job.Key, job.Kind, job.Committee, job.Quarter, job.Audience, job.FiguresVersion, job.State, job.QueuedAt).ShouldBe(
            ("published|Cabinet||2019/20 Q2", "Cabinet", (string?)null, ReportingPeriod.Parse("2019/20 Q2"), "published", 7L, PerformanceWheel.Data.Packs.PackJobState.Queued, new DateTimeOffset(2020, 1, 15, 9, 30, 0, TimeSpan.Zero)));

        var settings = await read.CouncilSettings.SingleAsync();
        settings.Id.ShouldBe(saved.Settings.Id);
        settings.Name.ShouldBe("Shire County Council");
        settings.BlueExceedsTargetByPercent.ShouldBe(12.5m);
        settings.RedOnlyWhenWorseThanLastYear.ShouldBeTrue();
        settings.SegmentRatingMethod.ShouldBe(SegmentRatingMethod.WorstOf);
        settings.AllowAnonymousReading.ShouldBeTrue();
        settings.OverdueDaysAfterPeriodEnd.ShouldBe(45);
        settings.OpenDataEnabled.ShouldBeTrue();
        var change = settings.SchemeChanges.ShouldHaveSingleItem();
        (change.EffectiveFrom, change.BlueExceedsTargetByPercent, change.RedOnlyWhenWorseThanLastYear, change.SegmentRatingMethod, change.ChangedBy)
            .ShouldBe((new FinancialYear(2019), 7.25m, false, SegmentRatingMethod.Majority, "admin@shire.gov.uk"));
        change.ChangedAt.ShouldBe(new DateTimeOffset(2019, 4, 2, 10, 15, 30, TimeSpan.Zero));

        var plan = await read.Plans.Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees).SingleAsync();
        plan.Name.ShouldBe("County Plan");
        plan.FirstYear.StartYear.ShouldBe(2016);
        plan.LastYear.StartYear.ShouldBe(2019);
        plan.IsRetired.ShouldBeTrue();
        var group = plan.Groups.ShouldHaveSingleItem();
        group.PlanId.ShouldBe(plan.Id);
        group.Name.ShouldBe("The People's Priorities");
        group.Order.ShouldBe(2);
        var segment = group.Segments.ShouldHaveSingleItem();
        segment.Id.ShouldBe(saved.Segment.Id);
        segment.GroupId.ShouldBe(group.Id);
        segment.Code.ShouldBe("P1");
        segment.Title.ShouldBe("Safer and healthier communities");
        segment.Lead.ShouldBe("Director of Public Health");
        segment.Order.ShouldBe(3);
        segment.IsRetired.ShouldBeTrue();
        var segmentCommittee = segment.Committees.ShouldHaveSingleItem();
        segmentCommittee.Code.ShouldBe("A&H");
        segmentCommittee.Name.ShouldBe("Adults and Health");
        segmentCommittee.IsRetired.ShouldBeFalse();

        var measure = await read.Measures
            .Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Committees).Include(m => m.Benchmarks).Include(m => m.Targets)
            .AsSplitQuery()
            .SingleAsync();
        measure.Code.ShouldBe("PH-01");
        measure.Title.ShouldBe("Hospital admissions for self-harm");
        measure.Description.ShouldBe("Emergency admissions, all ages.");
        measure.DataNotes.ShouldBe("Source: HES; published quarterly in arrears.");
        measure.Unit.ShouldBe(MeasureUnit.Create(UnitKind.Rate, 100_000));
        measure.Unit.Label.ShouldBe("per 100,000");
        measure.DecimalPlaces.ShouldBe(2);
        measure.Polarity.ShouldBe(Polarity.WithinRange);
        measure.Frequency.ShouldBe(Frequency.Monthly);
        measure.Aggregation.ShouldBe(Aggregation.Average);
        measure.ToleranceType.ShouldBe(ToleranceType.Percent);
        measure.ToleranceValue.ShouldBe(5m);
        measure.SteadyThreshold.ShouldBe(0.5m);
        measure.DiscontinuedFrom.ShouldBe(FullGraph.March);
        measure.DirectorateId.ShouldBe(saved.Directorate.Id);
        measure.Directorate.Name.ShouldBe("Public Health");
        measure.Directorate.IsRetired.ShouldBeTrue();
        measure.SegmentId.ShouldBe(segment.Id);
        measure.Segment!.Code.ShouldBe("P1");
        measure.Committees.ShouldHaveSingleItem().Id.ShouldBe(segmentCommittee.Id);
        var benchmark = measure.Benchmarks.ShouldHaveSingleItem();
        benchmark.MeasureId.ShouldBe(measure.Id);
        benchmark.Label.ShouldBe("National average");
        benchmark.Value.ShouldBe(89.7m);
        benchmark.Period.ShouldBe("2018/19");
        measure.Targets.Count.ShouldBe(2);
        var yearTarget = measure.Targets.Single(t => t.Period is null);
        yearTarget.Id.ShouldBe(saved.YearTarget.Id);
        yearTarget.MeasureId.ShouldBe(measure.Id);
        yearTarget.Year.ShouldBe(FullGraph.Year);
        yearTarget.Value.ShouldBeNull();
        yearTarget.Low.ShouldBe(10m);
        yearTarget.High.ShouldBe(20m);
        var septemberTarget = measure.Targets.Single(t => t.Period is not null);
        septemberTarget.Id.ShouldBe(saved.SeptemberTarget.Id);
        septemberTarget.Year.ShouldBe(FullGraph.Year);
        septemberTarget.Period.ShouldBe(FullGraph.September);
        septemberTarget.Value.ShouldBeNull();
        septemberTarget.Low.ShouldBe(12.5m);
        septemberTarget.High.ShouldBe(18.25m);
        measure.TargetFor(FullGraph.September).ShouldBe(Target.Range(12.5m, 18.25m));
        measure.TargetFor(FullGraph.October).ShouldBe(Target.Range(10m, 20m));

        var outturns = await read.Outturns.Include(o => o.Measure).ToListAsync();
        outturns.Count.ShouldBe(2);
        var valued = outturns.Single(o => o.Period == FullGraph.September);
        valued.Id.ShouldBe(saved.ValuedOutturn.Id);
        valued.MeasureId.ShouldBe(measure.Id);
        valued.Value.ShouldBe(84.123456m);
        valued.Status.ShouldBeNull();
        valued.IsProvisional.ShouldBeTrue();
        valued.Commentary.ShouldBe("Provisional: awaiting validation.");
        valued.CommentaryBy.ShouldBe("analyst@shire.gov.uk");
        valued.CommentaryAt.ShouldBe(FullGraph.RecordedAt);
        valued.State.ShouldBe(WorkflowState.Submitted);
        valued.UpdatedBy.ShouldBe("officer@shire.gov.uk");
        valued.UpdatedAt.ShouldBe(FullGraph.SubmittedAt);
        valued.Version.ShouldBe(2);
        var tbc = outturns.Single(o => o.Period == FullGraph.October);
        tbc.Value.ShouldBeNull();
        tbc.Status.ShouldBe(OutturnStatus.Tbc);
        tbc.IsProvisional.ShouldBeFalse();
        tbc.Commentary.ShouldBeNull();
        tbc.CommentaryBy.ShouldBeNull();
        tbc.CommentaryAt.ShouldBeNull();
        tbc.State.ShouldBe(WorkflowState.Draft);
        tbc.UpdatedBy.ShouldBe("analyst@shire.gov.uk");
        tbc.UpdatedAt.ShouldBe(FullGraph.RecordedAt);
        tbc.Version.ShouldBe(1);

        var assessment = await read.SegmentAssessments.SingleAsync();
        assessment.Id.ShouldBe(saved.Assessment.Id);
        assessment.SegmentId.ShouldBe(segment.Id);
        assessment.Period.ShouldBe(FullGraph.Quarter2);
        assessment.SuggestedRag.ShouldBe(RagStatus.Amber);
        assessment.JudgedRag.ShouldBe(RagStatus.Red);
        assessment.Rationale.ShouldBe("Admissions rose for a third quarter.");
        assessment.Direction.ShouldBe(Direction.Declining);
        assessment.UpdatedBy.ShouldBe("lead@shire.gov.uk");
        assessment.UpdatedAt.ShouldBe(FullGraph.JudgedAt);
        assessment.Version.ShouldBe(1);

        var critical = await read.CriticalItems.SingleAsync();
        critical.Id.ShouldBe(saved.CriticalItem.Id);
        critical.MeasureId.ShouldBe(measure.Id);
        critical.Period.ShouldBe(FullGraph.September);
        critical.Issue.ShouldBe("Admissions above the range.");
        critical.RemedialAction.ShouldBe("Targeted outreach in two districts.");
        critical.Owner.ShouldBe("Head of Public Health");

        var keyIssues = await read.DirectorateKeyIssues.SingleAsync();
        (keyIssues.DirectorateId, keyIssues.Quarter, keyIssues.Text, keyIssues.UpdatedBy, keyIssues.UpdatedAt, keyIssues.Version)
            .ShouldBe((saved.Directorate.Id, FullGraph.Quarter2, "Admissions rose again.\nOutreach starts in two districts.", "director@shire.gov.uk", FullGraph.JudgedAt, 1));

        var project = await read.Projects.Include(p => p.Updates).ThenInclude(u => u.Milestones).SingleAsync();
        project.Id.ShouldBe(saved.Project.Id);
        project.Code.ShouldBe("PRJ-7");
        project.Title.ShouldBe("Wellbeing hubs");
        project.SegmentId.ShouldBe(segment.Id);
        project.IsRetired.ShouldBeTrue();
        var update = project.Updates.ShouldHaveSingleItem();
        update.Id.ShouldBe(saved.ProjectUpdate.Id);
        update.ProjectId.ShouldBe(project.Id);
        update.Period.ShouldBe(FullGraph.Quarter2);
        update.Brag.ShouldBe(RagStatus.Blue);
        update.Direction.ShouldBe(ProjectDirection.MissedOrAtRisk);
        update.WorkingWell.ShouldBe("Three hubs open.");
        update.Concerns.ShouldBe("Staffing in the north.");
        update.NextFocus.ShouldBe("Open the fourth hub.");
        project.DirectorateId.ShouldBe(saved.Directorate.Id);
        update.State.ShouldBe(WorkflowState.Submitted);
        update.UpdatedBy.ShouldBe("officer@shire.gov.uk");
        update.UpdatedAt.ShouldBe(FullGraph.SubmittedAt);
        update.Version.ShouldBe(2);
        update.Milestones.Select(m => (m.Order, m.Title, m.Due, m.Status)).ShouldBe(
            [(1, "Fourth hub open", new DateOnly(2020, 3, 31), MilestoneStatus.OnTrack), (2, "Staff recruited", (DateOnly?)null, MilestoneStatus.Missed)]);

        var line = await read.BudgetLines.SingleAsync();
        line.Id.ShouldBe(saved.BudgetLine.Id);
        line.ServiceArea.ShouldBe("Adult Social Care");
        line.Period.ShouldBe(FullGraph.Quarter2);
        line.ApprovedBudget.ShouldBe(123456789012.123456m);
        line.ForecastOutturn.ShouldBe(130.5m);

        var position = await read.BudgetPositions.SingleAsync();
        position.Id.ShouldBe(saved.BudgetPosition.Id);
        position.Period.ShouldBe(FullGraph.WholeYear);
        position.VarianceMillions.ShouldBe(-1.25m);
        position.Rag.ShouldBe(RagStatus.Green);
        position.Commentary.ShouldBe("Balanced by the year end.");

        var revision = await read.OutturnRevisions.SingleAsync();
        revision.OutturnId.ShouldBe(saved.ValuedOutturn.Id);
        revision.Period.ShouldBe(FullGraph.September);
        revision.OldValue.ShouldBe(80.5m);
        revision.OldStatus.ShouldBeNull();
        revision.NewValue.ShouldBe(84.123456m);
        revision.Kind.ShouldBe(RevisionKind.Correction);
        revision.Reason.ShouldBe("Late return from a provider.");
        revision.ChangedBy.ShouldBe("officer@shire.gov.uk");
        revision.ChangedAt.ShouldBe(FullGraph.JudgedAt);

        var publication = await read.QuarterPublications.SingleAsync();
        (publication.Quarter, publication.PublishedBy, publication.PublishedAt).ShouldBe((FullGraph.Quarter2, "admin@shire.gov.uk", FullGraph.JudgedAt));

        var audit = await read.AuditEntries.SingleAsync();
        (audit.User, audit.At, audit.Action, audit.EntityType, audit.EntityKey, audit.Changes)
            .ShouldBe(("admin@shire.gov.uk", FullGraph.JudgedAt, "Updated", "Measure", "PH-01", "Tolerance: 0 → 5%"));

        var user = await read.Users.Include(u => u.Directorates).SingleAsync();
        (user.UserName, user.NormalizedEmail, user.DisplayName, user.IsDisabled, user.AccessFailedCount, user.LockoutEnd, user.TwoFactorEnabled)
            .ShouldBe(("director@shire.gov.uk", "DIRECTOR@SHIRE.GOV.UK", "Director of Public Health", true, 3, (DateTimeOffset?)FullGraph.JudgedAt, true));
        user.Directorates.ShouldHaveSingleItem().DirectorateId.ShouldBe(saved.Directorate.Id);
        (await read.UserRoles.SingleAsync()).RoleId.ShouldBe(saved.Role.Id);
        (await read.Roles.SingleAsync()).NormalizedName.ShouldBe("DIRECTOR");
        (await read.UserTokens.SingleAsync()).Value.ShouldBe("token");

        var key = await read.ApiKeys.Include(k => k.Directorates).SingleAsync();
        (key.Name, key.Prefix, key.Hash, key.Role, key.IsBootstrap, key.CreatedBy, key.CreatedAt, key.LastUsedAt, key.RevokedBy, key.RevokedAt)
            .ShouldBe(("Director feed", "pw_abcdefgh", new string('a', 64), "Director", true, "admin@shire.gov.uk", FullGraph.RecordedAt,
                (DateTimeOffset?)FullGraph.SubmittedAt, "admin@shire.gov.uk", (DateTimeOffset?)FullGraph.JudgedAt));
        key.Directorates.ShouldHaveSingleItem().DirectorateId.ShouldBe(saved.Directorate.Id);

        // A new entity (or a many-to-many join) left out of FullGraph leaves its table empty and fails here.
        var emptyTables = new List<string>();
        foreach (var table in read.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct())
        {
            // The table name comes from the model, not from input; identifiers cannot be parameters.
#pragma warning disable EF1003
            var count = await read.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"").SingleAsync();
#pragma warning restore EF1003
            if (count == 0)
            {
                emptyTables.Add(table);
            }
        }

        emptyTables.ShouldBeEmpty("FullGraph should put at least one row in every table of the model");
    }
}

public sealed class RoundTripOnSqlite(SqliteFixture fixture) : RoundTripTests(fixture), IClassFixture<SqliteFixture>
{
    [Fact]
    public override Task EveryEntityReadsBackWithEveryValueItWasSavedWith() => base.EveryEntityReadsBackWithEveryValueItWasSavedWith();
}

public sealed class RoundTripOnPostgreSql(PostgreSqlFixture fixture) : RoundTripTests(fixture), IClassFixture<PostgreSqlFixture>
{
    [PostgreSqlFact]
    public override Task EveryEntityReadsBackWithEveryValueItWasSavedWith() => base.EveryEntityReadsBackWithEveryValueItWasSavedWith();
}

public sealed class RoundTripOnSqlServer(SqlServerFixture fixture) : RoundTripTests(fixture), IClassFixture<SqlServerFixture>
{
    [SqlServerFact]
    public override Task EveryEntityReadsBackWithEveryValueItWasSavedWith() => base.EveryEntityReadsBackWithEveryValueItWasSavedWith();
}
