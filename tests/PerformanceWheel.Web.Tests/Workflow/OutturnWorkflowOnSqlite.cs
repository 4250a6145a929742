using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>The quarterly cycle on the demo council: enter, submit, return, correct, approve, publish, correct a published figure.</summary>
public sealed class OutturnWorkflowOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string PublicHealth = "Public Health";
    private static readonly ReportingPeriod NextQuarter = ReportingPeriod.Parse("2019/20 Q3");

    [Fact]
    public async Task ARunsFromEntryToPublicationWithAReturnInBetween()
    {
        // Enter: one good row, one non-number, one percentage over 100. The good row is saved; the others say why.
        var outcomes = await WithWorkflowAsync(w => w.SaveAsync(PublicHealth,
        [
            new EntryInput("PH-HV-01", "2019/20 Q3", "91.5", null, false, "Visits back on track", null),
            new EntryInput("PH-DEV-01", "2019/20 Q3", "seventy", null, false, null, null),
            new EntryInput("PH-BF-01", "2019/20 Q3", "120", null, false, null, null),
        ], "officer@demo.council"));

        outcomes.Single(o => o.MeasureCode == "PH-HV-01").Saved.ShouldBeTrue();
        outcomes.Single(o => o.MeasureCode == "PH-DEV-01").Message.ShouldBe("'seventy' is not a number. Enter digits, such as 84.8.");
        outcomes.Single(o => o.MeasureCode == "PH-BF-01").Message.ShouldBe("A percentage must be between 0 and 100.");
        (await StateAsync("PH-HV-01")).ShouldBe(WorkflowState.Draft);
        (await StateAsync("PH-DEV-01")).ShouldBeNull();

        (await WithWorkflowAsync(w => w.SubmitAsync(PublicHealth, NextQuarter, "officer@demo.council"))).ShouldBe(1);
        (await WithWorkflowAsync(w => w.ReturnAsync(PublicHealth, NextQuarter, "PH-HV-01", "Check against the provider's return", "director@demo.council"))).ShouldBe(1);
        (await StateAsync("PH-HV-01")).ShouldBe(WorkflowState.Returned);

        // The officer corrects it (a revision records old → new) and resubmits; the Director approves; the period is published.
        var corrected = await WithWorkflowAsync(w => w.SaveAsync(PublicHealth, [new EntryInput("PH-HV-01", "2019/20 Q3", "90.8", null, false, "Corrected", null)], "officer@demo.council"));
        corrected.ShouldHaveSingleItem().Saved.ShouldBeTrue();
        await WithWorkflowAsync(w => w.SubmitAsync(PublicHealth, NextQuarter, "officer@demo.council"));
        await WithWorkflowAsync(w => w.ApproveAsync(PublicHealth, NextQuarter, "director@demo.council"));
        (await WithWorkflowAsync(w => w.PublishAsync(NextQuarter, "admin@demo.council", partOfQuarter: true))).Published.ShouldBe(1);
        (await StateAsync("PH-HV-01")).ShouldBe(WorkflowState.Published);

        // A published figure is locked in the grid; a correction needs a reason and keeps the history.
        var locked = await WithWorkflowAsync(w => w.SaveAsync(PublicHealth, [new EntryInput("PH-HV-01", "2019/20 Q3", "99", null, false, null, null)], "officer@demo.council"));
        locked.ShouldHaveSingleItem().Message.ShouldBe("This figure is published and can no longer be edited here.");
        await Should.ThrowAsync<PerformanceWheel.Domain.Common.DomainException>(() =>
            WithWorkflowAsync(async w => { await w.CorrectAsync("PH-HV-01", NextQuarter, 90.9m, null, " ", "officer@demo.council"); return 0; }));
        await WithWorkflowAsync(async w => { await w.CorrectAsync("PH-HV-01", NextQuarter, 90.9m, null, "Late return from a clinic", "officer@demo.council"); return 0; });

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var revisions = await db.OutturnRevisions.Where(r => r.Outturn.Measure.Code == "PH-HV-01" && r.Period == NextQuarter).OrderBy(r => r.Id).ToListAsync();
        revisions.Select(r => (r.OldValue, r.NewValue, r.Kind)).ShouldBe([(91.5m, 90.8m, RevisionKind.Edit), (90.8m, 90.9m, RevisionKind.Correction)]);
        revisions[^1].Reason.ShouldBe("Late return from a clinic");
        (await db.AuditEntries.Where(a => a.EntityType == "Directorate period").Select(a => a.Action).ToListAsync())
            .ShouldBe(["Submitted", "Returned", "Submitted", "Approved"]);
    }

    [Fact]
    public async Task TwoPeopleSavingTheSameFigureGetAConflictAndNothingIsLost()
    {
        await WithWorkflowAsync(w => w.SaveAsync(PublicHealth, [new EntryInput("PH-WB-01", "Oct-19", "70", null, false, null, null)], "officer@demo.council"));
        var version = await VersionAsync("PH-WB-01", "Oct-19");

        var first = await WithWorkflowAsync(w => w.SaveAsync(PublicHealth, [new EntryInput("PH-WB-01", "Oct-19", "71", null, false, null, version)], "first@demo.council"));
        var second = await WithWorkflowAsync(w => w.SaveAsync(PublicHealth, [new EntryInput("PH-WB-01", "Oct-19", "75", null, false, null, version)], "second@demo.council"));

        first.ShouldHaveSingleItem().Saved.ShouldBeTrue();
        var conflict = second.ShouldHaveSingleItem();
        conflict.Saved.ShouldBeFalse();
        conflict.Message!.ShouldStartWith("first@demo.council saved 71 since you opened this page.");
        (await ValueAsync("PH-WB-01", "Oct-19")).ShouldBe(71m);
    }

    [Fact]
    public async Task OfficersOpenTheGridCouncillorsCannot()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var councillor = await SignedInClient.AsAsync(app.Factory, Roles.Councillor);

        var page = await officer.GetAsync(new Uri("/outturns/Public%20Health?period=2019/20%20Q3", UriKind.Relative));
        var denied = await councillor.GetAsync(new Uri("/outturns/Public%20Health?period=2019/20%20Q3", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Public Health outturns, 2019/20 Q3");
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task TheTrackerCountsEachDirectoratesFiguresAndFlagsOverdueOnes()
    {
        var lines = await WithWorkflowAsync(w => w.TrackerAsync(ReportingPeriod.Parse("2019/20 Q2")));

        lines.Count.ShouldBe(7);
        var adults = lines.Single(l => l.Directorate == "Adults Services");
        adults.Due.ShouldBeGreaterThan(0);
        (adults.Missing.Count + adults.Draft + adults.Returned + adults.Submitted + adults.Approved + adults.Published).ShouldBe(adults.Due);
        adults.Published.ShouldBeGreaterThan(0);
        adults.DueBy.ShouldBe(new DateOnly(2019, 10, 30));
        lines.Where(l => l.Missing.Count > 0).ShouldAllBe(l => l.IsOverdue);
    }

    private Task<T> WithWorkflowAsync<T>(Func<OutturnWorkflow, Task<T>> action) => WorkflowQueries.WithWorkflowAsync(app.Factory, action);

    private Task<WorkflowState?> StateAsync(string code) => WorkflowQueries.StateAsync(app.Factory, code, NextQuarter);

    private async Task<int> VersionAsync(string code, string period)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var p = ReportingPeriod.Parse(period);
        return await db.Outturns.Where(o => o.Measure.Code == code && o.Period == p).Select(o => o.Version).SingleAsync();
    }

    private async Task<decimal?> ValueAsync(string code, string period)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var p = ReportingPeriod.Parse(period);
        return await db.Outturns.Where(o => o.Measure.Code == code && o.Period == p).Select(o => o.Value).SingleAsync();
    }
}
