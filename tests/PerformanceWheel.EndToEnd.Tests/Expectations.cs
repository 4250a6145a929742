using Microsoft.Playwright;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>Playwright's waiting assertions (they retry until the page shows the text or the timeout passes).</summary>
public static class Expectations
{
    public static Task ShouldHaveTextAsync(this ILocator locator, string text) => Assertions.Expect(locator).ToHaveTextAsync(text);

    public static Task ShouldContainTextAsync(this ILocator locator, string text) => Assertions.Expect(locator).ToContainTextAsync(text);
}
