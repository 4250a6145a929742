using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Tests.Support;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Application.Tests.Workflow;

/// <summary>
/// The director's review commands on a real database: approve or return one figure (a month), one measure's figures, or
/// every figure seen; a figure changed since it was seen is named and nothing is moved; only a Director of the
/// directorate or an Admin may act; separation of duties holds figure by figure; a returned figure carries its own
/// reason into the officers' grid; key issues are saved with an audit entry and a stale save overwrites nothing.
/// </summary>
public abstract class DirectorsReviewCommands
{
    internal const string Directorate = "Public Health";
    internal const string Other = "Adults Services";
    internal const string Officer = "officer@council.test";
    internal const string DirectorName = "director@council.test";
    internal static readonly ReportingPeriod Q3 = ReportingPeriod.Parse("2019/20 Q3");
    internal static readonly ReportingPeriod October = ReportingPeriod.Parse("Oct-19");
    internal static readonly ReportingPeriod November = ReportingPeriod.Parse("Nov-19");

    private static readonly FixedClock Clock = new(new DateTimeOffset(2020, 2, 1, 9, 0, 0, TimeSpan.Zero));

    internal static WorkflowUser Director(string directorate = Directorate) =>
        WorkflowUser.From(Principal(DirectorName, Roles.Director, directorate));

    internal static WorkflowUser AdminUser(string name = "admin@council.test") => WorkflowUser.From(Principal(name, Roles.Admin, null));

    private static ClaimsPrincipal Principal(string name, string role, string? directorate)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name), new(ClaimTypes.Role, role) };
        if (directorate is not null)
        {
            claims.Add(new Claim(DirectorateAccess.ClaimType, directorate));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>A council with a monthly measure PH-M and a quarterly one PH-Q, every Q3 figure entered by the officer and submitted.</summary>
    private async Task<(TestDatabase Database, FigureReview Review, OutturnWorkflow Workflow)> SubmittedAsync(bool separatesDuties = true)
    {
        var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using (var db = database.CreateContext())
        {
            var settings = new CouncilSettings("Test council");
            settings.ChangeSeparationOfDuties(separatesDuties);
            db.CouncilSettings.Add(settings);
            db.Plans.Add(new Plan("Council plan", FinancialYear.Parse("2019/20"), FinancialYear.Parse("2022/23")));
            var owner = new Directorate(Directorate);
            db.Directorates.AddRange(owner, new Directorate(Other));
            db.Measures.Add(new Measure("PH-M", "Smoking quitters", owner, Polarity.HigherIsBetter, Frequency.Monthly, MeasureUnit.Number));
            db.Measures.Add(new Measure("PH-Q", "Health checks offered", owner, Polarity.HigherIsBetter, Frequency.Quarterly, MeasureUnit.Number));
            await db.SaveChangesAsync();
        }

        var workflow = new OutturnWorkflow(database.Factory(), Clock);
        var inputs = Q3.Months().Select((m, i) => new EntryInput("PH-M", m.Code, $"{10 + i}", null, false, null, null))
            .Append(new EntryInput("PH-Q", Q3.Code, "40", null, false, "Two clinics closed in December", null)).ToList();
        (await workflow.SaveAsync(Directorate, inputs, Officer)).ShouldAllBe(o => o.Saved);
        (await workflow.SubmitAsync(Directorate, Q3, Officer)).ShouldBe(4);
        return (database, new FigureReview(database.Factory(), Clock), workflow);
    }

    private static async Task<Dictionary<string, WorkflowState>> StatesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Outturns.Include(o => o.Measure).ToDictionaryAsync(o => $"{o.Measure.Code} {o.Period.Label}", o => o.State);
    }

    protected async Task ApprovingOneMonthApprovesThatFigureOnly()
    {
        var (database, review, _) = await SubmittedAsync();
        await using var _ = database;
        var sheet = (await review.SheetAsync(Director(), Directorate, Q3))!;
        var october = sheet.Submitted.Single(r => r.Period == October);

        var outcome = await review.ApproveAsync(Director(), Directorate, Q3, [SeenFigure.Of(october)]);

        (outcome.Refused, outcome.Approved).ShouldBe((null, 1));
        var states = await StatesAsync(database);
        states["PH-M Oct-19"].ShouldBe(WorkflowState.Approved);
        states["PH-M Nov-19"].ShouldBe(WorkflowState.Submitted);
        states["PH-Q 2019/20 Q3"].ShouldBe(WorkflowState.Submitted);
        await using var db = database.CreateContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == "Approved")).Changes.ShouldBe("PH-M Oct-19 (1 figure)");
    }

    protected async Task ReturningOneMonthShowsItsReasonBesideThatFigureOnly()
    {
        var (database, review, workflow) = await SubmittedAsync();
        await using var _ = database;
        var sheet = (await review.SheetAsync(Director(), Directorate, Q3))!;

        var outcome = await review.ReturnAsync(Director(), Directorate, Q3, [SeenFigure.Of(sheet.Submitted.Single(r => r.Period == November))], "November double counts the pop-up clinic");

        (outcome.Refused, outcome.Returned).ShouldBe((null, 1));
        var grid = (await workflow.GridAsync(Directorate, Q3))!;
        grid.Rows.Single(r => r.Period == November).ReturnReason.ShouldBe("November double counts the pop-up clinic");
        grid.Rows.Single(r => r.Period == October).Outturn!.State.ShouldBe(WorkflowState.Submitted);
        grid.Rows.Single(r => r.Period == October).ReturnReason.ShouldBeNull();
    }

    protected async Task ApprovingAMeasureApprovesItsFiguresAndReturningAMeasureNeedsAReason()
    {
        var (database, review, _) = await SubmittedAsync();
        await using var _ = database;
        var sheet = (await review.SheetAsync(Director(), Directorate, Q3))!;
        var monthly = sheet.Submitted.Where(r => r.Measure.Code == "PH-M").Select(SeenFigure.Of).ToList();
        var quarterly = sheet.Submitted.Where(r => r.Measure.Code == "PH-Q").Select(SeenFigure.Of).ToList();

        (await review.ReturnAsync(Director(), Directorate, Q3, quarterly, "  ")).Refused
            .ShouldBe("Nothing was returned: enter the reason for returning, so the officers know what to change.");
        (await review.ApproveAsync(Director(), Directorate, Q3, monthly)).Approved.ShouldBe(3);
        (await review.ReturnAsync(Director(), Directorate, Q3, quarterly, "Check against the NHS return")).Returned.ShouldBe(1);

        var states = await StatesAsync(database);
        states.Where(s => s.Key.StartsWith("PH-M", StringComparison.Ordinal)).ShouldAllBe(s => s.Value == WorkflowState.Approved);
        states["PH-Q 2019/20 Q3"].ShouldBe(WorkflowState.Returned);
    }

    protected async Task AFigureChangedSinceItWasSeenIsNamedAndNothingIsApproved()
    {
        var (database, review, workflow) = await SubmittedAsync();
        await using var _ = database;
        var seen = (await review.SheetAsync(Director(), Directorate, Q3))!.Ready.Select(SeenFigure.Of).ToList();
        // Meanwhile an Admin returns the quarterly figure and the officer enters it again.
        await review.ReturnAsync(AdminUser(), Directorate, Q3, [seen.Single(f => f.MeasureCode == "PH-Q")], "Wrong quarter");
        (await workflow.SaveAsync(Directorate, [new EntryInput("PH-Q", Q3.Code, "41", null, false, null, null)], Officer)).Single().Saved.ShouldBeTrue();

        var outcome = await review.ApproveAsync(Director(), Directorate, Q3, seen);

        outcome.Approved.ShouldBe(0);
        outcome.Stale.ShouldBe([$"PH-Q 2019/20 Q3 (now draft, by {Officer})"]);
        outcome.Refused.ShouldBe($"Nothing was approved: PH-Q 2019/20 Q3 (now draft, by {Officer}). Nothing was overwritten; reload the review to see the figures as they are now.");
        (await StatesAsync(database)).Where(s => s.Key.StartsWith("PH-M", StringComparison.Ordinal)).ShouldAllBe(s => s.Value == WorkflowState.Submitted);
    }

    protected async Task OnlyADirectorOfTheDirectorateOrAnAdminMayApproveOrReturn()
    {
        var (database, review, _) = await SubmittedAsync();
        await using var _ = database;
        var seen = (await review.SheetAsync(AdminUser(), Directorate, Q3))!.Submitted.Select(SeenFigure.Of).ToList();

        (await review.ApproveAsync(Director(Other), Directorate, Q3, seen)).Refused
            .ShouldBe($"Nothing was approved: only a Director of {Directorate} or an Admin may approve its figures.");
        (await review.ReturnAsync(Director(Other), Directorate, Q3, [seen[0]], "Not mine")).Refused
            .ShouldBe($"Nothing was returned: only a Director of {Directorate} or an Admin may return its figures.");
        (await review.SheetAsync(Director(Other), Directorate, Q3)).ShouldBeNull();
        (await StatesAsync(database)).Values.ShouldAllBe(s => s == WorkflowState.Submitted);

        (await review.ApproveAsync(AdminUser(), Directorate, Q3, seen)).Approved.ShouldBe(4);
    }

    protected async Task WithSeparatedDutiesTheFiguresTheReviewerEnteredAreNotReady()
    {
        var (database, review, workflow) = await SubmittedAsync();
        await using var _ = database;
        await using (var db = database.CreateContext())
        {
            await db.Outturns.Where(o => o.Measure.Code == "PH-Q").ExecuteUpdateAsync(u => u.SetProperty(o => o.EnteredBy, DirectorName));
        }

        var sheet = (await review.SheetAsync(Director(), Directorate, Q3))!;

        sheet.SeparatesDuties.ShouldBeTrue();
        sheet.Ready.Select(r => r.Period).ShouldBe(Q3.Months());
        sheet.ConflictOf(sheet.Submitted.Single(r => r.Measure.Code == "PH-Q")).ShouldBe("you entered it");
        var refused = await review.ApproveAsync(Director(), Directorate, Q3, sheet.Submitted.Select(SeenFigure.Of).ToList());
        refused.Approved.ShouldBe(0);
        refused.Conflicts.ShouldBe(["PH-Q 2019/20 Q3 (you entered it)"]);
        (await review.ApproveAsync(Director(), Directorate, Q3, sheet.Ready.Select(SeenFigure.Of).ToList())).Approved.ShouldBe(3);
        (await workflow.GridAsync(Directorate, Q3))!.Count(WorkflowState.Approved).ShouldBe(3);
    }

    protected async Task KeyIssuesAreWrittenFromAnEmptyStartAuditedAndAStaleSaveOverwritesNothing()
    {
        var (database, _, _) = await SubmittedAsync();
        await using var _ = database;
        var keyIssues = new KeyIssues(database.Factory(), Clock);

        (await keyIssues.SaveAsync(Director(Other), Directorate, Q3, "Not mine to write", 0)).Message
            .ShouldBe($"Nothing was saved: only a Director of {Directorate} or an Admin may write its key issues.");
        (await keyIssues.SaveAsync(Director(), Directorate, Q3, "   ", 0)).Message.ShouldBe("Key issues is required.");
        var first = await keyIssues.SaveAsync(Director(), Directorate, Q3, "Quit rates fell with the clinic closures.", 0);
        first.Saved.ShouldBeTrue(first.Message);
        first.Current!.Version.ShouldBe(1);
        (await keyIssues.SaveAsync(AdminUser(), Directorate, Q3, "The Admin's words.", 1)).Saved.ShouldBeTrue();

        var stale = await keyIssues.SaveAsync(Director(), Directorate, Q3, "The director's second thoughts.", 1);

        stale.Saved.ShouldBeFalse();
        stale.Conflict.ShouldBeTrue();
        stale.Current!.Text.ShouldBe("The Admin's words.");
        var read = (await new KeyIssuesReader(database.Factory()).QuarterAsync(Q3)).ShouldHaveSingleItem();
        (read.Directorate, read.Text, read.UpdatedBy, read.Version).ShouldBe((Directorate, "The Admin's words.", "admin@council.test", 2));
        await using var db = database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == KeyIssues.AuditType).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.Action, a.User, a.EntityKey)).ShouldBe([("Written", DirectorName, $"{Q3.Label} {Directorate}"), ("Changed", "admin@council.test", $"{Q3.Label} {Directorate}")]);
        audit[1].Changes.ShouldBe("Key issues: Quit rates fell with the clinic closures. → The Admin's words.");
    }
}

public sealed class DirectorsReviewOnSqlite : DirectorsReviewCommands
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.CreateAsync(DatabaseProvider.Sqlite);

    [Fact] public Task ApprovingOneMonth() => ApprovingOneMonthApprovesThatFigureOnly();

    [Fact] public Task ReturningOneMonth() => ReturningOneMonthShowsItsReasonBesideThatFigureOnly();

    [Fact] public Task ApprovingAndReturningMeasures() => ApprovingAMeasureApprovesItsFiguresAndReturningAMeasureNeedsAReason();

    [Fact] public Task StaleFigures() => AFigureChangedSinceItWasSeenIsNamedAndNothingIsApproved();

    [Fact] public Task WhoMayAct() => OnlyADirectorOfTheDirectorateOrAnAdminMayApproveOrReturn();

    [Fact] public Task SeparatedDuties() => WithSeparatedDutiesTheFiguresTheReviewerEnteredAreNotReady();

    [Fact] public Task WritingKeyIssues() => KeyIssuesAreWrittenFromAnEmptyStartAuditedAndAStaleSaveOverwritesNothing();
}

public sealed class DirectorsReviewOnPostgreSql : DirectorsReviewCommands
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.CreateAsync(DatabaseProvider.PostgreSql);

    [PostgreSqlFact] public Task ApprovingOneMonth() => ApprovingOneMonthApprovesThatFigureOnly();

    [PostgreSqlFact] public Task ReturningOneMonth() => ReturningOneMonthShowsItsReasonBesideThatFigureOnly();

    [PostgreSqlFact] public Task ApprovingAndReturningMeasures() => ApprovingAMeasureApprovesItsFiguresAndReturningAMeasureNeedsAReason();

    [PostgreSqlFact] public Task StaleFigures() => AFigureChangedSinceItWasSeenIsNamedAndNothingIsApproved();

    [PostgreSqlFact] public Task WhoMayAct() => OnlyADirectorOfTheDirectorateOrAnAdminMayApproveOrReturn();

    [PostgreSqlFact] public Task SeparatedDuties() => WithSeparatedDutiesTheFiguresTheReviewerEnteredAreNotReady();

    [PostgreSqlFact] public Task WritingKeyIssues() => KeyIssuesAreWrittenFromAnEmptyStartAuditedAndAStaleSaveOverwritesNothing();
}
