using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>/openapi/v1.json: every /api/v1 route, the bearer key scheme, enums as strings; readable without signing in.</summary>
public sealed class OpenApiDocumentOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheDocumentListsEveryApiRouteWithItsMethod()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        var routes = ApiRoutes().ToList();
        routes.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var (method, path) in routes)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is not in the OpenAPI document");
            item.TryGetProperty(method.ToLowerInvariant(), out _).ShouldBeTrue($"{method} {path} is not in the OpenAPI document");
        }

        paths.EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).Order()
            .ShouldBe(routes.Select(r => r.Path).Distinct().Order(), "the document lists exactly the API's routes");
        paths.TryGetProperty("/open-data/{period}.csv", out _).ShouldBeTrue();
        var body = paths.GetProperty("/api/v1/outturns").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        var schema = body.GetProperty("schema");
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(["measure", "period", "value", "status", "provisional", "commentary", "version"]);
        schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["measure", "period"]);
    }

    [Fact]
    public async Task EveryApiOperationNeedsTheBearerKey()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var security = operation.Value.GetProperty("security").EnumerateArray().ToList();
                security.Any(s => s.TryGetProperty("ApiKey", out _)).ShouldBeTrue($"{operation.Name} {path.Name}");
                operation.Value.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue($"{operation.Name} {path.Name} documents 401");
            }
        }
    }

    [Fact]
    public async Task EnumsAreDescribedByTheirNames()
    {
        var text = (await DocumentAsync()).GetRawText();

        foreach (var name in new[] { "\"Green\"", "\"Amber\"", "\"Red\"", "\"Blue\"", "\"Improving\"", "\"Steady\"", "\"Declining\"", "\"Draft\"", "\"Published\"", "\"HigherIsBetter\"" })
        {
            text.ShouldContain(name);
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await ApiClient.With(app.Factory, null).GetAsync(ApiClient.Url("/openapi/v1.json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await ApiClient.JsonAsync(response);
    }

    private IEnumerable<(string Method, string Path)> ApiRoutes() =>
        app.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)));
}
