using Microsoft.AspNetCore.Authorization;
using PerformanceWheel.Application.Workflow;

namespace PerformanceWheel.Web.Security;

/// <summary>The resource of a directorate operation: the directorate, by name.</summary>
public sealed record DirectorateResource(string Name);

/// <summary>One operation on a directorate (<see cref="DirectorateOperation"/>), checked against a <see cref="DirectorateResource"/>.</summary>
public sealed class DirectorateRequirement(DirectorateOperation operation) : IAuthorizationRequirement
{
    public DirectorateOperation Operation { get; } = operation;
}

/// <summary>
/// The requirements of the directorate operations, used by pages and API endpoints alike with
/// <c>IAuthorizationService.AuthorizeAsync(user, new DirectorateResource(name), DirectorateOperations.ApproveFigures)</c>.
/// An endpoint's policy says which roles may call it at all; whether this person may act on this directorate is decided
/// here, per resource. (There is no role-only approval policy: the former ApproveOutturns policy let a Director of any
/// directorate through and was never used, so it was removed; approving is <see cref="ApproveFigures"/>.)
/// </summary>
public static class DirectorateOperations
{
    public static readonly DirectorateRequirement ReviewFigures = new(DirectorateOperation.ReviewFigures);

    public static readonly DirectorateRequirement EnterFigures = new(DirectorateOperation.EnterFigures);

    public static readonly DirectorateRequirement SubmitFigures = new(DirectorateOperation.SubmitFigures);

    public static readonly DirectorateRequirement ApproveFigures = new(DirectorateOperation.ApproveFigures);

    public static readonly DirectorateRequirement ReturnFigures = new(DirectorateOperation.ReturnFigures);

    public static readonly DirectorateRequirement CriticalItems = new(DirectorateOperation.CriticalItems);

    public static readonly DirectorateRequirement ProjectUpdates = new(DirectorateOperation.ProjectUpdates);

    public static readonly DirectorateRequirement KeyIssues = new(DirectorateOperation.KeyIssues);

    /// <summary>The operations of <paramref name="requirements"/> the user may perform on the directorate.</summary>
    public static async Task<IReadOnlySet<DirectorateOperation>> AllowedAsync(
        this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, string directorate, params DirectorateRequirement[] requirements)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(requirements);
        var resource = new DirectorateResource(directorate);
        var allowed = new HashSet<DirectorateOperation>();
        foreach (var requirement in requirements)
        {
            if ((await authorization.AuthorizeAsync(user, resource, requirement)).Succeeded)
            {
                allowed.Add(requirement.Operation);
            }
        }

        return allowed;
    }
}

/// <summary>Decides a <see cref="DirectorateRequirement"/> for a directorate by the one rule, <see cref="DirectorateAccess"/>.</summary>
internal sealed class DirectorateAuthorizationHandler : AuthorizationHandler<DirectorateRequirement, DirectorateResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DirectorateRequirement requirement, DirectorateResource resource)
    {
        if (context.User.Identity?.IsAuthenticated == true && DirectorateAccess.Allows(WorkflowUser.From(context.User), requirement.Operation, resource.Name))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
