using Microsoft.Playwright;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>Playwright's waiting assertions (they retry until the page shows the text or the timeout passes).</summary>
public static class Expectations
{
    public static Task ShouldHaveTextAsync(this ILocator locator, string text) => Assertions.Expect(locator).ToHaveTextAsync(text);

    public static Task ShouldContainTextAsync(this ILocator locator, string text) => Assertions.Expect(locator).ToContainTextAsync(text);

    /// <summary>A snackbar saying <paramref name="text"/> among those shown (they stack, so the newest is not always the last).</summary>
    public static Task ShouldSnackAsync(this IPage page, string text) =>
        Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = text }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

    /// <summary>A status message saying <paramref name="text"/>: a notice on a server-rendered page, or a snackbar on a
    /// live one (MudBlazor's snackbar container is a status region too, so a page may have two).</summary>
    public static Task ShouldSayAsync(this IPage page, string text) =>
        Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = text }).First).ToBeVisibleAsync();
}
