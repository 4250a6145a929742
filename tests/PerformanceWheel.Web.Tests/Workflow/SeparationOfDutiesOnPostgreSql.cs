using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>Separation of duties on PostgreSQL: who entered a figure is stored and read back, a refusal changes nothing, an Admin's override is audited.</summary>
public sealed class SeparationOfDutiesOnPostgreSql(PostgreSqlApp app) : IClassFixture<PostgreSqlApp>
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    [PostgreSqlFact]
    public async Task AnAdminWhoEnteredAFigureIsRefusedItsApprovalUntilOverridingWithAReason()
    {
        app.Factory.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        const string Directorate = "Public Health";
        var row = (await WorkflowAsync(w => w.GridAsync(Directorate, Quarter)))!.Rows.First(r => r.Outturn is null);
        (await WorkflowAsync(w => w.SaveAsync(Directorate, [new EntryInput(row.Measure.Code, row.Period.Code, null, "Tbc", false, null, null)], "admin@demo.council"))).Single().Saved.ShouldBeTrue();
        await WorkflowAsync(w => w.SubmitAsync(Directorate, Quarter, "officer@demo.council"));
        var before = await FingerprintAsync();

        var refused = await WorkflowAsync(w => w.ApproveAsync(Directorate, Quarter, "admin@demo.council", isAdmin: true));

        refused.Approved.ShouldBe(0);
        refused.Conflicts.ShouldBe([$"{row.Measure.Code} {row.Period.Label} (you entered it)"]);
        (await FingerprintAsync()).ShouldBe(before);

        var approved = await WorkflowAsync(w => w.ApproveAsync(Directorate, Quarter, "admin@demo.council", isAdmin: true, overrideReason: "Committee deadline"));

        (approved.Approved, approved.Overridden).ShouldBe((1, true));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var figure = await db.Outturns.SingleAsync(o => o.Measure.Code == row.Measure.Code && o.Period == row.Period);
        (figure.State, figure.EnteredBy, figure.UpdatedBy).ShouldBe((WorkflowState.Approved, "admin@demo.council", "admin@demo.council"));
        (await db.AuditEntries.SingleAsync(a => a.Action == OutturnWorkflow.OverrideAction)).Changes!.ShouldEndWith("Reason: Committee deadline");
    }

    private Task<T> WorkflowAsync<T>(Func<OutturnWorkflow, Task<T>> action) => WorkflowQueries.WithWorkflowAsync(app.Factory, action);

    private async Task<string> FingerprintAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var figures = await db.Outturns.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id + ":" + o.State + ":" + o.Version).ToListAsync();
        return $"{string.Join(",", figures)} audit={await db.AuditEntries.CountAsync()}";
    }
}
