using System.Globalization;
using System.Text.Json;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Web.Api;

/// <summary>A budget line as the API answers it (£m; variance is forecast minus budget, positive an overspend).</summary>
public sealed record ApiBudgetLine(string ServiceArea, decimal ApprovedBudget, decimal ForecastOutturn, decimal Variance, int? VariancePercent)
{
    public static ApiBudgetLine From(BudgetLine l) => new(l.ServiceArea, l.ApprovedBudget, l.ForecastOutturn, l.Variance, l.VariancePercent);
}

/// <summary>The budget position statement of a quarter.</summary>
public sealed record ApiBudgetPosition(decimal Variance, string Position, string? Rag, string? Commentary)
{
    public static ApiBudgetPosition From(BudgetPosition p) => new(p.VarianceMillions, p.Describe(), p.Rag?.ToString(), p.Commentary);
}

/// <summary>A quarter's finance: its lines, totals and statement; <see cref="Draft"/> when it is not published yet (officer and Admin keys only).</summary>
public sealed record ApiFinanceQuarter(string Period, bool Draft, IReadOnlyList<ApiBudgetLine> Lines, decimal TotalBudget, decimal TotalForecast, decimal TotalVariance, ApiBudgetPosition? Position);

/// <summary>POST /finance/lines: one line of a quarter. Left out: as stored (a new line needs both figures); numbers as JSON numbers or text ("12.5", "£12.5").</summary>
public sealed record ApiBudgetLineInput(string? Period, string? ServiceArea, string? NewServiceArea, JsonElement? ApprovedBudget, JsonElement? ForecastOutturn, string? Reason);

/// <summary>POST /finance/position: the quarter's statement. Left out: as stored; rag null or "" for no rating.</summary>
public sealed record ApiBudgetPositionInput(string? Period, JsonElement? Variance, string? Rag, string? Commentary, string? Reason);

/// <summary>
/// Finance through the API (docs/api.md): reading a quarter's finance (published only for keys that see no drafts) and
/// writing lines and the position statement through the page's command (FinanceEntry), Admin and PerformanceOfficer keys.
/// A field left out keeps what is stored; a problem answers 422 naming the field as the body names it.
/// </summary>
internal static class ApiFinance
{
    public static void MapFinance(this RouteGroupBuilder api)
    {
        api.MapGet("/finance", ReadAsync)
            .WithName("GetFinance")
            .WithSummary("A quarter's budget lines and budget position statement (?period=2019/20 Q2; none: the newest quarter with lines). Published finance only for keys that see no drafts.")
            .Produces<ApiFinanceQuarter>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/finance/lines", SaveLineAsync)
            .RequireAuthorization(Policies.EnterFinance)
            .WithName("SaveBudgetLine")
            .WithSummary("Adds or changes one budget line of a quarter (Admin and PerformanceOfficer keys). Left-out fields keep what is stored.")
            .WithMetadata(new JsonBodyMetadata(typeof(ApiBudgetLineInput)))
            .Produces<ApiFinanceQuarter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/finance/lines", RemoveLineAsync)
            .RequireAuthorization(Policies.EnterFinance)
            .WithName("RemoveBudgetLine")
            .WithSummary("Removes one budget line (?period=2019/20 Q2&serviceArea=…; &reason=… once the quarter is published).")
            .Produces<ApiFinanceQuarter>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/finance/position", SavePositionAsync)
            .RequireAuthorization(Policies.EnterFinance)
            .WithName("SaveBudgetPosition")
            .WithSummary("Sets a quarter's budget position statement (variance £m, rag, commentary). Left-out fields keep what is stored.")
            .WithMetadata(new JsonBodyMetadata(typeof(ApiBudgetPositionInput)))
            .Produces<ApiFinanceQuarter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ReadAsync(string? period, DetailReader details, IFigureAudience audience, CancellationToken cancellationToken)
    {
        ReportingPeriod? asked = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!ReportingPeriod.TryParse(period, out var parsed) || parsed.Kind == PeriodKind.Year)
            {
                return ApiProblems.BadParameter("period", $"'{period}' is not a quarter; use a label such as 2019/20 Q2.");
            }

            asked = parsed.Quarter;
        }

        var view = await details.FinanceAsync(asked, audience.Scope, cancellationToken);
        if (view.Period is not { } quarter || !view.HasPeriod)
        {
            return ApiProblems.NotFound(asked is { } q ? $"There is no finance for {q.Label}{(audience.Scope.AllDrafts ? "" : " that is published")}." : "No finance has been published yet.");
        }

        return TypedResults.Ok(Answer(view, quarter));
    }

    private static async Task<IResult> SaveLineAsync(HttpContext context, FinanceEntry finance, DetailReader details, CancellationToken cancellationToken)
    {
        var (input, body, problem) = await BodyAsync<ApiBudgetLineInput>(context, "budget line", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Quarter(input!.Period) is not { } quarter)
        {
            return Invalid(new() { ["period"] = [$"'{input.Period}' is not a quarter; use a label such as 2019/20 Q2."] });
        }

        if (string.IsNullOrWhiteSpace(input.ServiceArea))
        {
            return Invalid(new() { ["serviceArea"] = ["Give the line's service area, such as Adult Services."] });
        }

        var sheet = await finance.SheetAsync(quarter, cancellationToken);
        var stored = sheet.Lines.FirstOrDefault(l => string.Equals(l.ServiceArea, input.ServiceArea.Trim(), StringComparison.OrdinalIgnoreCase));
        var line = new BudgetLineInput(
            stored?.ServiceArea,
            Has(body, "newServiceArea") ? input.NewServiceArea : stored?.ServiceArea ?? input.ServiceArea,
            Has(body, "approvedBudget") ? Text(input.ApprovedBudget) : Stored(stored?.ApprovedBudget),
            Has(body, "forecastOutturn") ? Text(input.ForecastOutturn) : Stored(stored?.ForecastOutturn));
        return await SaveAsync(finance, details, new FinanceInput(quarter, [line], null, input.Reason), context, Has(body, "newServiceArea") ? "newServiceArea" : "serviceArea", cancellationToken);
    }

    private static async Task<IResult> RemoveLineAsync(string? period, string? serviceArea, string? reason, HttpContext context, FinanceEntry finance, DetailReader details, CancellationToken cancellationToken)
    {
        if (Quarter(period) is not { } quarter)
        {
            return ApiProblems.BadParameter("period", $"'{period}' is not a quarter; use a label such as 2019/20 Q2.");
        }

        var sheet = await finance.SheetAsync(quarter, cancellationToken);
        var stored = sheet.Lines.FirstOrDefault(l => string.Equals(l.ServiceArea, serviceArea?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (stored is null)
        {
            return ApiProblems.NotFound($"There is no line for '{serviceArea}' in {quarter.Label}.");
        }

        return await SaveAsync(finance, details, new FinanceInput(quarter, [new BudgetLineInput(stored.ServiceArea, null, null, null, Remove: true)], null, reason), context, "serviceArea", cancellationToken);
    }

    private static async Task<IResult> SavePositionAsync(HttpContext context, FinanceEntry finance, DetailReader details, CancellationToken cancellationToken)
    {
        var (input, body, problem) = await BodyAsync<ApiBudgetPositionInput>(context, "budget position", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Quarter(input!.Period) is not { } quarter)
        {
            return Invalid(new() { ["period"] = [$"'{input.Period}' is not a quarter; use a label such as 2019/20 Q2."] });
        }

        var stored = (await finance.SheetAsync(quarter, cancellationToken)).Position;
        var position = new BudgetPositionInput(
            Has(body, "variance") ? Text(input.Variance) : Stored(stored?.VarianceMillions),
            Has(body, "rag") ? input.Rag : stored?.Rag?.ToString(),
            Has(body, "commentary") ? input.Commentary : stored?.Commentary);
        if (position.IsBlank)
        {
            return Invalid(new() { ["variance"] = ["Give the projected variance in £m, such as -1.2 (an underspend)."] });
        }

        return await SaveAsync(finance, details, new FinanceInput(quarter, [], position, input.Reason), context, "serviceArea", cancellationToken);
    }

    private static async Task<IResult> SaveAsync(FinanceEntry finance, DetailReader details, FinanceInput input, HttpContext context, string nameField, CancellationToken cancellationToken)
    {
        var result = await finance.SaveAsync(input, context.User.Identity?.Name ?? "API", cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(result.Problems
                .GroupBy(p => p.Field switch { "ServiceArea" => nameField, "Quarter" => "period", var f => JsonNamingPolicy.CamelCase.ConvertName(f) })
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var view = await details.FinanceAsync(input.Quarter, FigureScope.Everything, cancellationToken);
        return TypedResults.Ok(Answer(view, input.Quarter));
    }

    private static ApiFinanceQuarter Answer(FinanceView view, ReportingPeriod quarter) => new(
        quarter.Label,
        view.IsDraft,
        view.Lines.Select(ApiBudgetLine.From).ToList(),
        view.TotalBudget,
        view.TotalForecast,
        view.TotalVariance,
        view.Position is { } p ? ApiBudgetPosition.From(p) : null);

    private static async Task<(T? Input, JsonElement Body, IResult? Problem)> BodyAsync<T>(HttpContext context, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, default, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send JSON", $"The body must be one {what} as JSON, with Content-Type: application/json."));
        }

        var json = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await context.Request.ReadFromJsonAsync<JsonElement>(json, cancellationToken);
            var input = body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(json) : null;
            return input is null
                ? (null, body, ApiProblems.Status(StatusCodes.Status400BadRequest, $"The body is not a valid {what}", $"The body is empty or not a JSON object; send one {what} as a JSON object."))
                : (input, body, null);
        }
        catch (JsonException e)
        {
            return (null, default, ApiProblems.Status(StatusCodes.Status400BadRequest, $"The body is not a valid {what}",
                $"The JSON could not be read{(string.IsNullOrEmpty(e.Path) ? string.Empty : $" at {e.Path}")}: period, serviceArea, rag, commentary and reason are text; sums are numbers or text."));
        }
    }

    private static ReportingPeriod? Quarter(string? text) =>
        ReportingPeriod.TryParse(text, out var p) && p.Kind != PeriodKind.Year ? p.Quarter : null;

    // A sum as sent: a JSON number as written, text as typed (read by FigureText in the command), null or missing as blank.
    private static string? Text(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } or null => null,
        { } v => v.GetRawText(),
    };

    private static string? Stored(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static bool Has(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>422 with the problems per field (camelCase, as in the request body).</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The finance was not saved",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        });
}
