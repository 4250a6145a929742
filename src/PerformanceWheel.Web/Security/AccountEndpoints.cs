using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Web.Security;

/// <summary>Endpoints that are not pages: signing out (a POST with an antiforgery token).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/sign-out", async (SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/");
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithName("SignOut");
        endpoints.MapPost("/admin/users/{id}/disable", (string id, HttpContext context, UserAdministration admin) => ToggleAsync(id, true, context, admin))
            .RequireAuthorization(Policies.Administer)
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        endpoints.MapPost("/admin/users/{id}/enable", (string id, HttpContext context, UserAdministration admin) => ToggleAsync(id, false, context, admin))
            .RequireAuthorization(Policies.Administer)
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    private static async Task<IResult> ToggleAsync(string id, bool disable, HttpContext context, UserAdministration admin)
    {
        if (disable && id == context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value)
        {
            return TypedResults.LocalRedirect("/admin/users?message=" + Uri.EscapeDataString("You cannot disable your own account."));
        }

        return await admin.SetDisabledAsync(id, disable, context.User.Identity?.Name ?? "unknown")
            ? TypedResults.LocalRedirect("/admin/users")
            : TypedResults.NotFound();
    }
}
