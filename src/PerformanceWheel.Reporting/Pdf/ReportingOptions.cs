namespace PerformanceWheel.Reporting.Pdf;

/// <summary>Settings under <c>Reporting</c>: where the browser is and how hard it may be worked.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Linux default: apt's chromium (docs/decisions/0004).</summary>
    public const string DefaultLinuxBrowser = "/usr/bin/chromium";

    /// <summary>The Chromium (or Chrome/Edge) executable. Empty: <see cref="BrowserChannel"/>, else /usr/bin/chromium on Linux.</summary>
    public string? BrowserExecutablePath { get; set; }

    /// <summary>A Playwright channel such as <c>msedge</c> or <c>chrome</c> (an installed browser, mostly on Windows).</summary>
    public string? BrowserChannel { get; set; }

    /// <summary>Seconds a pack may take to print before it is abandoned.</summary>
    public int PackTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Seconds a Cabinet or Scrutiny pack made in the background may take to print (a large council's runs to hundreds of
    /// pages; no request waits for it: docs/decisions/0015).
    /// </summary>
    public int BackgroundPackTimeoutSeconds { get; set; } = 1800;

    /// <summary>Make the latest published quarter's Cabinet and Scrutiny packs as soon as a quarter is published.</summary>
    public bool MakePacksAhead { get; set; } = true;

    /// <summary>
    /// Megabytes of made Cabinet and Scrutiny packs a node keeps in memory to serve again without reading them from the
    /// database (a large council's pack is about 20 MB); 0 keeps none.
    /// </summary>
    public int StoredPackMemoryMegabytes { get; set; } = 128;

    /// <summary>How often the pack maker looks for queued packs and new publications, in seconds.</summary>
    public int PackPollSeconds { get; set; } = 10;

    /// <summary>How many packs print at the same time; more wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>How many browser pages are kept open between packs.</summary>
    public int PagePoolSize { get; set; } = 2;

    /// <summary>The executable to launch, or null when a channel is used.</summary>
    public string? ResolveExecutable()
    {
        if (!string.IsNullOrWhiteSpace(BrowserExecutablePath))
        {
            return BrowserExecutablePath;
        }

        if (!string.IsNullOrWhiteSpace(BrowserChannel))
        {
            return null;
        }

        return OperatingSystem.IsLinux() ? DefaultLinuxBrowser : null;
    }
}
