using System.Net;
using System.Text;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>
/// Every /api route × every role's API key, no key, and every role's sign-in cookie → the expected allow or deny.
/// The API authenticates by key only: no key (or only a cookie) answers 401, a key whose role may not answers 403, both
/// as problem details. <see cref="AuthorizationMatrixOnSqlite"/> fails on any route in neither matrix.
/// </summary>
public sealed class ApiAuthorizationMatrixOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Anyone, with or without a key: the JSON 404 for addresses under /api that are not endpoints.</summary>
    private const string Anyone = "anyone";

    // Which keys may use each route. "read" = every role's key (councillor keys see published figures only).
    // A POST is sent an empty JSON object: an allowed key gets 4xx about the body (422, 400, 415), never 401 or 403.
    internal static readonly Dictionary<string, string[]> Matrix = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/measures"] = ["read"],
        ["GET /api/v1/measures/{code}"] = ["read"],
        ["GET /api/v1/scorecard"] = ["read"],
        ["GET /api/v1/wheel"] = ["read"],
        ["POST /api/v1/outturns"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["POST /api/v1/imports/workbook"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /api/v1/project-updates"] = ["read"],
        ["POST /api/v1/project-updates"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["POST /api/v1/project-updates/submit"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["POST /api/v1/project-updates/approve"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["POST /api/v1/project-updates/return"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /api/v1/finance"] = ["read"],
        ["POST /api/v1/finance/lines"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["POST /api/v1/finance/position"] = [Roles.Admin, Roles.PerformanceOfficer],
        ["GET /api/{**path}"] = [Anyone],
    };

    [Fact]
    public async Task EveryKeyNoKeyAndEveryCookieGetsExactlyWhatTheMatrixAllows()
    {
        var keys = await ApiClient.KeysForEveryRoleAsync(app.Factory);
        var failures = new List<string>();
        foreach (var (route, allowed) in Matrix)
        {
            var anyone = allowed.Contains(Anyone);

            // No key at all.
            await CheckAsync(ApiClient.With(app.Factory, null), route, "no key", anyone ? null : HttpStatusCode.Unauthorized, failures);

            foreach (var role in Roles.All)
            {
                // The role's API key: allowed, or 403.
                var mayUse = anyone || allowed.Contains("read") || allowed.Contains(role);
                await CheckAsync(ApiClient.With(app.Factory, keys[role]), route, $"{role} key", mayUse ? null : HttpStatusCode.Forbidden, failures);

                // The role's sign-in cookie and no key: never accepted.
                await CheckAsync(await SignedInClient.AsAsync(app.Factory, role), route, $"{role} cookie", anyone ? null : HttpStatusCode.Unauthorized, failures);
            }
        }

        failures.ShouldBeEmpty();
    }

    private static async Task CheckAsync(HttpClient client, string route, string who, HttpStatusCode? expectedDenial, List<string> failures)
    {
        var parts = route.Split(' ', 2);
        var url = parts[1].Replace("{code}", "PH-HV-01", StringComparison.Ordinal).Replace("{**path}", "v0/nothing-here", StringComparison.Ordinal);
        HttpResponseMessage response;
        if (parts[0] == "POST")
        {
            using var body = new StringContent("{}", Encoding.UTF8, "application/json");
            response = await client.PostAsync(ApiClient.Url(url), body);
        }
        else
        {
            response = await client.GetAsync(ApiClient.Url(url));
        }

        var status = response.StatusCode;
        var denied = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || status == HttpStatusCode.Redirect;
        if (expectedDenial is { } expected && status != expected)
        {
            failures.Add($"{route} with {who}: expected {(int)expected}, got {(int)status} {response.Headers.Location}");
        }
        else if (expectedDenial is null && denied)
        {
            failures.Add($"{route} with {who}: expected allow, got {(int)status} {response.Headers.Location}");
        }
        else if (response.Content.Headers.ContentType?.MediaType is not ("application/json" or "application/problem+json"))
        {
            failures.Add($"{route} with {who}: answered {response.Content.Headers.ContentType} rather than JSON");
        }
    }
}
