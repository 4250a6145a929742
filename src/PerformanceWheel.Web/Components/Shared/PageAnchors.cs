using Microsoft.AspNetCore.Components;

namespace PerformanceWheel.Web.Components.Shared;

/// <summary>
/// Links to a place on the page being shown. The app sets <c>&lt;base href="/"&gt;</c>, so a bare <c>href="#field"</c>
/// means "/#field": following it would leave the page (and, on a form, what the user typed) for the wheel. These links
/// name the page's own address instead, which the browser (and Blazor's navigation) treats as a jump within the page.
/// </summary>
public static class PageAnchors
{
    /// <summary>The address of the current page (path and query) with <paramref name="id"/> as its fragment.</summary>
    public static string OnThisPage(this NavigationManager navigation, string id)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return $"{new Uri(navigation.Uri).PathAndQuery}#{id}";
    }
}
