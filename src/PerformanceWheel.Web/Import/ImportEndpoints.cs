using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Reporting.Excel;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Web.Import;

/// <summary>
/// The workbook import's endpoints that are not pages: the upload (a multipart POST with an antiforgery token, checked
/// at once and then shown at /admin/import/{token}), and the templates:
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
        UploadOutcome outcome;
        await using (var content = file?.OpenReadStream())
        {
            outcome = await ImportUpload.CheckAsync(pending, importer, options.Value, (content, file?.Length ?? 0, file?.FileName ?? string.Empty), form["mode"], context.User, null, cancellationToken);
        }

        return outcome.Token is { } token ? Results.Redirect($"/admin/import/{token}") : Back(outcome.Error!);
    }

    private static IResult Back(string error) => Results.Redirect("/admin/import?error=" + Uri.EscapeDataString(error));

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
