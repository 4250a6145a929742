using Microsoft.Playwright;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>Playwright's waiting assertions (they retry until the page shows the text or the timeout passes).</summary>
public static class Expectations
{
    public static Task ShouldHaveTextAsync(this ILocator locator, string text) => Assertions.Expect(locator).ToHaveTextAsync(text);

    public static Task ShouldContainTextAsync(this ILocator locator, string text) => Assertions.Expect(locator).ToContainTextAsync(text);

    /// <summary>
    /// The locator's text as a reader sees it (innerText, as InnerTextAsync reads it) holds each of <paramref name="texts"/>,
    /// waited for in turn: a live page still drawing (its circuit's first render before its data is read, a list read again
    /// after a save) only makes the check slower, where a single read could catch it half drawn. A failure names the text
    /// missing and what the locator held.
    /// </summary>
    public static async Task ShouldContainEachAsync(this ILocator locator, params IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            await Assertions.Expect(locator).ToContainTextAsync(text, new() { UseInnerText = true });
        }
    }

    /// <summary>
    /// Chooses the file at <paramref name="path"/> in a live page's file input (Blazor's InputFile) and waits until the
    /// page says it took it (<paramref name="taken"/> shows <paramref name="saying"/>). The input is on the page from the
    /// circuit's first render but hears a choice only once its script has started, a moment later (seconds on a loaded
    /// machine: a CI run chose the workbook in between and the upload button never woke), so an unheard choice is made again.
    /// </summary>
    public static async Task ChooseFileAsync(this ILocator input, string path, ILocator taken, string saying)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var attempt = 1; ; attempt++)
        {
            await input.SetInputFilesAsync(path);
            try
            {
                await Assertions.Expect(taken).ToContainTextAsync(saying, new() { Timeout = 5_000 });
                return;
            }
            catch (Exception e) when ((e is PlaywrightException or TimeoutException) && attempt < 6)
            {
                // Not heard: choose it again.
            }
        }
    }

    /// <summary>A snackbar saying <paramref name="text"/> among those shown (they stack, so the newest is not always the last).</summary>
    public static Task ShouldSnackAsync(this IPage page, string text) =>
        Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = text }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

    /// <summary>A status message saying <paramref name="text"/>: a notice on a server-rendered page, or a snackbar on a
    /// live one (MudBlazor's snackbar container is a status region too, so a page may have two).</summary>
    public static Task ShouldSayAsync(this IPage page, string text) =>
        Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = text }).First).ToBeVisibleAsync();
}
