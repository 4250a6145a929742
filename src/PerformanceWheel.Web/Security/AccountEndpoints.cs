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
        return endpoints;
    }
}
