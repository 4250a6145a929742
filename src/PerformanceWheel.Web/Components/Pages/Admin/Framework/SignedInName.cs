using Microsoft.AspNetCore.Components.Authorization;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>
/// Who is making a change on an interactive framework page: from the request when the form is posted (the page's first
/// pass), from the circuit's authentication state when the page is live (HttpContext is null in a circuit).
/// </summary>
internal static class SignedInName
{
    public static async Task<string> OfAsync(HttpContext? http, Task<AuthenticationState>? state)
    {
        if (http is not null)
        {
            return FormProblems.UserName(http);
        }

        return state is null ? "unknown" : (await state).User.Identity?.Name ?? "unknown";
    }
}
