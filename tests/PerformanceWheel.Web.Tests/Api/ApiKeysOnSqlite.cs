using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>API keys: bearer authentication, hashed storage, the admin page (create once-shown, revoke) and the bootstrap key.</summary>
public sealed class ApiKeysOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly Uri Measures = ApiClient.Url("/api/v1/measures");

    [Fact]
    public async Task WithoutAKeyTheApiAnswers401ProblemDetailsNotTheSignInPage()
    {
        var response = await ApiClient.With(app.Factory, null).GetAsync(Measures);

        var problem = await ApiClient.ProblemAsync(response, 401);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        response.Headers.Location.ShouldBeNull();
        problem.GetProperty("detail").GetString()!.ShouldContain("Authorization: Bearer <key>");
    }

    [Theory]
    [InlineData("Bearer pw_not-a-key-anyone-was-given")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task AWrongKeyAnswers401(string header)
    {
        var client = ApiClient.With(app.Factory, null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        await ApiClient.ProblemAsync(await client.GetAsync(Measures), 401);
    }

    [Fact]
    public async Task AnAddressUnderApiThatIsNoEndpointAnswersJson()
    {
        var client = ApiClient.With(app.Factory, null);

        var missing = await client.GetAsync(ApiClient.Url("/api/v1/nothing-here"));
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        var wrongMethod = await client.PostAsync(Measures, body);

        (await ApiClient.ProblemAsync(missing, 404)).GetProperty("detail").GetString().ShouldBe("There is no API endpoint at /api/v1/nothing-here. See /openapi/v1.json.");
        (await ApiClient.ProblemAsync(wrongMethod, 405)).GetProperty("detail").GetString().ShouldBe("/api/v1/measures answers GET.");
        wrongMethod.Content.Headers.Allow.ShouldBe(["GET"]);
    }

    [Fact]
    public async Task TheSignInCookieIsNotAcceptedByTheApi()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        await ApiClient.ProblemAsync(await admin.GetAsync(Measures), 401);
    }

    [Fact]
    public async Task AKeyIsStoredOnlyAsItsHashAndRecordsWhenItWasUsed()
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor, "Hash check");

        (await ApiClient.With(app.Factory, key).GetAsync(Measures)).StatusCode.ShouldBe(HttpStatusCode.OK);

        key.ShouldStartWith("pw_");
        key.Length.ShouldBe(46);
        var stored = await KeyAsync("Hash check");
        stored.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
        stored.Prefix.ShouldBe(key[..11]);
        stored.LastUsedAt.ShouldNotBeNull();
        (await AllStoredTextAsync()).ShouldNotContain(key);
    }

    [Fact]
    public async Task AnAdminCreatesAKeyOnThePageSeesItOnceAndRevokesIt()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var token = await SignedInClient.TokenAsync(admin, "/admin/api-keys");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-api-key",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Power BI refresh",
            ["Input.Role"] = Roles.Councillor,
        });

        var created = await admin.PostAsync(ApiClient.Url("/admin/api-keys"), form);

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        created.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        var key = page.QuerySelector("input#created-key")!.GetAttribute("value")!;
        page.QuerySelector("label[for=created-key]")!.Text().ShouldBe("API key “Power BI refresh”");
        (await ApiClient.With(app.Factory, key).GetAsync(Measures)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The list shows the key by name and its first characters only; a second look does not show the key.
        var list = await Page.OkAsync(admin, "/admin/api-keys");
        list.QuerySelector("input#created-key").ShouldBeNull();
        list.DocumentElement.OuterHtml.ShouldNotContain(key);
        var row = list.Table("Keys").Row("Power BI refresh");
        row.CellText("Starts with").ShouldBe(key[..11] + "…");
        row.CellText("Role").ShouldBe(Roles.Councillor);
        row.CellText("Status").ShouldBe("Active");

        var stored = await KeyAsync("Power BI refresh");
        var revokeToken = await SignedInClient.TokenAsync(admin, "/admin/api-keys");
        using var revoke = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = revokeToken });
        var revoked = await admin.PostAsync(ApiClient.Url($"/admin/api-keys/{stored.Id}/revoke"), revoke);

        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        revoked.Headers.Location!.ToString().ShouldStartWith("/admin/api-keys?message=");
        (await ApiClient.ProblemAsync(await ApiClient.With(app.Factory, key).GetAsync(Measures), 401))
            .GetProperty("detail").GetString().ShouldBe("The API key is not valid or has been revoked.");
        (await Page.OkAsync(admin, "/admin/api-keys")).Table("Keys").Row("Power BI refresh").CellText("Status").ShouldStartWith("Revoked ");
        (await AuditAsync()).ShouldContain(("Created", "Role: Councillor"));
        (await AuditAsync()).ShouldContain(("Revoked", (string?)null));
    }

    [Fact]
    public async Task RevokingWithoutTheFormTokenIsRefused()
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor, "Token check");
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());

        var response = await admin.PostAsync(ApiClient.Url($"/admin/api-keys/{(await KeyAsync("Token check")).Id}/revoke"), empty);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiClient.With(app.Factory, key).GetAsync(Measures)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ADirectorKeyNeedsADirectorateTheErrorIsNextToTheField()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var token = await SignedInClient.TokenAsync(admin, "/admin/api-keys");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create-api-key",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Director without directorates",
            ["Input.Role"] = Roles.Director,
        });

        var response = await admin.PostAsync(ApiClient.Url("/admin/api-keys"), form);

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("fieldset .field-error, fieldset .validation-message")!.TextContent.ShouldBe("Choose at least one directorate for a Director key");
        page.QuerySelector("input#created-key").ShouldBeNull();
    }

    [Fact]
    public async Task ADirectorKeyCarriesItsDirectoratesAndSeesDraftsLikeADirector()
    {
        var key = await ApiClient.CreateKeyAsync(app.Factory, Roles.Director, "Director feed");

        var measure = await ApiClient.JsonAsync(await ApiClient.With(app.Factory, key).GetAsync(ApiClient.Url("/api/v1/measures/PH-HV-01")));

        measure.GetProperty("publishedOnly").GetBoolean().ShouldBeFalse();
        (await ApiClient.With(app.Factory, key).GetAsync(Measures)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var identity = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().FindActiveAsync(key);
        identity!.Directorates.ShouldBe([ApiClient.DirectorsDirectorate]);
        identity.Role.ShouldBe(Roles.Director);
    }

    [Fact]
    public async Task OnlyAdminsOpenTheApiKeysPage()
    {
        foreach (var role in new[] { Roles.PerformanceOfficer, Roles.Director, Roles.Councillor })
        {
            var client = await SignedInClient.AsAsync(app.Factory, role);
            var response = await client.GetAsync(ApiClient.Url("/admin/api-keys"));
            response.Headers.Location!.ToString().ShouldContain("/account/access-denied", customMessage: role);
        }
    }

    [Fact]
    public async Task TheBootstrapKeyFollowsTheSettingAcrossRestarts()
    {
        const string First = "bootstrap-key-for-tests-0123456789-abcdef";
        const string Second = "bootstrap-key-for-tests-9876543210-fedcba";
        await using var database = TestDatabases.CreateSqlite();
        await using var factory = new AppFactory(database, loadDemo: false);
        _ = factory.Server;

        // Configured: an Admin key with that value exists, and a second start changes nothing.
        await StartWithAsync(factory, First);
        await StartWithAsync(factory, First);
        (await StatusAsync(factory, First)).ShouldBe(HttpStatusCode.OK);
        var keys = await BootstrapKeysAsync(factory);
        keys.ShouldHaveSingleItem().Role.ShouldBe(Roles.Admin);

        // Changed: the old value is revoked, the new one works.
        await StartWithAsync(factory, Second);
        (await StatusAsync(factory, First)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusAsync(factory, Second)).ShouldBe(HttpStatusCode.OK);

        // Removed: the bootstrap key is revoked; setting an old value again does not bring it back.
        await StartWithAsync(factory, null);
        (await StatusAsync(factory, Second)).ShouldBe(HttpStatusCode.Unauthorized);
        await StartWithAsync(factory, First);
        (await StatusAsync(factory, First)).ShouldBe(HttpStatusCode.Unauthorized);
        (await BootstrapKeysAsync(factory)).ShouldAllBe(k => k.IsRevoked);
    }

    [Fact]
    public async Task AShortBootstrapKeyStopsStartup()
    {
        await using var database = TestDatabases.CreateSqlite();
        await using var factory = new AppFactory(database, loadDemo: false);

        var e = Should.Throw<Exception>(() => factory.WithWebHostBuilder(b => b.UseSetting(ApiKeyBootstrapper.Setting, "too-short")).Server);

        e.ToString().ShouldContain("Bootstrap:AdminApiKey must be at least 32 characters long");
    }

    private static async Task StartWithAsync(AppFactory factory, string? value)
    {
        await using var started = factory.WithWebHostBuilder(b => b.UseSetting(ApiKeyBootstrapper.Setting, value ?? string.Empty));
        _ = started.Server;
    }

    private static async Task<HttpStatusCode> StatusAsync(AppFactory factory, string key) =>
        (await ApiClient.With(factory, key).GetAsync(Measures)).StatusCode;

    private static async Task<List<ApiKey>> BootstrapKeysAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().ApiKeys.AsNoTracking().Where(k => k.IsBootstrap).ToListAsync();
    }

    private async Task<ApiKey> KeyAsync(string name)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().ApiKeys.AsNoTracking().SingleAsync(k => k.Name == name);
    }

    private async Task<List<(string Action, string? Changes)>> AuditAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == ApiKeyAdministration.AuditType && a.User == SignedInClient.EmailFor(Roles.Admin)).ToListAsync();
        return entries.Select(a => (a.Action, a.Changes)).ToList();
    }

    private async Task<string> AllStoredTextAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        return string.Join('\n', keys.Select(k => $"{k.Name}|{k.Prefix}|{k.Hash}").Concat(audit.Select(a => $"{a.EntityKey}|{a.Changes}")));
    }
}
