using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Web.Security;

/// <summary>The named authorization policies. Every page and endpoint names one (or is explicitly anonymous).</summary>
public static class Policies
{
    /// <summary>Read published figures: anyone signed in, or anybody when the council allows anonymous reading.</summary>
    public const string ReadPerformance = "ReadPerformance";

    /// <summary>Set up the framework and collect outturns: Admin or PerformanceOfficer.</summary>
    public const string ManageFramework = "ManageFramework";

    /// <summary>
    /// Open the outturn entry grid: officers enter, directors review; Admin both. Which directorate's grid, and what the
    /// person may do in it (enter, submit, approve, return), is decided per directorate by <see cref="DirectorateOperations"/>.
    /// </summary>
    public const string Workflow = "Workflow";

    /// <summary>
    /// Open the director's review (approve, return, key issues): Director or Admin. Which directorate, per directorate by
    /// <see cref="DirectorateOperations"/> (a Director of that directorate, or an Admin), and again by each command.
    /// </summary>
    public const string Review = "Review";

    /// <summary>
    /// Enter the quarter's finance (budget lines and the budget position statement): Admin and PerformanceOfficer. A
    /// council's finance lead is given a PerformanceOfficer account; there is no separate finance role.
    /// </summary>
    public const string EnterFinance = "EnterFinance";

    /// <summary>Manage users and council settings: Admin only.</summary>
    public const string Administer = "Administer";

    /// <summary>Any signed-in user (their own account pages).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Roles that may see figures that are not yet published (marked as drafts wherever they appear).</summary>
    public static bool SeesDrafts(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.PerformanceOfficer) || user.IsInRole(Roles.Director);
    }

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(ReadPerformance, p => p.AddRequirements(new ReadPerformanceRequirement()));
        options.AddPolicy(ManageFramework, p => p.RequireRole(Roles.Admin, Roles.PerformanceOfficer));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(EnterFinance, p => p.RequireRole(Roles.Admin, Roles.PerformanceOfficer));
        options.AddPolicy(Workflow, p => p.RequireRole(Roles.Admin, Roles.PerformanceOfficer, Roles.Director));
        options.AddPolicy(Review, p => p.RequireRole(Roles.Admin, Roles.Director));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());

        // Anything that forgets to name a policy needs a signed-in user (and the authorization matrix test fails).
        // A request that matches no endpoint at all passes through to the 404 page.
        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && http.GetEndpoint() is null))
            .Build();
    }
}

/// <summary>Met by a signed-in user, or by anybody when the council's setting allows reading without signing in.</summary>
public sealed class ReadPerformanceRequirement : IAuthorizationRequirement;

/// <summary>
/// The council's setting is kept with the evaluated quarters under the figures version (a settings change raises it), so
/// an anonymous reader's request, served from the page cache, costs no query for it.
/// </summary>
internal sealed class ReadPerformanceHandler(
    IDbContextFactory<PerformanceWheelDbContext> contextFactory, IFiguresVersion figuresVersion, EvaluatedQuarters evaluated) : AuthorizationHandler<ReadPerformanceRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadPerformanceRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
            return;
        }

        var version = await figuresVersion.CurrentAsync(CancellationToken.None);
        var reading = await evaluated.GetOrAddAsync(version, "anonymous-reading", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            return new AnonymousReading(await db.CouncilSettings.AnyAsync(c => c.AllowAnonymousReading));
        }, _ => 1, CancellationToken.None);
        if (reading!.Allowed)
        {
            context.Succeed(requirement);
        }
    }

    private sealed record AnonymousReading(bool Allowed);
}
