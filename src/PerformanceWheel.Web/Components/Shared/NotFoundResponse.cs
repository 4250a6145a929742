using Microsoft.AspNetCore.Diagnostics;

namespace PerformanceWheel.Web.Components.Shared;

/// <summary>Answers 404 from a page that writes its own explanation and a way back.</summary>
public static class NotFoundResponse
{
    public static void Apply(HttpContext? context)
    {
        if (context is null || context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;

        // The page writes its own 404 body: the status-code-pages middleware must not replace it.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }
}
