using System.Text.Json;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;

namespace PerformanceWheel.Web.Api;

/// <summary>A milestone in the API: title, due date (yyyy-MM-dd) and status (NotStarted, OnTrack, Achieved, Missed).</summary>
public sealed record ApiMilestone(string? Title, string? Due, string? Status);

/// <summary>A project update as read from the API (drafts only for keys that may see the directorate's drafts).</summary>
public sealed record ApiProjectUpdate(
    string Project, string? Directorate, string Quarter, string State, string Brag, string Direction,
    string? WorkingWell, string? Concerns, string? NextFocus, IReadOnlyList<ApiMilestone> Milestones, int Version, string? UpdatedBy)
{
    public static ApiProjectUpdate From(Project project, ProjectUpdate update)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(update);
        return new(project.Code, project.Directorate?.Name, update.Period.Label, update.State.ToString(), update.Brag.ToString(), update.Direction.ToString(),
            update.WorkingWell, update.Concerns, update.NextFocus,
            update.Milestones.Select(m => new ApiMilestone(m.Title, m.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.Status.ToString())).ToList(),
            update.Version, update.UpdatedBy);
    }
}

/// <summary>The body of POST /api/v1/project-updates. A field left out keeps what is stored; sent as null, a text is cleared.</summary>
public sealed record ApiProjectUpdateInput(
    string? Project, string? Quarter, string? Brag, string? Direction, string? WorkingWell, string? Concerns, string? NextFocus, IReadOnlyList<ApiMilestone>? Milestones, int? Version);

/// <summary>The body of the workflow steps: the directorate and quarter, and for a return the reason (and optionally one project).</summary>
public sealed record ApiProjectStepInput(string? Directorate, string? Quarter, string? Project, string? Reason);

/// <summary>How many project updates a workflow step moved.</summary>
public sealed record ApiProjectStepResult(string Directorate, string Quarter, int Moved);

/// <summary>
/// Project updates in the API (docs/api.md): reads for any key through the reader's audience; writes and workflow steps
/// for Admin and PerformanceOfficer keys, through the same command as the entry page and the workbook import.
/// </summary>
internal static class ApiProjectUpdates
{
    public static RouteGroupBuilder MapProjectUpdates(this RouteGroupBuilder api)
    {
        api.MapGet("/project-updates", ListAsync)
            .WithName("ListProjectUpdates")
            .WithSummary("Project updates (BRAG, direction, narrative, milestones), optionally of one quarter, directorate or project; published only for councillor keys.")
            .Produces<IReadOnlyList<ApiProjectUpdate>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/project-updates", SaveAsync)
            .RequireAuthorization(ApiAuthorization.EnterFigures)
            .WithName("SaveProjectUpdate")
            .WithSummary("Enters or changes a project's update for a quarter under the entry page's rules (Admin and PerformanceOfficer keys).")
            .WithMetadata(new JsonBodyMetadata(typeof(ApiProjectUpdateInput)))
            .Produces<ApiProjectUpdate>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        foreach (var step in new[] { "submit", "approve", "return" })
        {
            api.MapPost($"/project-updates/{step}", (HttpContext context, ProjectUpdateCommands commands, CancellationToken ct) => StepAsync(context, commands, step, ct))
                .RequireAuthorization(ApiAuthorization.EnterFigures)
                .WithName($"ProjectUpdates{char.ToUpperInvariant(step[0])}{step[1..]}")
                .WithSummary($"Moves a directorate's project updates of a quarter: {step} (a return needs a reason).")
                .WithMetadata(new JsonBodyMetadata(typeof(ApiProjectStepInput)))
                .Produces<ApiProjectStepResult>()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        }

        return api;
    }

    private static async Task<IResult> ListAsync(
        ProjectUpdateReader reader, IFigureAudience audience, string? period, string? directorate, string? project, CancellationToken cancellationToken)
    {
        ReportingPeriod? quarter = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!ReportingPeriod.TryParse(period, out var parsed) || parsed.Kind != PeriodKind.Quarter)
            {
                return ApiProblems.BadParameter("period", $"'{period}' is not a quarter; use a label such as 2019/20 Q2.");
            }

            quarter = parsed;
        }

        var updates = await reader.ListAsync(audience.Scope, quarter, Blank(directorate), Blank(project), cancellationToken);
        return TypedResults.Ok(updates.Select(u => ApiProjectUpdate.From(u.Project, u.Update)).ToList());
    }

    private static async Task<IResult> SaveAsync(HttpContext context, ProjectUpdateCommands commands, ProjectUpdateReader reader, CancellationToken cancellationToken)
    {
        var (body, input, problem) = await ReadAsync<ApiProjectUpdateInput>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        string? Text(string name, string? value) => Has(body, name) ? value ?? string.Empty : null;
        var command = new ProjectUpdateInput(
            input!.Project ?? string.Empty, input.Quarter ?? string.Empty, input.Brag, input.Direction,
            Text("workingWell", input.WorkingWell), Text("concerns", input.Concerns), Text("nextFocus", input.NextFocus),
            Has(body, "milestones") ? (input.Milestones ?? []).Select(m => new MilestoneInput(m.Title, m.Due, m.Status)).ToList() : null,
            input.Version);
        var result = await commands.SaveAsync(WorkflowUser.From(context.User), command, cancellationToken);
        if (!result.Succeeded)
        {
            return Problem(result);
        }

        var saved = await reader.ListAsync(FigureScope.Everything, ReportingPeriod.Parse(command.Quarter), null, command.ProjectCode.Trim(), cancellationToken);
        return TypedResults.Ok(ApiProjectUpdate.From(saved[0].Project, saved[0].Update));
    }

    private static async Task<IResult> StepAsync(HttpContext context, ProjectUpdateCommands commands, string step, CancellationToken cancellationToken)
    {
        var (_, input, problem) = await ReadAsync<ApiProjectStepInput>(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!ReportingPeriod.TryParse(input!.Quarter, out var quarter) || quarter.Kind != PeriodKind.Quarter)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["quarter"] = [$"'{input.Quarter}' is not a quarter; use a label such as 2019/20 Q2."] });
        }

        var user = WorkflowUser.From(context.User);
        var directorate = input.Directorate?.Trim() ?? string.Empty;
        var result = step switch
        {
            "submit" => await commands.SubmitAsync(user, directorate, quarter, cancellationToken),
            "approve" => await commands.ApproveAsync(user, directorate, quarter, cancellationToken),
            _ => await commands.ReturnAsync(user, directorate, quarter, input.Project, input.Reason, cancellationToken),
        };
        return result.Succeeded ? TypedResults.Ok(new ApiProjectStepResult(directorate, quarter.Label, result.Count)) : Problem(result);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(ProjectUpdateResult result) => result.Kind switch
    {
        ProjectUpdateProblem.NotFound => ApiProblems.NotFound(result.Problems[0].Message),
        ProjectUpdateProblem.Forbidden => ApiProblems.Status(StatusCodes.Status403Forbidden, "Not yours to change", result.Problems[0].Message),
        ProjectUpdateProblem.Conflict => ApiProblems.Status(StatusCodes.Status409Conflict, "Someone else changed this update", result.Problems[0].Message),
        ProjectUpdateProblem.Locked => ApiProblems.Status(StatusCodes.Status409Conflict, "This update is locked", result.Problems[0].Message),
        _ => ApiProblems.Invalid(result.Problems.GroupBy(p => FieldName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())),
    };

    // The command's field names as the body spells them: Brag → brag, Milestones[0].Due → milestones[0].due, ProjectCode → project.
    private static string FieldName(string field) => field == "ProjectCode" ? "project"
        : string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static async Task<(JsonElement Body, T? Input, IResult? Problem)> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (default, null, (IResult)ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send JSON", "The body must be JSON, with Content-Type: application/json."));
        }

        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = await context.Request.ReadFromJsonAsync<JsonElement>(json, cancellationToken);
            var input = body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(json) : null;
            return input is null
                ? (body, null, ApiProblems.Status(StatusCodes.Status400BadRequest, "The body is not valid", "The body is empty or not a JSON object."))
                : (body, input, null);
        }
        catch (JsonException e)
        {
            return (default, null, ApiProblems.Status(StatusCodes.Status400BadRequest, "The body is not valid",
                $"The JSON could not be read{(string.IsNullOrEmpty(e.Path) ? string.Empty : $" at {e.Path}")}: check the field types (texts are strings, milestones a list, version a whole number)."));
        }
    }

    private static bool Has(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
