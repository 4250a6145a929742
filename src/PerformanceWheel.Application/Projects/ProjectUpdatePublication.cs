using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Projects;

/// <summary>
/// Publishes a quarter's approved project updates with its figures (OutturnWorkflow.PublishAsync calls this before it
/// saves): each becomes Published, visible to councillors and the public, and locked; an audit entry says how many.
/// The caller saves the changes.
/// </summary>
public static class ProjectUpdatePublication
{
    public static async Task<int> PublishApprovedAsync(PerformanceWheelDbContext db, ReportingPeriod quarter, string user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var approved = await db.ProjectUpdates.Where(u => u.Period == quarter && u.State == WorkflowState.Approved).ToListAsync(cancellationToken);
        foreach (var update in approved)
        {
            update.MoveTo(WorkflowState.Published, user, at);
        }

        if (approved.Count > 0)
        {
            db.AuditEntries.Add(new AuditEntry(user, at, "Published", "Project updates", quarter.Label, $"{approved.Count} project updates published"));
        }

        return approved.Count;
    }
}
