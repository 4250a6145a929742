using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>
/// Every page and endpoint × every role and anonymous → the expected allow or deny. A route that is not in the matrix,
/// or that carries no explicit authorization metadata, fails the test.
/// </summary>
public sealed class AuthorizationMatrixOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Anonymous = "anonymous";

    // Who may use each route. "read" = ReadPerformance: everyone signed in, and anonymous readers when the council allows it.
    private static readonly Dictionary<string, string[]> Matrix = new(StringComparer.Ordinal)
    {
        ["GET /"] = ["read"],
        ["GET /comparison"] = ["read"],
        ["GET /directorates"] = ["read"],
        ["GET /directorates/{Name}"] = ["read"],
        ["GET /segments/{Code}"] = ["read"],
        ["GET /measures/{Code}"] = ["read"],
        ["GET /projects/{Code}"] = ["read"],
        ["GET /finance"] = ["read"],
        ["GET /finance/entry"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /exceptions"] = ["read"],
        ["GET /outturns"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director],
        ["GET /outturns/{Directorate}"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director],
        ["GET /outturns/{Directorate}/critical-items"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director],
        ["GET /outturns/{Directorate}/review"] = [Roles.Admin, Roles.Director],
        ["GET /project-updates/{Directorate}"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director],
        ["GET /assessments"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/measures"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/measures/new"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/measures/{Id:int}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/measures/{Id:int}/targets"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/directorates"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/directorates/new"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/directorates/{Id:int}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/committees"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/committees/new"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/committees/{Id:int}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/segments"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/segments/new"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/segments/{Id:int}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/plans/new"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/plans/{Id:int}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/groups/new"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/groups/{Id:int}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/projects"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/projects/new"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/framework/projects/{Id:int}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/import"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/import/{Token}"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["POST /admin/import/upload"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/import/template.xlsx"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /outturns/{Directorate}/collection.xlsx"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /admin/users"] = [Roles.Admin],
        ["GET /admin/users/{Id}"] = [Roles.Admin],
        ["GET /admin/api-keys"] = [Roles.Admin],
        ["POST /admin/api-keys/{id:int}/revoke"] = [Roles.Admin],
        ["GET /admin/settings"] = [Roles.Admin],
        ["GET /admin/covering-report"] = [Roles.Admin],
        ["GET /covering-reports"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["POST /admin/users/{id}/disable"] = [Roles.Admin],
        ["POST /admin/users/{id}/enable"] = [Roles.Admin],
        ["GET /account/password"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["POST /account/sign-out"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /account/sign-in"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /account/access-denied"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /not-found"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /error"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /health"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],

        ["GET /reports/cabinet.pdf"] = ["read"],
        ["GET /reports/scrutiny.pdf"] = ["read"],
        ["GET /reports/directorates/{name}.pdf"] = ["read"],
        ["GET /reports/measures/{code}.pdf"] = ["read"],
        ["GET /exports/directorates.xlsx"] = ["read"],
        ["GET /exports/directorates/{name}.xlsx"] = ["read"],
        ["GET /exports/comparison.xlsx"] = ["read"],
        ["GET /exports/exceptions.xlsx"] = ["read"],
        ["GET /exports/measures/{code}.xlsx"] = ["read"],
        ["GET /reports/download.js"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /reports/progress.css"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /theme.css"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        // The council's logo is in every page's app bar, signed in or not (404 when it has none).
        ["GET /council/logo"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],

        // Open data: published figures only, for anyone (404 while the council has it turned off).
        ["GET /open-data"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /open-data/{period}.csv"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],

        // The OpenAPI document describes the API and holds no figures: anonymous on purpose. The /api routes themselves
        // authenticate by API key and are checked in ApiAuthorizationMatrixOnSqlite.
        ["GET /openapi/{documentName}.json"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],

        // The API reference page (docs/decisions/0011): anyone signed in. Its script and icon are Scalar's own files,
        // marked anonymous by Scalar.AspNetCore; they hold nothing of the council's.
        ["GET /api-reference/{documentName?}"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /api-reference/scalar.js"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /api-reference/scalar.aspnetcore.js"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /api-reference/favicon.svg"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],

        // ASP.NET Core's own endpoint for redirects after a form post; it only turns a protected token into a redirect.
        ["GET /_framework/opaque-redirect"] = [Anonymous, Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],

        // The interactive circuit's hub (staff work pages are InteractiveServer): signed-in users only.
        ["GET /_blazor"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /_blazor/negotiate"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /_blazor/disconnect"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
        ["GET /_blazor/initializers"] = [Roles.Admin, Roles.PerformanceOfficer, Roles.Director, Roles.Councillor],
    };

    [Fact]
    public void EveryRouteIsInTheMatrixAndNamesItsAuthorization()
    {
        var routes = Routes().ToList();

        routes.Select(r => r.Key).Order().ShouldBe(
            Matrix.Keys.Concat(Api.ApiAuthorizationMatrixOnSqlite.Matrix.Keys).Order(),
            "every route must be in the authorization matrix (API routes in ApiAuthorizationMatrixOnSqlite), and every matrix row must exist");
        foreach (var (key, endpoint) in routes)
        {
            var explicitAuth = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            explicitAuth.ShouldBeTrue($"{key} has no explicit authorization policy");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryRoleGetsExactlyWhatTheMatrixAllows(bool anonymousReading)
    {
        await SetAnonymousReadingAsync(anonymousReading);
        try
        {
            var clients = new Dictionary<string, HttpClient> { [Anonymous] = SignedInClient.Anonymous(app.Factory) };
            foreach (var role in Roles.All)
            {
                clients[role] = await SignedInClient.AsAsync(app.Factory, role);
            }

            var failures = new List<string>();
            // Signing out ends the client's session, so that row is checked last.
            foreach (var (key, allowed) in Matrix.OrderBy(r => r.Key == "POST /account/sign-out"))
            {
                foreach (var (who, client) in clients)
                {
                    var expected = allowed.Contains(who) || (allowed.Contains("read") && (who != Anonymous || anonymousReading));
                    var (actual, status) = await IsAllowedAsync(client, key);
                    if (actual != expected)
                    {
                        failures.Add($"{key} as {who}: expected {(expected ? "allow" : "deny")}, got {(actual ? "allow" : "deny")} ({status})");
                    }
                }
            }

            failures.ShouldBeEmpty();
        }
        finally
        {
            await SetAnonymousReadingAsync(true);
        }
    }

    private IEnumerable<KeyValuePair<string, RouteEndpoint>> Routes()
    {
        var sources = app.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                // Razor component pages answer GET and POST (forms); the matrix lists their GET.
                if (method == "POST" && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
                {
                    continue;
                }

                yield return new($"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/') switch { "" => "/", var p => p.StartsWith('/') ? p : "/" + p }}", endpoint);
            }
        }
    }

    private async Task<(bool Allowed, string Status)> IsAllowedAsync(HttpClient client, string key)
    {
        var parts = key.Split(' ', 2);
        var userId = await AnyUserIdAsync();
        var url = parts[1]
            .Replace("{Name}", "Public%20Health", StringComparison.Ordinal)
            .Replace("{name}", "Public%20Health", StringComparison.Ordinal)
            // The Director demo user's own directorate (another directorate's grid is refused: DraftMarkersOnSqlite).
            .Replace("{Directorate}", "Adults%20Services", StringComparison.Ordinal)
            .Replace("{Id:int}", "1", StringComparison.Ordinal)
            .Replace("{id:int}", "1", StringComparison.Ordinal)
            .Replace("{period}", "2019-20-Q2", StringComparison.Ordinal)
            .Replace("{documentName?}", "v1", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{code}", "PH-HV-01", StringComparison.Ordinal)
            .Replace("{Code}", "C4", StringComparison.Ordinal)
            .Replace("{Id}", userId, StringComparison.Ordinal)
            .Replace("{id}", userId, StringComparison.Ordinal);
        if (key.StartsWith("GET /projects", StringComparison.Ordinal))
        {
            url = "/projects/" + await AnyProjectCodeAsync();
        }

        // Packs and exports for a period with no figures: authorization is decided before any (slow) rendering, and an
        // allowed reader gets the 404 that explains the period.
        if (url.StartsWith("/reports/", StringComparison.Ordinal) || url.StartsWith("/exports/", StringComparison.Ordinal))
        {
            url += "?period=1999/00%20Q1";
        }

        HttpResponseMessage response;
        if (parts[0] == "POST")
        {
            // A real form post: the token comes from a page this client may open (the sign-in page for everyone).
            var token = await SignedInClient.TokenAsync(client, "/account/sign-in");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            response = await client.PostAsync(new Uri(url.Replace("/disable", "/enable", StringComparison.Ordinal), UriKind.Relative), form);
        }
        else
        {
            response = await client.GetAsync(new Uri(url, UriKind.Relative));
        }

        var (refused, status) = SignedInClient.Refusal(response);
        return (!refused, status);
    }

    private Task<string> AnyUserIdAsync() => SignedInClient.TargetUserAsync(app.Factory, "matrix-target@demo.council");

    private async Task<string> AnyProjectCodeAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.Projects.OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
    }

    private async Task SetAnonymousReadingAsync(bool allow)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var settings = await db.CouncilSettings.SingleAsync();
        settings.ChangeReading(allow, settings.OverdueDaysAfterPeriodEnd);
        await db.SaveChangesAsync();
    }
}
