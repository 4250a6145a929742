using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>The workflow service in a scope of its own, and a figure's state as the database holds it.</summary>
internal static class WorkflowQueries
{
    public static async Task<T> WithWorkflowAsync<T>(AppFactory factory, Func<OutturnWorkflow, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<OutturnWorkflow>());
    }

    public static async Task<WorkflowState?> StateAsync(AppFactory factory, string code, ReportingPeriod period)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.Outturns.Where(o => o.Measure.Code == code && o.Period == period).Select(o => (WorkflowState?)o.State).SingleOrDefaultAsync();
    }
}
