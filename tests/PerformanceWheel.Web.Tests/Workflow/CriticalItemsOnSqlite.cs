using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>
/// Critical items on the demo council: only for measures rated Red, every field checked, Directors kept to their own
/// directorates (the demo Director directs Adults Services), every change audited, stale edits refused.
/// </summary>
public sealed class CriticalItemsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Adults = "Adults Services";
    private const string Childrens = "Childrens Services";
    private static readonly ReportingPeriod AdultsRed = ReportingPeriod.Parse("2019/20 Q1");
    private static readonly ReportingPeriod ChildrensRed = ReportingPeriod.Parse("2019/20 Q2");
    private static readonly WorkflowUser Officer = new("officer-id", "officer@demo.council", IsOfficer: true, IsDirector: false);
    private static readonly CriticalItemInput Good = new("Placements above plan", "Weekly panel reviews every new placement", "Head of Adult Social Care");

    [Fact]
    public async Task OnlyMeasuresRatedRedInTheQuarterTakeCriticalItems()
    {
        var sheet = (await SheetAsync(Adults, AdultsRed))!;
        sheet.RedMeasures.Select(r => r.Line.Code).ShouldBe(["ASC-RES-01"]);
        sheet.RedMeasures.ShouldAllBe(r => r.Line.Result.Rating.Status == RagStatus.Red);
        var notRed = (await WithAsync<PerformanceWheel.Application.Performance.PerformanceReader, PerformanceWheel.Application.Performance.PeriodEvaluation>(r => r.EvaluateAsync(AdultsRed, PerformanceWheel.Application.Performance.FigureScope.Everything)))
            .Measures.First(m => m.Directorate == Adults && m.Result.Rating.Status == RagStatus.Green);

        var refused = await AddAsync(Adults, AdultsRed, notRed.Code, Good, Officer);
        var added = await AddAsync(Adults, AdultsRed, "ASC-RES-01", Good, Officer);
        var wrongDirectorate = await AddAsync(Adults, ChildrensRed, "O3.1-01", Good, Officer);

        refused.Problems.ShouldHaveSingleItem().ShouldBe(new FieldProblem("Measure",
            $"{notRed.Code} is not Red in 2019/20 Q1 (Green: on or exceeding target): critical items are raised for measures rated Red."));
        added.Succeeded.ShouldBeTrue();
        wrongDirectorate.Problems.ShouldHaveSingleItem().Message.ShouldBe("O3.1-01 is not a measure of Adults Services.");
        var items = (await SheetAsync(Adults, AdultsRed))!.RedMeasures.Single().Items;
        items.ShouldContain(i => i.Id == added.Id && i.Issue == "Placements above plan" && i.Owner == "Head of Adult Social Care");
        (await QueryAsync(db => db.CriticalItems.CountAsync(c => c.Measure.Code == notRed.Code))).ShouldBe(0);
    }

    [Fact]
    public async Task ADirectorChangesTheirOwnDirectoratesItemsOnly()
    {
        var director = await DirectorAsync();
        DirectorateAccess.Allows(director, DirectorateOperation.CriticalItems, Adults).ShouldBeTrue();
        DirectorateAccess.Allows(director, DirectorateOperation.CriticalItems, Childrens).ShouldBeFalse();
        DirectorateAccess.Allows(Officer, DirectorateOperation.CriticalItems, Childrens).ShouldBeTrue();
        DirectorateAccess.Allows(director with { IsDirector = false }, DirectorateOperation.CriticalItems, Adults).ShouldBeFalse();

        var own = await AddAsync(Adults, AdultsRed, "ASC-RES-01", Good with { Issue = "Raised by the director" }, director);
        var other = await AddAsync(Childrens, ChildrensRed, "O3.1-01", Good, director);
        var officers = await AddAsync(Childrens, ChildrensRed, "O3.1-01", Good with { Issue = "Raised by an officer" }, Officer);

        own.Succeeded.ShouldBeTrue();
        other.Problems.ShouldHaveSingleItem().Message.ShouldBe("You can change critical items only for your own directorates; Childrens Services is not one of them.");
        officers.Succeeded.ShouldBeTrue();
        var theirs = officers.Id!.Value;
        (await WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.EditAsync(Childrens, theirs, Good, null, director))).Succeeded.ShouldBeFalse();
        (await WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.RemoveAsync(Childrens, theirs, director))).Succeeded.ShouldBeFalse();
        // An item cannot be reached through another directorate's page either.
        (await WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.RemoveAsync(Adults, theirs, director))).Problems.ShouldHaveSingleItem().Field.ShouldBe("Issue");
        (await QueryAsync(db => db.CriticalItems.SingleAsync(c => c.Id == theirs))).Issue.ShouldBe("Raised by an officer");
    }

    [Theory]
    [InlineData("", "", "", "Issue is required.|Remedial action is required.|Owner is required.")]
    [InlineData("Issue", "   ", "Owner", "Remedial action is required.")]
    [InlineData("Issue", "Action", null, "Owner is required.")]
    [InlineData("Issue", "Action", "201", "Owner must be at most 200 characters; it has 201.")]
    public async Task EveryFieldIsCheckedAndNothingIsSavedWithAProblem(string issue, string action, string? owner, string messages)
    {
        var input = new CriticalItemInput(issue, action, owner == "201" ? new string('x', 201) : owner);
        var before = await QueryAsync(db => db.CriticalItems.CountAsync());

        var result = await AddAsync(Childrens, ChildrensRed, "O3.4-03", input, Officer);

        string.Join("|", result.Problems.Select(p => p.Message)).ShouldBe(messages);
        result.Problems.Select(p => p.Field).ShouldBeSubsetOf(["Issue", "RemedialAction", "Owner"]);
        (await QueryAsync(db => db.CriticalItems.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task AddingChangingAndRemovingAreAudited()
    {
        var id = (await AddAsync(Childrens, ChildrensRed, "O3.3-02", Good with { Issue = "Plans lasting too long" }, Officer)).Id!.Value;
        (await WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.EditAsync(Childrens, id, Good with { Issue = "Plans lasting too long", Owner = "Service Manager, Safeguarding" }, null, Officer)))
            .Succeeded.ShouldBeTrue();
        (await WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.RemoveAsync(Childrens, id, Officer))).Succeeded.ShouldBeTrue();

        var audit = await QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == CriticalItemsWorkflow.AuditType && a.EntityKey == "2019/20 Q2 O3.3-02").OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => (a.Action, a.User)).ShouldBe([("Added", "officer@demo.council"), ("Changed", "officer@demo.council"), ("Removed", "officer@demo.council")]);
        audit[0].Changes.ShouldBe("Issue: Plans lasting too long; Remedial action: Weekly panel reviews every new placement; Owner: Head of Adult Social Care");
        audit[1].Changes.ShouldBe("Owner: Head of Adult Social Care → Service Manager, Safeguarding");
        (await QueryAsync(db => db.CriticalItems.AnyAsync(c => c.Id == id))).ShouldBeFalse();
        (await SheetAsync(Childrens, ChildrensRed))!.History.Select(h => h.Action).ShouldContain("Removed");
    }

    [Fact]
    public async Task AnEditStartedFromTextSomeoneElseHasChangedIsRefused()
    {
        var id = (await AddAsync(Childrens, ChildrensRed, "O3.4-01", Good with { Issue = "NEET rising" }, Officer)).Id!.Value;
        var seen = CriticalItemsWorkflow.Fingerprint(await QueryAsync(db => db.CriticalItems.SingleAsync(c => c.Id == id)));

        var first = await WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.EditAsync(Childrens, id, Good with { Issue = "NEET rising in the west" }, seen, Officer));
        var second = await WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.EditAsync(Childrens, id, Good with { Issue = "NEET steady" }, seen, Officer));

        first.Succeeded.ShouldBeTrue();
        second.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("Someone changed this critical item since you opened this page; it now reads: NEET rising in the west");
        (await QueryAsync(db => db.CriticalItems.SingleAsync(c => c.Id == id))).Issue.ShouldBe("NEET rising in the west");
    }

    private async Task<WorkflowUser> DirectorAsync()
    {
        // As the app sees a signed-in Director: the directorates assigned to them (DirectorateClaims).
        var id = await QueryAsync(db => db.Users.Where(u => u.Email == "director@demo.council").Select(u => u.Id).SingleAsync());
        var directorates = await QueryAsync(db => db.UserDirectorates.Where(u => u.UserId == id)
            .Join(db.Directorates, u => u.DirectorateId, d => d.Id, (u, d) => d.Name).ToListAsync());
        return new WorkflowUser(id, "director@demo.council", IsOfficer: false, IsDirector: true) { Directorates = directorates };
    }

    private Task<CriticalItemSheet?> SheetAsync(string directorate, ReportingPeriod quarter) =>
        WithAsync<CriticalItemsWorkflow, CriticalItemSheet?>(w => w.SheetAsync(directorate, quarter));

    private Task<ChangeResult> AddAsync(string directorate, ReportingPeriod quarter, string measure, CriticalItemInput input, WorkflowUser user) =>
        WithAsync<CriticalItemsWorkflow, ChangeResult>(w => w.AddAsync(directorate, quarter, measure, input, user));

    private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<T> QueryAsync<T>(Func<PerformanceWheelDbContext, Task<T>> query) => WithAsync(query);
}
