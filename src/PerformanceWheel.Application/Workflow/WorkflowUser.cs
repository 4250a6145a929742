using System.Security.Claims;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Application.Workflow;

/// <summary>
/// Who is making a change in the workflow: officers (Admin, PerformanceOfficer) act for every directorate; a Director
/// acts for the directorates they are assigned to (OutturnWorkflow.IsDirectorOfAsync).
/// </summary>
public sealed record WorkflowUser(string? UserId, string Name, bool IsOfficer, bool IsDirector)
{
    public static WorkflowUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new WorkflowUser(
            principal.FindFirst(ClaimTypes.NameIdentifier)?.Value,
            principal.Identity?.Name ?? "unknown",
            principal.IsInRole(Roles.Admin) || principal.IsInRole(Roles.PerformanceOfficer),
            principal.IsInRole(Roles.Director));
    }
}
