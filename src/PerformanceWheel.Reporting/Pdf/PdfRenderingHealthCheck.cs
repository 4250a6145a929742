using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Playwright;
using PerformanceWheel.Reporting.Packs;

namespace PerformanceWheel.Reporting.Pdf;

/// <summary>
/// /health: prints a real one-page document through the same renderer and printer the packs use, and says what it found.
/// Degraded (not Unhealthy) when no browser can be found, started or made to print: the rest of the app works. The result
/// is kept for <see cref="CacheFor"/> so that a load balancer polling /health does not start a print each time (the check
/// is a singleton so the answer outlives a request).
/// </summary>
public sealed class PdfRenderingHealthCheck(ChromiumPdfPrinter printer, TimeProvider time) : IHealthCheck, IDisposable
{
    /// <summary>How long one check's answer is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(45);

    private const string Html =
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>PDF rendering check</title></head>" +
        "<body><h1>PDF rendering check</h1><p>PerformanceWheel printed this page to check that PDF packs can be made.</p></body></html>";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var result = await PrintTestPageAsync(cancellationToken);
            _last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private HealthCheckResult? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.At < CacheFor ? last.Result : null;

    private async Task<HealthCheckResult> PrintTestPageAsync(CancellationToken cancellationToken)
    {
        if (printer.UnavailableReason() is { } reason)
        {
            return HealthCheckResult.Degraded(reason);
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var html = Html.Replace("</head>", $"<style>{PackHtmlRenderer.Stylesheet}</style></head>", StringComparison.Ordinal);
            // The printer's own timeout (Reporting:PackTimeoutSeconds) bounds the wait: a TimeoutException is Degraded below.
            var pdf = await printer.PrintAsync(new PdfPrintRequest(html, "PDF rendering check"), cancellationToken);
            var pages = PdfOutline.PageCount(pdf);
            if (pdf.Length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F' || pages < 1)
            {
                return HealthCheckResult.Degraded($"Chromium answered, but what it printed is not a PDF ({pdf.Length} bytes).");
            }

            return HealthCheckResult.Healthy(
                $"Chromium printed a {pages}-page test PDF ({pdf.Length:N0} bytes) in {watch.ElapsedMilliseconds} ms; checked at {time.GetUtcNow():HH:mm:ss} UTC.");
        }
        catch (Exception ex) when (ex is PdfRenderingUnavailableException or TimeoutException or PlaywrightException or InvalidOperationException)
        {
            return HealthCheckResult.Degraded($"The test page could not be printed: {ex.Message.Split('\n')[0]}");
        }
    }

    public void Dispose() => _gate.Dispose();
}
