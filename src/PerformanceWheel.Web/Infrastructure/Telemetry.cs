using System.Security.Claims;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Reporting;
using PerformanceWheel.Workbooks;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics (docs/decisions/0009): ASP.NET Core requests, EF Core commands, and the app's own
/// import and pack/export sources and meters, exported over OTLP. Off unless an endpoint is configured — the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable or <c>Telemetry:OtlpEndpoint</c> — or <c>Telemetry:Enabled</c> is true
/// (an exporter added in code, as the tests do). The exporter honours the other standard <c>OTEL_EXPORTER_OTLP_*</c>
/// variables (protocol, headers, timeout); <c>OTEL_SERVICE_NAME</c> names the service (default PerformanceWheel).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "PerformanceWheel";

    /// <summary>The app's own ActivitySources and Meters (a Meter shares its source's name; Workbooks has no Meter).</summary>
    public static readonly string[] Sources = [WorkbookImporter.TraceSource, ReportingTelemetry.Name, WorkbooksTelemetry.Name];

    public static string? OtlpEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new[] { configuration["Telemetry:OtlpEndpoint"], configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] }
            .FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Telemetry:Enabled") ?? OtlpEndpoint(configuration) is not null;

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (!IsEnabled(configuration))
        {
            return builder;
        }

        var endpoint = OtlpEndpoint(configuration);
        var setting = configuration["Telemetry:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName,
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Sources)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        // Health probes would be most of the traces; a request span names who made it by id and role only.
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                        o.EnrichWithHttpResponse = (activity, response) =>
                        {
                            var user = response.HttpContext.User;
                            if (user.Identity?.IsAuthenticated == true)
                            {
                                activity.SetTag("enduser.id", user.FindFirstValue(ClaimTypes.NameIdentifier));
                                activity.SetTag("enduser.role", string.Join(",", user.FindAll(ClaimTypes.Role).Select(r => r.Value)));
                            }
                        };
                    })
                    .AddEntityFrameworkCoreInstrumentation();
                if (endpoint is not null)
                {
                    tracing.AddOtlpExporter(o => UseSetting(o, setting));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Sources).AddAspNetCoreInstrumentation();
                if (endpoint is not null)
                {
                    metrics.AddOtlpExporter(o => UseSetting(o, setting));
                }
            });
        return builder;
    }

    // Telemetry:OtlpEndpoint wins over the environment variable (which the exporter reads by itself).
    private static void UseSetting(OpenTelemetry.Exporter.OtlpExporterOptions options, string? setting)
    {
        if (!string.IsNullOrWhiteSpace(setting))
        {
            options.Endpoint = new Uri(setting);
        }
    }
}
