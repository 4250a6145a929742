using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Web.Api;

/// <summary>Who may call what. Every /api/v1 route authenticates with an API key only (never the sign-in cookie).</summary>
public static class ApiAuthorization
{
    /// <summary>Any active key, whatever its role (councillor keys read published figures only).</summary>
    public static readonly AuthorizeAttribute AnyKey = new(Policies.SignedIn) { AuthenticationSchemes = ApiKeyDefaults.Scheme };

    /// <summary>Entering figures: Admin and PerformanceOfficer keys, as in the outturn grid (directors review, they do not enter).</summary>
    public const string EnterFigures = Policies.ManageFramework;
}

/// <summary>
/// The JSON API at /api/v1 (docs/api.md). Ratings, directions and rollups come from the same readers as the pages.
/// Errors are RFC 7807 problem details: 400 for a bad query parameter, 401 without a valid key, 403 when the key's role
/// may not do it, 404 for what does not exist, 409 for a conflict or a locked figure, 422 for a figure that breaks a rule.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// Maps the API. A new endpoint goes on the returned group: it inherits the key-only authentication (any key) and
    /// the disabled antiforgery; add <c>.RequireAuthorization(policy)</c> to narrow who may call it, e.g.
    /// <c>api.MapPost("/imports/workbook", ...).RequireAuthorization(ApiAuthorization.EnterFigures)</c>.
    /// </summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(ApiAuthorization.AnyKey)
            .DisableAntiforgery()
            .WithTags("API")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/measures", ListMeasuresAsync)
            .WithName("ListMeasures")
            .WithSummary("Measures, optionally of one directorate (by name) and one segment (by code).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/measures/{code}", MeasureAsync)
            .WithName("GetMeasure")
            .WithSummary("A measure with its targets and every figure in its own periods (published figures only for councillor keys).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/scorecard", ScorecardAsync)
            .WithName("GetScorecard")
            .WithSummary("Measures of a quarter with Green/Amber/Red/Blue and direction counts and percentages; optionally of one directorate or segment, filtered and sorted as the scorecard page is (rag, direction, sort).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/wheel", WheelAsync)
            .WithName("GetWheel")
            .WithSummary("The performance wheel of a quarter: each segment's suggested and judged rating and direction.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/imports/workbook", ImportWorkbookAsync)
            .RequireAuthorization(ApiAuthorization.EnterFigures)
            .WithName("ImportWorkbook")
            .WithSummary("Imports a workbook (docs/import-format.md): multipart field 'file', optional 'mode' (historical, Admin only; or draft). All or nothing.")
            .WithMetadata(new WorkbookUploadMetadata())
            .WithMetadata(new ApiBodyLimit.Size(endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value.MaxFileBytes + (1024 * 1024)))
            .Produces<ApiImportResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/outturns", SaveOutturnAsync)
            .RequireAuthorization(ApiAuthorization.EnterFigures)
            .WithName("SaveOutturn")
            .WithSummary("Enters or changes one figure under the outturn grid's rules (Admin and PerformanceOfficer keys).")
            .WithMetadata(new JsonBodyMetadata(typeof(ApiOutturnInput)))
            .Produces<ApiSavedOutturn>(StatusCodes.Status200OK)
            .Produces<ApiSavedOutturn>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapProjectUpdates();
        api.MapFinance();

        // Anything else under /api answers JSON rather than the HTML not-found page.
        endpoints.Map("/api/{**path}", Unmatched)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return api;
    }

    /// <summary>
    /// A request under /api that no endpoint took: 405 when the address exists for other methods, 415 when it exists for
    /// this method but with another body type (routing passes such requests on to this catch-all), else 404.
    /// </summary>
    private static ProblemHttpResult Unmatched(string? path, HttpContext context, EndpointDataSource endpoints)
    {
        var address = "/api/" + path?.TrimEnd('/');
        var same = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0 && string.Equals("/" + e.RoutePattern.RawText?.Trim('/'), address, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var methods = same.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Distinct().ToList();
        if (methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            var types = same.SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).Distinct();
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "This body type is not accepted", $"Send {string.Join(" or ", types)} to {context.Request.Method} {address}.");
        }

        if (methods.Count > 0)
        {
            context.Response.Headers.Allow = string.Join(", ", methods);
            return ApiProblems.Status(StatusCodes.Status405MethodNotAllowed, "This method is not allowed here", $"{address} answers {string.Join(", ", methods)}.");
        }

        return ApiProblems.NotFound($"There is no API endpoint at {address}. See /openapi/v1.json.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiMeasure>>, ProblemHttpResult>> ListMeasuresAsync(
        string? directorate, string? segment, MeasureCatalogue catalogue, CancellationToken cancellationToken)
    {
        var listing = await catalogue.ListAsync(directorate, segment, cancellationToken);
        return listing.Found
            ? TypedResults.Ok<IReadOnlyList<ApiMeasure>>(listing.Measures.Select(ApiMeasure.From).ToList())
            : ApiProblems.NotFound(listing.Message!);
    }

    private static async Task<Results<Ok<ApiMeasureDetail>, ProblemHttpResult>> MeasureAsync(
        string code, MeasureCatalogue catalogue, ForecastReader forecasts, IFigureAudience audience, CancellationToken cancellationToken)
    {
        var series = await catalogue.SeriesAsync(code, audience.Scope, cancellationToken);
        if (series is null)
        {
            return ApiProblems.NotFound($"There is no measure with the code '{code}'.");
        }

        // As of the latest figure given, from the same figures (the key's scope).
        var forecast = series.Figures.Count == 0 ? null : await forecasts.MeasureAsync(series.Measure.Code, series.Figures[^1].Result.Period, audience.Scope, cancellationToken);
        return TypedResults.Ok(ApiMeasureDetail.From(series) with { YearEndForecast = forecast is null ? null : ApiYearEndForecast.From(forecast) });
    }

    private static async Task<Results<Ok<ApiScorecard>, ProblemHttpResult>> ScorecardAsync(
        string? period, string? directorate, string? segment, string? rag, string? direction, string? sort,
        PerformanceReader reader, ForecastReader forecasts, QuarterResolver quarters, IFigureAudience audience, CancellationToken cancellationToken)
    {
        var (quarter, problem) = await ApiPeriods.QuarterAsync(period, quarters, audience.Scope, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var evaluation = await reader.EvaluateAsync(quarter, audience.Scope, cancellationToken);
        IEnumerable<MeasureLine> lines = evaluation.Measures;
        string? directorateName = null, segmentCode = null;
        if (!string.IsNullOrWhiteSpace(directorate))
        {
            directorateName = evaluation.Directorates.Concat(evaluation.Measures.Select(m => m.Directorate))
                .FirstOrDefault(d => d.Equals(directorate.Trim(), StringComparison.OrdinalIgnoreCase));
            if (directorateName is null)
            {
                return ApiProblems.NotFound($"There is no directorate called '{directorate}'.");
            }

            lines = lines.Where(l => l.Directorate == directorateName);
        }

        if (!string.IsNullOrWhiteSpace(segment))
        {
            segmentCode = evaluation.Groups.SelectMany(g => g.Segments).Select(s => s.Code)
                .Concat(evaluation.Measures.Select(m => m.SegmentCode).OfType<string>())
                .FirstOrDefault(c => c.Equals(segment.Trim(), StringComparison.OrdinalIgnoreCase));
            if (segmentCode is null)
            {
                return ApiProblems.NotFound($"There is no segment with the code '{segment}' in {quarter.Label}.");
            }
        }

        // The scorecard page's and the Excel export's filter (ScorecardFilter), so all three give the same rows.
        lines = new ScorecardFilter(rag, direction, segmentCode, sort).Apply(lines);

        var scorecard = ApiScorecard.From(quarter, directorateName, segmentCode, lines.ToList(), evaluation.Scheme, evaluation.PublishedOnly);
        var yearEnd = await forecasts.QuarterAsync(quarter, audience.Scope, directorateName, cancellationToken);
        return TypedResults.Ok(scorecard with { Measures = scorecard.Measures.Select(m => m with { YearEndForecast = ApiYearEndForecast.From(yearEnd, m.Code) }).ToList() });
    }

    private static async Task<Results<Ok<ApiWheel>, ProblemHttpResult>> WheelAsync(
        string? period, PerformanceReader reader, QuarterResolver quarters, IFigureAudience audience, CancellationToken cancellationToken)
    {
        var (quarter, problem) = await ApiPeriods.QuarterAsync(period, quarters, audience.Scope, cancellationToken);
        return problem ?? (Results<Ok<ApiWheel>, ProblemHttpResult>)TypedResults.Ok(ApiWheel.From(await reader.EvaluateAsync(quarter, audience.Scope, cancellationToken)));
    }

    /// <summary>
    /// The workbook import over the API: the same engine, limits and rules as the import page. 200 with the counts when
    /// written; 422 with every error as {sheet, row, column, message} when not (then nothing was written).
    /// </summary>
    private static async Task<IResult> ImportWorkbookAsync(HttpContext context, WorkbookImporter importer, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send a multipart form",
                "Send the workbook as multipart/form-data with the field 'file' (and optionally 'mode': historical or draft).");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return ApiProblems.BadParameter("file", "Attach the workbook (.xlsx) in the multipart field 'file'.");
        }

        if (!ImportRequest.TryParseMode(form["mode"], out var mode))
        {
            return ApiProblems.BadParameter("mode", $"'{form["mode"]}' is not a mode; use historical (Admin only) or draft.");
        }

        var isAdmin = context.User.IsInRole(Roles.Admin);
        if (mode == ImportMode.Historical && !isAdmin)
        {
            return ApiProblems.BadParameter("mode", "Only an Admin key may import historical (published) figures; use draft.");
        }

        await using var stream = file.OpenReadStream();
        var request = new ImportRequest(context.User.Identity?.Name ?? "API key", isAdmin, mode, file.FileName);
        var report = await importer.ImportAsync(stream, request, progress: null, cancellationToken);
        if (report.Applied)
        {
            return TypedResults.Ok(new ApiImportResult(report.Mode.ToString(), report.Counts, report.Revisions));
        }

        return TypedResults.Problem(
            title: "The workbook was not imported",
            detail: $"{Counted.Of(report.Errors.Count, "problem")}; nothing was written. Each error names its sheet, row and column.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = report.Errors.Select(e => new { sheet = e.Sheet, row = e.Row, column = e.Column, message = e.Message }).ToList(),
            });
    }

    private static Task<IResult> SaveOutturnAsync(HttpContext context, MeasureCatalogue catalogue, OutturnWorkflow workflow, CancellationToken cancellationToken) =>
        ApiOutturnPost.SaveAsync(context, catalogue, workflow, cancellationToken);
}

/// <summary>
/// Describes the JSON body of an endpoint that reads its body itself (to answer 400/415/422 as problem details). It is
/// not IAcceptsMetadata on purpose: that would make routing refuse other content types before the handler could answer.
/// </summary>
public sealed record JsonBodyMetadata(Type Type);

/// <summary>Describes the multipart workbook upload (file, mode) in the OpenAPI document; not IAcceptsMetadata, as above.</summary>
public sealed record WorkbookUploadMetadata;

/// <summary>The quarter a request is about: ?period=2019/20 Q2 (a month means its quarter); none → the latest quarter with figures.</summary>
internal static class ApiPeriods
{
    public static async Task<(ReportingPeriod Quarter, ProblemHttpResult? Problem)> QuarterAsync(
        string? text, QuarterResolver quarters, FigureScope scope, CancellationToken cancellationToken)
    {
        var choice = await quarters.ResolveAsync(text, scope, cancellationToken);
        return choice switch
        {
            { Quarter: { } quarter } => (quarter, null),
            { Problem: QuarterProblem.NotAQuarter } => (default, ApiProblems.BadParameter("period", $"'{text}' is not a quarter; use a label such as 2019/20 Q2 (a month such as Sep-19 means its quarter).")),
            { Asked: { } asked } => (default, ApiProblems.NotFound($"There are no figures for {asked.Label}.")),
            _ => (default, ApiProblems.NotFound(choice.Message!)),
        };
    }
}

/// <summary>RFC 7807 problem details for the API.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Status(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>400 naming the query parameter that could not be read.</summary>
    public static ProblemHttpResult BadParameter(string name, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = $"The parameter '{name}' is not valid",
            Detail = message,
        });

    /// <summary>422 with the problems per field (camelCase, as in the request body).</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The outturn was not saved",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        });
}
