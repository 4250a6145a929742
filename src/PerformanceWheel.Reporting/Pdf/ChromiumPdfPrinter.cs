using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace PerformanceWheel.Reporting.Pdf;

/// <summary>
/// Prints HTML to tagged PDF with one shared Chromium per process (started on first use), a small pool of reused pages,
/// a cap on concurrent renders and a timeout per document. A browser that crashes or disconnects is started again on the
/// next request (docs/decisions/0004).
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<ReportingOptions> options, ILogger<ChromiumPdfPrinter> logger) : IAsyncDisposable
{
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly ReportingOptions _options = options.Value;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _renders = new(Math.Max(1, options.Value.MaxConcurrentRenders));
    private readonly ConcurrentBag<IPage> _pool = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _lastFailure;

    /// <summary>How many times a browser has been launched (a restart after a crash counts again).</summary>
    public int Launches { get; private set; }

    /// <summary>Why PDF rendering cannot work, or null when it looks possible (used by /health).</summary>
    public string? UnavailableReason()
    {
        var executable = _options.ResolveExecutable();
        if (executable is not null && !File.Exists(executable))
        {
            return $"No browser at {executable}. {InstallHint}";
        }

        if (executable is null && string.IsNullOrWhiteSpace(_options.BrowserChannel))
        {
            return $"No browser configured. {InstallHint}";
        }

        return _lastFailure;
    }

    private static string InstallHint =>
        "PDF packs need Chromium: on Debian/Ubuntu run 'apt-get install chromium fonts-liberation fonts-dejavu-core', " +
        "or set Reporting:BrowserExecutablePath to a Chromium or Chrome executable (or Reporting:BrowserChannel to msedge or chrome on Windows).";

    public async Task<byte[]> PrintAsync(PdfPrintRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Timeout ?? TimeSpan.FromSeconds(Math.Max(1, _options.PackTimeoutSeconds));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        await _renders.WaitAsync(timeout.Token);
        try
        {
            try
            {
                return await PrintOnceAsync(request, limit, timeout.Token);
            }
            catch (PlaywrightException ex) when (_browser is not { IsConnected: true })
            {
                // The browser died under us (crash, OOM kill): start a new one and try once more.
                logger.LogWarning(ex, "Chromium disconnected while printing; restarting it");
                await ResetAsync();
                return await PrintOnceAsync(request, limit, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The PDF took longer than {limit.TotalSeconds:0} s to print.");
        }
        finally
        {
            _renders.Release();
        }
    }

    private async Task<byte[]> PrintOnceAsync(PdfPrintRequest request, TimeSpan limit, CancellationToken cancellationToken)
    {
        var page = await RentPageAsync(cancellationToken);
        var healthy = false;
        try
        {
            var timeoutMs = (float)limit.TotalMilliseconds;
            await page.SetContentAsync(request.Html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeoutMs }).WaitAsync(cancellationToken);
            var footer = HtmlEncoder.Default.Encode(request.FooterText);
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Tagged = true,
                Outline = true,
                PreferCSSPageSize = true,
                PrintBackground = true,
                Format = "A4",
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate =
                    "<div style=\"font-family:'Liberation Sans',Arial,sans-serif;font-size:8pt;color:#333;width:100%;padding:0 15mm;display:flex;justify-content:space-between\">" +
                    $"<span>{footer}</span><span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
            }).WaitAsync(cancellationToken);
            healthy = true;
            return pdf;
        }
        finally
        {
            await ReturnPageAsync(page, healthy);
        }
    }

    private async Task<IPage> RentPageAsync(CancellationToken cancellationToken)
    {
        while (_pool.TryTake(out var pooled))
        {
            if (!pooled.IsClosed && _browser is { IsConnected: true })
            {
                return pooled;
            }
        }

        var browser = await BrowserAsync(cancellationToken);

        // Packs are static HTML: printed with JavaScript off, so nothing in a figure or commentary could ever run.
        return await browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false }).WaitAsync(cancellationToken);
    }

    private async Task ReturnPageAsync(IPage page, bool healthy)
    {
        if (healthy && !page.IsClosed && _browser is { IsConnected: true } && _pool.Count < _options.PagePoolSize)
        {
            _pool.Add(page);
            return;
        }

        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The page or its browser is already gone.
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            var reason = UnavailableReason();
            if (reason is not null && reason != _lastFailure)
            {
                throw new PdfRenderingUnavailableException(reason);
            }

            _playwright ??= await Playwright.CreateAsync();
            var launch = new BrowserTypeLaunchOptions
            {
                Headless = true,
                Args = LaunchArgs,
                ExecutablePath = _options.ResolveExecutable(),
                Channel = _options.ResolveExecutable() is null ? _options.BrowserChannel : null,
            };
            try
            {
                var browser = await _playwright.Chromium.LaunchAsync(launch);
                browser.Disconnected += (_, _) =>
                {
                    logger.LogWarning("Chromium disconnected; it will be started again for the next PDF");
                    _pool.Clear();
                };
                _browser = browser;
                _lastFailure = null;
                Launches++;
                logger.LogInformation("Chromium started for PDF packs ({Version})", browser.Version);
                return browser;
            }
            catch (PlaywrightException ex)
            {
                _lastFailure = $"Chromium could not be started: {ex.Message.Split('\n')[0]} {InstallHint}";
                throw new PdfRenderingUnavailableException(_lastFailure, ex);
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task ResetAsync()
    {
        _pool.Clear();
        var browser = _browser;
        _browser = null;
        if (browser is not null)
        {
            try
            {
                await browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already dead.
            }
        }
    }

    /// <summary>For tests: kills the browser as a crash would.</summary>
    internal async Task SimulateCrashAsync()
    {
        if (_browser is { } browser)
        {
            await browser.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        _playwright?.Dispose();
        _startLock.Dispose();
        _renders.Dispose();
    }
}
