using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PerformanceWheel.Reporting.Pdf;

/// <summary>/health: PDF rendering is Degraded (not Unhealthy) when no browser can be found or started; the rest of the app works.</summary>
public sealed class PdfRenderingHealthCheck(ChromiumPdfPrinter printer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(printer.UnavailableReason() is { } reason
            ? HealthCheckResult.Degraded(reason)
            : HealthCheckResult.Healthy("Chromium is available for PDF packs."));
}
