using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Reporting.Excel;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Reporting.Pdf;

namespace PerformanceWheel.Reporting;

/// <summary>The two calls the web app makes: <see cref="AddReporting"/> and <see cref="MapReports"/>.</summary>
public static class ReportingExtensions
{
    /// <summary>
    /// The authorization policy on every download. The host registers it (who may read figures is the host's rule: the
    /// web app's ReadPerformance); the library registers none, and a host that does not supply it fails at startup.
    /// </summary>
    public const string ReadPolicy = "Reporting.Read";

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ReportingOptions>(configuration.GetSection(ReportingOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<PackRenderCoordinator>();
        services.AddSingleton<PackHtmlRenderer>();
        services.AddSingleton<PackPageMaps>();
        services.AddSingleton<PackStore>();
        services.AddSingleton<PackQueueSignal>();
        services.TryAddSingleton<IFiguresVersion, DatabaseFiguresVersion>();
        services.AddHostedService<PackMaker>();
        services.AddScoped<PackContextReader>();
        services.TryAddScoped<PackFiguresReader>();
        services.TryAddScoped<Application.Covering.CoveringReportReader>();
        services.TryAddScoped<IFigureAudience, AllFiguresAudience>();
        services.AddScoped<PackBuilder>();
        services.AddScoped<ExportBuilder>();
        services.AddSingleton<PdfRenderingHealthCheck>();
        services.AddHealthChecks().AddCheck<PdfRenderingHealthCheck>("pdf-rendering", HealthStatus.Degraded);

        // Who may download is the host's decision: it must register ReadPolicy. Without it the host does not start (rather
        // than every download answering 500, or a default here letting everyone read).
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>()
            .Validate(o => o.GetPolicy(ReadPolicy) is not null,
                $"The host must register the authorization policy '{ReadPolicy}' (who may download packs and exports), e.g. " +
                $"services.AddAuthorizationBuilder().AddPolicy(ReportingExtensions.ReadPolicy, ...), before the Reporting endpoints are used.")
            .ValidateOnStart();
        return services;
    }

    // Two readers share a render only when they may see the same figures.
    private static string Audience(IFigureAudience audience) => audience.Scope.Key;

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var reports = endpoints.MapGroup("/reports").RequireAuthorization(ReadPolicy).WithTags("Reports");

        // The large packs are made ahead in the background and served from the store (docs/decisions/0015).
        reports.MapGet("/cabinet.pdf", (string? period, HttpContext http, PackBuilder packs, PackStore store, PackQueueSignal signal, IFiguresVersion figures,
                ChromiumPdfPrinter printer, IFigureAudience audience, TimeProvider time, CancellationToken ct) =>
            StoredPacks.ServeAsync(PackKind.Cabinet, null, period, http, packs, store, signal, figures, printer, audience, time, ct));
        reports.MapGet("/scrutiny.pdf", (string? committee, string? period, HttpContext http, PackBuilder packs, PackStore store, PackQueueSignal signal, IFiguresVersion figures,
                ChromiumPdfPrinter printer, IFigureAudience audience, TimeProvider time, CancellationToken ct) =>
            StoredPacks.ServeAsync(PackKind.Scrutiny, committee, period, http, packs, store, signal, figures, printer, audience, time, ct));
        reports.MapGet("/directorates/{name}.pdf", (string name, string? period, PackBuilder packs, PackRenderCoordinator runs, IFigureAudience audience, CancellationToken ct) =>
            Pdf($"{Audience(audience)}|directorate|{name}|{period}", runs, async token => await packs.RenderAsync(await packs.DirectorateAsync(name, period, token), token), ct));
        reports.MapGet("/measures/{code}.pdf", (string code, string? period, PackBuilder packs, PackRenderCoordinator runs, IFigureAudience audience, CancellationToken ct) =>
            Pdf($"{Audience(audience)}|measure|{code}|{period}", runs, async token => await packs.RenderAsync(await packs.MeasureAsync(code, period, token), token), ct));

        var exports = endpoints.MapGroup("/exports").RequireAuthorization(ReadPolicy).WithTags("Exports");
        exports.MapGet("/directorates.xlsx", (string? period, ExportBuilder x, CancellationToken ct) => File(() => x.DirectoratesAsync(period, ct)));
        exports.MapGet("/directorates/{name}.xlsx", (string name, string? period, string? rag, string? direction, string? segment, string? sort, ExportBuilder x, CancellationToken ct) =>
            File(() => x.ScorecardAsync(name, period, new ScorecardFilter(rag, direction, segment, sort), ct)));
        exports.MapGet("/comparison.xlsx", (string? period, ExportBuilder x, CancellationToken ct) => File(() => x.ComparisonAsync(period, ct)));
        exports.MapGet("/exceptions.xlsx", (string? period, ExportBuilder x, CancellationToken ct) => File(() => x.ExceptionsAsync(period, ct)));
        exports.MapGet("/measures/{code}.xlsx", (string code, string? period, ExportBuilder x, CancellationToken ct) => File(() => x.MeasureHistoryAsync(code, period, ct)));

        // The small script that shows progress on pack links (progressive enhancement).
        endpoints.MapGet("/reports/download.js", () => Results.Text(Script.Value, "text/javascript; charset=utf-8")).AllowAnonymous();
        // The look of the page a reader gets while a pack is being made (StoredPacks); it says nothing about any figure.
        endpoints.MapGet(StoredPacks.StylesheetPath, () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8")).AllowAnonymous();
        return endpoints;
    }

    private static readonly Lazy<string> Script = new(() => Resource("download.js"));

    private static readonly Lazy<string> Stylesheet = new(() => Resource("progress.css"));

    private static string Resource(string name)
    {
        using var stream = typeof(ReportingExtensions).Assembly.GetManifestResourceStream($"PerformanceWheel.Reporting.{name}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The render gets the shared render's token, not this request's: it is cancelled only when every reader has gone.
    private static Task<IResult> Pdf(string key, PackRenderCoordinator runs, Func<CancellationToken, Task<PackFile>> render, CancellationToken ct) =>
        File(() => runs.RunAsync(key, render, ct));

    private static async Task<IResult> File(Func<Task<PackFile>> make)
    {
        try
        {
            var file = await make();
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (PackNotFoundException ex)
        {
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        catch (PdfRenderingUnavailableException ex)
        {
            return Results.Text($"PDF packs cannot be made on this server. {ex.Message}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (TimeoutException ex)
        {
            return Results.Text(ex.Message + " Try again in a minute.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status504GatewayTimeout);
        }
    }
}
