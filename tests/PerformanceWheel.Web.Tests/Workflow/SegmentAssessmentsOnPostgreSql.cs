using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>Judging segments and keeping critical items on PostgreSQL: the audit key query, the version check and the unique judgement per quarter.</summary>
public sealed class SegmentAssessmentsOnPostgreSql(PostgreSqlApp app) : IClassFixture<PostgreSqlApp>
{
    [PostgreSqlFact]
    public async Task AJudgementIsSavedAuditedAndAStaleSaveRefused()
    {
        app.Factory.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        var quarter = ReportingPeriod.Parse("2019/20 Q2");

        var first = await SaveAsync(quarter, new AssessmentInput("O1.4", "Red", "Two projects are Red", "Declining", "Board review", null), "first@demo.council");
        var stale = await SaveAsync(quarter, new AssessmentInput("O1.4", "Green", null, null, "Board review", null), "second@demo.council");

        first.ShouldHaveSingleItem().Saved.ShouldBeTrue();
        stale.ShouldHaveSingleItem().Message!.ShouldStartWith("first@demo.council judged it Red, declining since you opened this page.");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sheet = await scope.ServiceProvider.GetRequiredService<SegmentAssessments>().SheetAsync(quarter);
        sheet.Row("O1.4")!.Assessment!.JudgedRag.ShouldBe(RagStatus.Red);
        sheet.History.ShouldHaveSingleItem().Action.ShouldBe("Corrected");

        var items = scope.ServiceProvider.GetRequiredService<CriticalItemsWorkflow>();
        var officer = new WorkflowUser(null, "officer@demo.council", IsOfficer: true, IsDirector: false);
        (await items.AddAsync("Childrens Services", quarter, "O3.1-01", new CriticalItemInput("Issue", "Action", "Owner"), officer)).Succeeded.ShouldBeTrue();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        (await db.AuditEntries.CountAsync(a => a.EntityType == CriticalItemsWorkflow.AuditType)).ShouldBe(1);
        (await items.SheetAsync("Childrens Services", quarter))!.History.ShouldHaveSingleItem().Action.ShouldBe("Added");
    }

    private async Task<IReadOnlyList<AssessmentOutcome>> SaveAsync(ReportingPeriod quarter, AssessmentInput input, string user)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SegmentAssessments>().SaveAsync(quarter, [input], user);
    }
}
