using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Projects;

/// <summary>
/// The project update commands with a context of their own per operation, for an interactive page: its circuit lives
/// for as long as the tab is open, so a context kept for it would carry a refused change's edits into the next save.
/// Each step runs <see cref="ProjectUpdateCommands"/> itself (the one path by which updates change) on a new context.
/// </summary>
public sealed class ProjectUpdateSteps(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    /// <inheritdoc cref="ProjectUpdateCommands.SaveAsync"/>
    public Task<ProjectUpdateResult> SaveAsync(WorkflowUser user, ProjectUpdateInput input, CancellationToken cancellationToken = default) =>
        RunAsync(c => c.SaveAsync(user, input, cancellationToken), cancellationToken);

    /// <inheritdoc cref="ProjectUpdateCommands.SubmitAsync"/>
    public Task<ProjectUpdateResult> SubmitAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default) =>
        RunAsync(c => c.SubmitAsync(user, directorate, quarter, cancellationToken), cancellationToken);

    /// <inheritdoc cref="ProjectUpdateCommands.ApproveAsync"/>
    public Task<ProjectUpdateResult> ApproveAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default) =>
        RunAsync(c => c.ApproveAsync(user, directorate, quarter, cancellationToken), cancellationToken);

    /// <inheritdoc cref="ProjectUpdateCommands.ReturnAsync"/>
    public Task<ProjectUpdateResult> ReturnAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, string? projectCode, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(c => c.ReturnAsync(user, directorate, quarter, projectCode, reason, cancellationToken), cancellationToken);

    private async Task<ProjectUpdateResult> RunAsync(Func<ProjectUpdateCommands, Task<ProjectUpdateResult>> step, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await step(new ProjectUpdateCommands(db, clock));
    }
}
