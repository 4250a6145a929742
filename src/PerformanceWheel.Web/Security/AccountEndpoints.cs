using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Web.Security;

/// <summary>Endpoints that are not pages: signing out (a POST with an antiforgery token).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/sign-out", async Task<IResult> (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
            {
                if (!await IsValidAsync(context, antiforgery))
                {
                    return InvalidForm();
                }

                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/");
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithName("SignOut");
        endpoints.MapPost("/admin/users/{id}/disable", (string id, HttpContext context, IAntiforgery antiforgery, UserAdministration admin) => ToggleAsync(id, true, context, antiforgery, admin))
            .RequireAuthorization(Policies.Administer)
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        endpoints.MapPost("/admin/users/{id}/enable", (string id, HttpContext context, IAntiforgery antiforgery, UserAdministration admin) => ToggleAsync(id, false, context, antiforgery, admin))
            .RequireAuthorization(Policies.Administer)
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    /// <summary>The antiforgery middleware's verdict on this request (it validates endpoints marked as needing a token).</summary>
    private static async Task<bool> IsValidAsync(HttpContext context, IAntiforgery antiforgery) =>
        context.Features.Get<IAntiforgeryValidationFeature>() is { } checkedAlready
            ? checkedAlready.IsValid
            : await antiforgery.IsRequestValidAsync(context);

    // A body is written, so the status-code page does not re-run the (POST) request.
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InvalidForm() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The form could not be accepted",
        detail: "The form was missing its security token or it has expired. Go back, reload the page and try again.");

    private static async Task<IResult> ToggleAsync(string id, bool disable, HttpContext context, IAntiforgery antiforgery, UserAdministration admin)
    {
        // These endpoints bind no form fields, so the antiforgery token is checked here (a missing token gives 400).
        if (!await IsValidAsync(context, antiforgery))
        {
            return InvalidForm();
        }

        if (disable && UserAdministration.DisableRefusal(id, context.User) is { } refusal)
        {
            return TypedResults.LocalRedirect("/admin/users?message=" + Uri.EscapeDataString(refusal));
        }

        return await admin.SetDisabledAsync(id, disable, context.User.Identity?.Name ?? "unknown")
            ? TypedResults.LocalRedirect("/admin/users")
            : TypedResults.NotFound();
    }
}
