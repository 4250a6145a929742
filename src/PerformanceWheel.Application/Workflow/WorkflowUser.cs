using System.Security.Claims;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Application.Workflow;

/// <summary>
/// Who is making a change in the workflow: officers (Admin, PerformanceOfficer) act for every directorate; a Director
/// acts for the directorates they are assigned to (<see cref="Directorates"/>: the <see cref="DirectorateAccess.ClaimType"/>
/// claims, loaded for a signed-in Director on every request and carried by a Director API key).
/// What each may do is <see cref="DirectorateAccess"/>.
/// </summary>
public sealed record WorkflowUser(string? UserId, string Name, bool IsOfficer, bool IsDirector)
{
    public bool IsAdmin { get; init; }

    /// <summary>The directorates a Director answers for (by name); empty for other roles.</summary>
    public IReadOnlyCollection<string> Directorates { get; init; } = [];

    /// <summary>Whether the user is a Director of <paramref name="directorate"/>.</summary>
    public bool Directs(string? directorate) => IsDirector && directorate is not null && Directorates.Contains(directorate, StringComparer.Ordinal);

    public static WorkflowUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var isDirector = principal.IsInRole(Roles.Director);
        return new WorkflowUser(
            principal.FindFirst(ClaimTypes.NameIdentifier)?.Value,
            principal.Identity?.Name ?? "unknown",
            principal.IsInRole(Roles.Admin) || principal.IsInRole(Roles.PerformanceOfficer),
            isDirector)
        {
            IsAdmin = principal.IsInRole(Roles.Admin),
            Directorates = isDirector ? principal.FindAll(DirectorateAccess.ClaimType).Select(c => c.Value).ToList() : [],
        };
    }
}
