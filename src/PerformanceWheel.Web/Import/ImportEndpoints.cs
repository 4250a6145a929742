using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Reporting.Excel;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Web.Import;

/// <summary>
/// The workbook import's endpoints that are not pages: the upload (a multipart POST with an antiforgery token, checked
/// at once and then shown at /admin/import/{token}), the progress of a check for the page's script, and the templates:
/// the empty workbook and a directorate's outturn collection workbook for a quarter.
/// </summary>
public static class ImportEndpoints
{
    public const string UploadPath = "/admin/import/upload";

    public static IEndpointRouteBuilder MapImport(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var limits = endpoints.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        endpoints.MapPost(UploadPath, UploadAsync)
            .RequireAuthorization(Policies.ManageFramework)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithMetadata(new BodySizeLimit((limits.MaxFileBytes * 2) + (1024 * 1024)));
        endpoints.MapGet("/admin/import/progress/{id}", (string id, HttpContext context, PendingImports pending) =>
                pending.ProgressOf(UserName(context), id) is { } progress ? Results.Json(progress) : Results.NotFound())
            .RequireAuthorization(Policies.ManageFramework);
        endpoints.MapGet("/admin/import/template.xlsx", () =>
            {
                var file = ImportWorkbooks.Template();
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.ManageFramework);
        endpoints.MapGet("/outturns/{Directorate}/collection.xlsx", async (string directorate, string? period, ImportWorkbooks workbooks, CancellationToken ct) =>
            {
                try
                {
                    var file = await workbooks.CollectionAsync(directorate, period, ct);
                    return Results.File(file.Content, file.ContentType, file.FileName);
                }
                catch (PackNotFoundException e)
                {
                    return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
                }
            })
            .RequireAuthorization(Policies.ManageFramework);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context, IAntiforgery antiforgery, PendingImports pending, WorkbookImporter importer, IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        if (!await IsValidAsync(context, antiforgery))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The form could not be accepted",
                detail: "The form was missing its security token or it has expired. Go back, reload the page and try again.");
        }

        var limit = options.Value.MaxFileBytes;
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Back($"The file is larger than {limit / 1024 / 1024} MB, the largest workbook one import accepts (Import:MaxFileBytes). Split it into smaller workbooks.");
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Back("Choose a workbook (.xlsx) to upload.");
        }

        if (file.Length > limit)
        {
            return Back(WorkbookImporter.TooLarge(file.Length, limit));
        }

        var isAdmin = context.User.IsInRole(Roles.Admin);
        if (!ImportRequest.TryParseMode(form["mode"], out var mode))
        {
            return Back("Choose historical or draft.");
        }

        var request = new ImportRequest(UserName(context), isAdmin, mode, file.FileName);
        if (request.EffectiveMode == ImportMode.Historical && !isAdmin)
        {
            return Back("Only an Admin can import in historical mode; figures you import are drafts.");
        }

        PendingImport upload;
        await using (var stream = file.OpenReadStream())
        {
            upload = await pending.SaveAsync(stream, request.UserName, request.EffectiveMode, file.FileName, cancellationToken);
        }

        await using (var saved = File.OpenRead(upload.Path))
        {
            var report = await importer.ValidateAsync(saved, request with { Mode = request.EffectiveMode }, pending.Progress(request.UserName, form["progress"]), cancellationToken);
            pending.KeepReport(upload.Token, report);
        }

        return Results.Redirect($"/admin/import/{upload.Token}");
    }

    private static IResult Back(string error) => Results.Redirect("/admin/import?error=" + Uri.EscapeDataString(error));

    private static string UserName(HttpContext context) => context.User.Identity?.Name ?? "unknown";

    private static async Task<bool> IsValidAsync(HttpContext context, IAntiforgery antiforgery) =>
        context.Features.Get<IAntiforgeryValidationFeature>() is { } checkedAlready
            ? checkedAlready.IsValid
            : await antiforgery.IsRequestValidAsync(context);

    /// <summary>Lets an upload a little over the limit through, so the person gets the clear message rather than a bare 413.</summary>
    private sealed class BodySizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
