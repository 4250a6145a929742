using Microsoft.Playwright;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// Runs a named step of a journey; when it fails, saves a full-page screenshot and the page's HTML as test output
/// (PERFORMANCEWHEEL_TEST_ARTIFACTS, else artifacts/e2e under the repository) and rethrows with where they are.
/// </summary>
public static class Evidence
{
    public static string Folder { get; } = ResolveFolder();

    public static async Task StepAsync(IPage page, string name, Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            await step();
        }
        catch (Exception failure) when (failure is not EvidenceSavedException)
        {
            var saved = await SaveAsync(page, name);
            throw new EvidenceSavedException($"Step '{name}' failed at {page.Url}; {saved}. {failure.Message}", failure);
        }
    }

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var stem = Path.Combine(Folder, $"{DateTime.UtcNow:HHmmss}-{Safe(name)}");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            return $"screenshot and HTML saved as {stem}.png/.html";
        }
        catch (PlaywrightException e)
        {
            return $"the page could not be saved ({e.Message})";
        }
    }

    private static string Safe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    private static string ResolveFolder()
    {
        if (Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_ARTIFACTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        return TestFiles.RepositoryRoot() is { } root ? Path.Combine(root, "artifacts", "e2e") : Path.Combine(Path.GetTempPath(), "pw-e2e-artifacts");
    }
}

public sealed class EvidenceSavedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Screenshots for docs/user-guide.md, taken from the journeys themselves so the guide shows the real pages, at the
/// journey's screen size (1366 px) and on a phone (390 px, NAME-390.png):
/// only when PERFORMANCEWHEEL_GUIDE_SHOTS names a folder (scripts/user-guide-screenshots.sh sets it).
/// </summary>
public static class Guide
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_GUIDE_SHOTS") is { Length: > 0 } f ? f : null;

    public static async Task ShotAsync(IPage page, string name, string? scrollTo = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Folder is null)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        if (scrollTo is not null)
        {
            await page.Locator(scrollTo).First.ScrollIntoViewIfNeededAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png") });

        // The same page on a phone (390 px wide), then back to the journey's own size.
        if (page.ViewportSize is { Width: > 390 } size)
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.WaitForTimeoutAsync(300);
            if (scrollTo is not null)
            {
                await page.Locator(scrollTo).First.ScrollIntoViewIfNeededAsync();
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + "-390.png") });
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }
}
