using Microsoft.AspNetCore.Components;

namespace PerformanceWheel.Web.Components.Shared;

/// <summary>
/// Answers 404 from a page: NavigationManager.NotFound() sets the status and renders the router's NotFound page,
/// which shows the message left here (what was not found) and a way back.
/// </summary>
public static class NotFoundResponse
{
    public const string MessageKey = "PerformanceWheel.NotFoundMessage";

    public static void Apply(NavigationManager navigation, HttpContext? context, string message)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (context is not null)
        {
            context.Items[MessageKey] = message;
        }

        navigation.NotFound();
    }
}
