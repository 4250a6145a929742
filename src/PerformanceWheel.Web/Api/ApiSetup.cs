using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Web.OpenData;
using PerformanceWheel.Web.Security;
using Scalar.AspNetCore;

namespace PerformanceWheel.Web.Api;

/// <summary>The API, its keys, the OpenAPI document and open data: two calls from Startup and one at database preparation.</summary>
public static class ApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddScoped<ApiKeyStore>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<ApiKeyBootstrapper>();
        services.AddScoped<MeasureCatalogue>();
        services.AddScoped<OpenDataReader>();
        services.AddScoped<CouncilSettingsAdministration>();
        services.AddScoped<CouncilBrandingAdministration>();

        // JSON: camelCase (the web default) and enums by name, exactly as the domain writes them ("Green", "Improving", "Draft").
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath is { } path
                && (path.StartsWith("api/v1/", StringComparison.Ordinal) || path.StartsWith("open-data/", StringComparison.Ordinal));
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "PerformanceWheel API",
                    Version = DocumentName,
                    Description = "Measures, scorecards, the performance wheel and outturn entry. Send an API key as 'Authorization: Bearer <key>' (an Admin creates keys at /admin/api-keys). Errors are RFC 7807 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "API key",
                    Description = "An API key created by an Admin; it acts with the key's role.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, context.Document)] = [] });
                }

                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<WorkbookUploadMetadata>().Any())
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["multipart/form-data"] = new()
                            {
                                Schema = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.Object,
                                    Required = new HashSet<string> { "file" },
                                    Properties = new Dictionary<string, IOpenApiSchema>
                                    {
                                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The workbook (.xlsx), as docs/import-format.md describes." },
                                        ["mode"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "historical (Admin keys only; the default for them) or draft (the default otherwise)." },
                                    },
                                },
                            },
                        },
                    };
                }

                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyMetadata>().FirstOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
                        },
                    };
                }
            });
        });
        return services;
    }

    /// <summary>The API reference page (Scalar), drawn in the browser from the OpenAPI document.</summary>
    public const string ReferencePath = "/api-reference";

    /// <summary>
    /// Maps /api/v1, the OpenAPI document (anonymous: it describes the API, it holds no figures), the API reference page,
    /// open data and the key admin actions.
    /// </summary>
    public static IEndpointRouteBuilder MapApiAndOpenData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApi();
        endpoints.MapOpenApi().AllowAnonymous();

        // The reference page and its script come from the app (Scalar.AspNetCore embeds them): no CDN, no web fonts, no
        // telemetry, no AI agent; its scripts carry a per-request nonce that SecurityHeaders puts in the page's CSP.
        // Any signed-in user may read it (docs/decisions/0011): the people who integrate with the API are council staff.
        endpoints.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("PerformanceWheel API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(DocumentName)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .HideDeveloperTools()
                .WithNonce())
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
        endpoints.MapOpenData();
        endpoints.MapApiKeyAdministration();
        return endpoints;
    }

    /// <summary>Keeps the key from Bootstrap:AdminApiKey in step (after migrations).</summary>
    public static async Task EnsureBootstrapApiKeyAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApiKeyBootstrapper>()
            .EnsureAsync(app.Configuration[ApiKeyBootstrapper.Setting], app.Lifetime.ApplicationStopping);
    }

    /// <summary>The admin's revoke button: a form POST with an antiforgery token, like disabling a user.</summary>
    private static IEndpointRouteBuilder MapApiKeyAdministration(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/api-keys/{id:int}/revoke", async Task<IResult> (int id, HttpContext context, IAntiforgery antiforgery, ApiKeyAdministration keys) =>
            {
                var valid = context.Features.Get<IAntiforgeryValidationFeature>() is { } checkedAlready
                    ? checkedAlready.IsValid
                    : await antiforgery.IsRequestValidAsync(context);
                if (!valid)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "The form could not be accepted",
                        detail: "The form was missing its security token or it has expired. Go back, reload the page and try again.");
                }

                var message = await keys.RevokeAsync(id, context.User.Identity?.Name ?? "unknown", context.RequestAborted)
                    ? "The key was revoked. Requests that send it are refused from now on."
                    : "That key does not exist or was already revoked.";
                return TypedResults.LocalRedirect("/admin/api-keys?message=" + Uri.EscapeDataString(message));
            })
            .RequireAuthorization(Policies.Administer)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return endpoints;
    }
}
