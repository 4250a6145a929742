using System.Globalization;
using Microsoft.AspNetCore.Http;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data.Packs;
using PerformanceWheel.Reporting.Pdf;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>
/// /reports/cabinet.pdf and /reports/scrutiny.pdf: the stored pack when it was made from the current figures, otherwise
/// the pack is queued and the reader gets a page that says it is being made, with its progress, and refreshes itself
/// (docs/decisions/0015). A reader only ever gets the pack made for their own audience (FigureScope.Key).
/// </summary>
public static class StoredPacks
{
    /// <summary>Seconds between two refreshes of the progress page.</summary>
    public const int RefreshSeconds = 5;

    /// <summary>The progress page's stylesheet (served by MapReports, as the download script is).</summary>
    public const string StylesheetPath = "/reports/progress.css";

    /// <summary>The header the progress answer carries for scripts (reports/download.js): what is happening.</summary>
    public const string ProgressHeader = "X-Pack-Progress";

    public static async Task<IResult> ServeAsync(
        PackKind kind, string? committee, string? period, HttpContext http, PackBuilder packs, PackStore store, PackQueueSignal signal,
        IFiguresVersion figures, ChromiumPdfPrinter printer, IFigureAudience audience, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(packs);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(printer);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            // Unknown committees and periods are answered now, not queued.
            var code = kind == PackKind.Scrutiny ? (await packs.CommitteeAsync(committee, cancellationToken)).Code : null;
            var quarter = await packs.QuarterAsync(period, cancellationToken);
            var request = new StoredPackRequest(kind, code, quarter, audience.Scope.Key);
            var version = await figures.CurrentAsync(cancellationToken);
            if (await store.FileAsync(request.Key, version, cancellationToken) is { } file)
            {
                return Results.File(file.Content, file.ContentType, file.FileName);
            }

            // No browser installed or configured: say what to install rather than queue a pack that cannot be made.
            if (printer.UnavailableReason() is { } reason && reason.StartsWith("No browser", StringComparison.Ordinal))
            {
                throw new PdfRenderingUnavailableException(reason);
            }

            await store.EnqueueAsync(request, version, cancellationToken);
            signal.Wake();
            var status = await store.FindAsync(request.Key, cancellationToken);
            return Progress(kind, code, quarter.Label, status, version, http, time.GetUtcNow());
        }
        catch (PackNotFoundException ex)
        {
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        catch (PdfRenderingUnavailableException ex)
        {
            return Results.Text($"PDF packs cannot be made on this server. {ex.Message}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>What a reader is told while the pack is made (or why it could not be).</summary>
    public static string Describe(StoredPackStatus? status, long version, DateTimeOffset now)
    {
        if (status is null)
        {
            return "Queued.";
        }

        if (status.State == PackJobState.Failed && status.FiguresVersion == version && status.Attempts >= PackStore.MaxAttempts)
        {
            return $"It could not be made: {status.Error} It will be tried again when the figures change.";
        }

        if (status.State == PackJobState.Running && status.StartedAt is { } started)
        {
            var seconds = Math.Max(0, (int)(now - started).TotalSeconds);
            return string.Create(CultureInfo.InvariantCulture, $"{status.Stage ?? "Starting"}… (started {seconds} s ago).");
        }

        return status.Ahead switch
        {
            0 => "Queued: it is next.",
            1 => "Queued: 1 pack is being made or waiting before it.",
            var n => string.Create(CultureInfo.InvariantCulture, $"Queued: {n} packs are being made or waiting before it."),
        };
    }

    private static IResult Progress(PackKind kind, string? committee, string quarter, StoredPackStatus? status, long version, HttpContext http, DateTimeOffset now)
    {
        var failed = status is { State: PackJobState.Failed } && status.FiguresVersion == version && status.Attempts >= PackStore.MaxAttempts;
        var what = kind == PackKind.Scrutiny ? $"The {committee} Scrutiny pack for {quarter}" : $"The Cabinet pack for {quarter}";
        var progress = Describe(status, version, now);
        var url = http.Request.Path + http.Request.QueryString;
        var e = HtmlEncoder;
        var refresh = failed ? string.Empty : $"<meta http-equiv=\"refresh\" content=\"{RefreshSeconds}\">";
        var heading = $"{what} {(failed ? "could not be made" : "is being made")}";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {refresh}
            <title>{e.Encode(heading)}</title>
            <link rel="stylesheet" href="{StylesheetPath}">
            </head>
            <body>
            <main>
            <h1>{e.Encode(heading)}</h1>
            <p role="status">{e.Encode(progress)}</p>
            <p>{(failed ? "Try again later, or tell the performance team." : $"This page looks again every {RefreshSeconds} seconds and the PDF downloads as soon as it is ready. Large packs take a few minutes.")}</p>
            <p><a href="{e.Encode(url)}">Look again now</a> · <a href="/">Back to the wheel</a></p>
            </main>
            </body>
            </html>
            """;
        http.Response.Headers[ProgressHeader] = Uri.EscapeDataString(progress);
        http.Response.Headers.RetryAfter = RefreshSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted);
    }

    private static System.Text.Encodings.Web.HtmlEncoder HtmlEncoder => System.Text.Encodings.Web.HtmlEncoder.Default;
}
