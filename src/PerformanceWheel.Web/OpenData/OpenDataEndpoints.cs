using System.Globalization;
using System.Text;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Web.Components.Shared;

namespace PerformanceWheel.Web.OpenData;

/// <summary>
/// Published figures as CSV at /open-data/{period}.csv (e.g. /open-data/2019-20-Q2.csv) when the council has turned
/// open data on; 404 otherwise. Anonymous by design: it holds published figures only.
/// </summary>
public static class OpenDataEndpoints
{
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/open-data/{period}.csv", async Task<IResult> (string period, HttpContext context, CouncilSettingsAdministration settings, OpenDataReader reader, CancellationToken cancellationToken) =>
            {
                if (!await settings.OpenDataEnabledAsync(cancellationToken))
                {
                    return NotFound(context, "This council does not publish open data.");
                }

                if (!OpenDataReader.TryParseSlug(period, out var quarter))
                {
                    return NotFound(context, $"'{period}' is not a quarter; open data files are named like 2019-20-Q2.csv.");
                }

                var data = await reader.PeriodAsync(quarter, cancellationToken);
                if (data is null)
                {
                    return NotFound(context, $"There are no published figures for {quarter.Label}.");
                }

                return TypedResults.File(Encoding.UTF8.GetBytes(OpenDataCsv.Write(data)), "text/csv; charset=utf-8", $"performance-{OpenDataReader.Slug(quarter)}.csv");
            })
            .AllowAnonymous()
            .WithTags("Open data")
            .WithName("OpenDataCsv")
            .WithSummary("Published figures of a quarter as CSV (when the council publishes open data).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status404NotFound);
        return endpoints;
    }

    // No body: the site's not-found page is shown, with the reason.
    private static Microsoft.AspNetCore.Http.HttpResults.NotFound NotFound(HttpContext context, string message)
    {
        context.Items[NotFoundResponse.MessageKey] = message;
        return TypedResults.NotFound();
    }
}

/// <summary>
/// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF (quotes doubled),
/// UTF-8 without a byte order mark. Text that a spreadsheet would run as a formula (starting =, +, -, @, tab or CR)
/// is prefixed with an apostrophe, as the Excel exports guard text cells; numbers are written plainly (invariant culture,
/// at most the six decimal places figures are stored with).
/// </summary>
public static class OpenDataCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "title", "directorate", "segment", "unit", "polarity", "frequency", "target", "target_low", "target_high",
        "value", "status", "rag", "direction", "direction_from_last_year", "period",
    ];

    private const string FormulaStarts = "=+-@\t\r";

    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    public static string Write(OpenDataPeriod data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var line in data.Lines.OrderBy(l => l.Code, StringComparer.OrdinalIgnoreCase))
        {
            var r = line.Result;
            string?[] fields =
            [
                Text(line.Code), Text(line.Title), Text(line.Directorate), Text(line.SegmentCode), Text(line.Unit.Label),
                line.Polarity.ToString(), line.Frequency.ToString(), Number(r.Target?.Value), Number(r.Target?.Low), Number(r.Target?.High),
                Number(r.Value), r.Status?.ToString(), r.Rating.Status?.ToString(), r.DirectionFromPrevious?.ToString(), r.DirectionFromLastYear?.ToString(),
                Text(r.Period.Label),
            ];
            csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Neutralises text a spreadsheet would treat as a formula.</summary>
    public static string? Text(string? value) =>
        value is { Length: > 0 } v && FormulaStarts.Contains(v[0], StringComparison.Ordinal) ? "'" + v : value;

    private static string? Number(decimal? value) =>
        value is { } v ? Api.ApiNumbers.Tidy(v).ToString(CultureInfo.InvariantCulture) : null;

    private static string Quote(string? field) =>
        field is null ? string.Empty
        : field.AsSpan().IndexOfAny(NeedsQuotes) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;
}
