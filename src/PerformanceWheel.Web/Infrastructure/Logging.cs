using System.Diagnostics;
using System.Security.Claims;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>
/// Logging through Serilog.AspNetCore (docs/decisions/0008): levels, overrides and any extra sinks from the
/// <c>Serilog</c> section (Serilog.Settings.Configuration); the console always; a rolling text file
/// (<c>LogFile:Path</c>, as before; empty turns it off); and, when <c>LogFile:JsonPath</c> is set, a rolling file of
/// compact JSON (CLEF) for log shippers. One event per request (<see cref="UseRequestLogging"/>) carries the method,
/// path, status, elapsed time, the user's id and role (never an e-mail address), the trace id and the correlation id.
/// </summary>
public static class Logging
{
    /// <summary>The header a caller may send to tie its own logs to ours; the response always carries the id used.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>The property on every event written while a request is handled.</summary>
    public const string CorrelationProperty = "CorrelationId";

    public const string RequestTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms";

    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {CorrelationId}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj} (trace {TraceId}, correlation {CorrelationId}){NewLine}{Exception}";

    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        var retained = configuration.GetValue("LogFile:RetainedFileCountLimit", 14);
        var textPath = configuration["LogFile:Path"] ?? "logs/performancewheel-.log";
        var jsonPath = configuration["LogFile:JsonPath"];

        builder.Logging.ClearProviders();
        // The static Log.Logger is left alone: each host (tests start several in one process) logs through its own
        // logger from DI, the request events included.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            logger.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: ConsoleTemplate);
            if (!string.IsNullOrWhiteSpace(textPath))
            {
                logger.WriteTo.File(Path.Combine(contentRoot, textPath), outputTemplate: FileTemplate,
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: retained);
            }

            if (!string.IsNullOrWhiteSpace(jsonPath))
            {
                logger.WriteTo.File(new CompactJsonFormatter(), Path.Combine(contentRoot, jsonPath),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: retained);
            }
        });
        return builder;
    }

    /// <summary>
    /// The correlation id (first), then Serilog's request event. A caller's <c>X-Correlation-Id</c> is kept when it is a
    /// short token (letters, digits, <c>-_.:</c>, at most 64 characters); otherwise the request's W3C trace id is used.
    /// Either way it is echoed in the response header, pushed onto every event of the request and tagged on its trace.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var id = CorrelationId(context.Request.Headers[CorrelationHeader].ToString(), Activity.Current);
            context.Items[CorrelationProperty] = id;
            Activity.Current?.SetTag("correlation.id", id);
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[CorrelationHeader] = id;
                return Task.CompletedTask;
            });
            using (Serilog.Context.LogContext.PushProperty(CorrelationProperty, id))
            {
                await next(context);
            }
        });
        return app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = RequestTemplate;

            // Health probes every few seconds would drown the log: they are Verbose unless they fail.
            o.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? LogEventLevel.Verbose
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                var user = context.User;
                diagnostics.Set("UserId", user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null);
                diagnostics.Set("UserRole", user.Identity?.IsAuthenticated == true ? string.Join(",", user.FindAll(ClaimTypes.Role).Select(r => r.Value)) : null);
                diagnostics.Set("AuthenticationType", user.Identity?.IsAuthenticated == true ? user.Identity.AuthenticationType : null);
                diagnostics.Set("RequestScheme", context.Request.Scheme);
                diagnostics.Set("RequestProtocol", context.Request.Protocol);
                diagnostics.Set("ResponseContentType", context.Response.ContentType);
                diagnostics.Set("EndpointName", context.GetEndpoint()?.DisplayName);
                diagnostics.Set(CorrelationProperty, context.Items[CorrelationProperty]);
            };
        });
    }

    /// <summary>The caller's correlation id when it is a safe short token, else the trace id (or a new one without a trace).</summary>
    public static string CorrelationId(string? requested, Activity? activity)
    {
        if (!string.IsNullOrEmpty(requested) && requested.Length <= 64 && requested.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return requested;
        }

        return activity?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
    }
}
