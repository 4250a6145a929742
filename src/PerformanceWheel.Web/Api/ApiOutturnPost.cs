using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Web.Api;

/// <summary>
/// POST /api/v1/outturns: one figure, through the outturn grid's rules (OutturnWorkflow). A field left out of the body
/// keeps what is stored (value or status, provisional, commentary); a field sent as JSON null clears it. Answers speak
/// to the program that called: what was wrong with which field, and what to send instead.
/// </summary>
internal static class ApiOutturnPost
{
    public static async Task<IResult> SaveAsync(HttpContext context, MeasureCatalogue catalogue, OutturnWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send JSON", "The body must be one outturn as JSON, with Content-Type: application/json.");
        }

        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        JsonElement body;
        ApiOutturnInput? input;
        try
        {
            body = await context.Request.ReadFromJsonAsync<JsonElement>(json, cancellationToken);
            input = body.ValueKind == JsonValueKind.Object ? body.Deserialize<ApiOutturnInput>(json) : null;
        }
        catch (JsonException e)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest, "The body is not a valid outturn",
                $"The JSON could not be read{(string.IsNullOrEmpty(e.Path) ? string.Empty : $" at {e.Path}")}: check the field types (value is a number, provisional true or false, version a whole number).");
        }

        if (input is null)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest, "The body is not a valid outturn", "The body is empty or not a JSON object; send one outturn as a JSON object.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Measure))
        {
            errors["measure"] = ["Give the measure's code, such as PH-HV-01."];
        }

        if (!ReportingPeriod.TryParse(input.Period, out var period))
        {
            errors["period"] = [$"'{input.Period}' is not a period; use 2019/20 Q2, Sep-19 or 2019/20 (the measure's own periods)."];
        }

        if (!OutturnStatusText.TryParse(input.Status, out var status))
        {
            errors["status"] = [$"'{input.Status}' is not a status; use {OutturnStatusText.Names} (or leave it out and give a value)."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var before = await catalogue.SeriesAsync(input.Measure!.Trim(), FigureScope.Everything, cancellationToken);
        if (before is null)
        {
            return ApiProblems.NotFound($"There is no measure with the code '{input.Measure}'.");
        }

        var measure = before.Measure;
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(context.User, new Security.DirectorateResource(measure.Directorate.Name), Security.DirectorateOperations.EnterFigures)).Succeeded)
        {
            return ApiProblems.Status(StatusCodes.Status403Forbidden, "Not yours to change", $"This key does not enter the figures of {measure.Directorate.Name}.");
        }

        var stored = before.Figures.Select(f => f.Outturn).FirstOrDefault(o => o.Period == period);

        // Left out: as stored. Sent (even as null): as sent. A value and a status replace each other.
        var (valueSent, statusSent) = (Has(body, "value"), Has(body, "status"));
        decimal? value = input.Value;
        if (!valueSent && !statusSent)
        {
            (value, status) = (stored?.Value, stored?.Status);
        }

        if (value is null && status is null)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["value"] = [$"Give a value, or a status ({OutturnStatusText.Names}) when there is none."] });
        }

        var provisional = Has(body, "provisional") ? input.Provisional ?? false : stored?.IsProvisional ?? false;
        var commentary = Has(body, "commentary") ? input.Commentary : stored?.Commentary;
        var entry = new EntryInput(
            measure.Code, period.Code, value?.ToString(CultureInfo.InvariantCulture), status?.ToString(), provisional, commentary, input.Version);
        var user = context.User.Identity?.Name ?? "API";
        var outcome = (await workflow.SaveAsync(measure.Directorate.Name, [entry], user, cancellationToken)).Single();
        if (!outcome.Saved)
        {
            var field = string.IsNullOrEmpty(outcome.Field) ? "value" : JsonNamingPolicy.CamelCase.ConvertName(outcome.Field);
            var figure = $"{measure.Code} {period.Label}";
            return outcome.Problem switch
            {
                EntryProblem.Conflict => ApiProblems.Status(StatusCodes.Status409Conflict, "Someone else changed this figure",
                    $"{figure} has changed since version {input.Version}: {stored?.UpdatedBy ?? "someone"} saved it. Read it again (GET /api/v1/measures/{measure.Code}) and send its current version to replace it."),
                EntryProblem.Locked => ApiProblems.Status(StatusCodes.Status409Conflict, "This figure is locked",
                    $"{figure} is {stored?.State.InSentence() ?? "locked"}; it can no longer be changed through the API (a published figure changes only by a correction with a reason)."),
                _ => ApiProblems.Invalid(new Dictionary<string, string[]> { [field] = [outcome.Message ?? "The figure was not saved."] }),
            };
        }

        var after = await catalogue.SeriesAsync(measure.Code, FigureScope.Everything, cancellationToken);
        var saved = after!.Figures.Single(f => f.Outturn.Period == period);
        var answer = new ApiSavedOutturn(measure.Code, ApiOutturn.From(saved.Result, saved.Outturn));
        return stored is not null
            ? TypedResults.Ok(answer)
            : TypedResults.Created($"{ApiEndpoints.Prefix}/measures/{Uri.EscapeDataString(measure.Code)}", answer);
    }

    // Whether the body names the field at all (as the serializer matches names: case-insensitively).
    private static bool Has(JsonElement body, string name) =>
        body.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
