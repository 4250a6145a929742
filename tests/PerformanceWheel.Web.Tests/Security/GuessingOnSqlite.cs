using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Components.Pages.Account;
using PerformanceWheel.Web.Security;
using PerformanceWheel.Web.Tests.Api;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>
/// Key and password guessing: failed attempts per client address are limited (429 with Retry-After, problem details on
/// the API), valid keys never use up the limit, and every failed sign-in gets one message whatever the cause.
/// </summary>
public sealed class GuessingOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Limit = 3;

    private static readonly string Failed = WebUtility.HtmlEncode(SignIn.FailedMessage);

    [Fact]
    public async Task WrongApiKeysAreRefusedWith429AfterTheLimitAndValidKeysDoNotCount()
    {
        await using var limited = Limited();
        var valid = KeyClient(limited, await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor));
        var wrong = KeyClient(limited, "pw_wrong_key_that_does_not_exist_0123456789");

        // Valid keys use up nothing, however many requests they make.
        for (var i = 0; i < Limit * 5; i++)
        {
            (await valid.GetAsync(ApiClient.Url("/api/v1/measures"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        for (var i = 0; i < Limit; i++)
        {
            (await wrong.GetAsync(ApiClient.Url("/api/v1/measures"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var refused = await wrong.GetAsync(ApiClient.Url("/api/v1/measures"));
        var problem = await ApiClient.ProblemAsync(refused, 429);
        problem.GetProperty("title").GetString().ShouldBe("Too many failed attempts");
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 600);
    }

    [Fact]
    public async Task FailedSignInsAreRefusedWith429AfterTheLimitAndTheRefusalChecksNothing()
    {
        await using var limited = Limited();
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = SignedInClient.EmailFor(Roles.Councillor);
        for (var i = 0; i < Limit; i++)
        {
            (await SignedInClient.SignInAsync(client, "nobody@demo.council", "guess-" + i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var before = await AuditCountAsync(limited);
        var refused = await SignedInClient.SignInAsync(client, email, AccountBootstrapper.DemoPassword);

        refused.StatusCode.ShouldBe((HttpStatusCode)429);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many failed sign-ins came from this address.");
        (refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("PerformanceWheel.Auth=", StringComparison.Ordinal)))
            .ShouldBeFalse("not signed in");
        (await AuditCountAsync(limited)).ShouldBe(before, "a refused attempt checks and records nothing");
    }

    [Fact]
    public async Task EveryFailedSignInGetsTheSameMessageAndTheAuditLogRecordsTheCause()
    {
        var client = SignedInClient.Anonymous(app.Factory);

        var unknown = await BodyAsync(await SignedInClient.SignInAsync(client, "no-such-person@demo.council", "Whatever-123"));
        var wrong = await BodyAsync(await SignedInClient.SignInAsync(client, SignedInClient.EmailFor(Roles.PerformanceOfficer), "Whatever-123"));

        unknown.ShouldContain(Failed);
        wrong.ShouldContain(Failed);
        ErrorOf(unknown).ShouldBe(ErrorOf(wrong));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().AuditEntries
            .Where(a => a.Action == "Sign-in failed").ToListAsync();
        audit.ShouldContain(a => a.EntityKey == "no-such-person@demo.council" && a.Changes!.StartsWith("no account with this email address", StringComparison.Ordinal));
        audit.ShouldContain(a => a.EntityKey == SignedInClient.EmailFor(Roles.PerformanceOfficer) && a.Changes!.StartsWith("wrong password", StringComparison.Ordinal));
    }

    private WebApplicationFactory<Program> Limited() => app.Factory.WithWebHostBuilder(b => b
        .UseSetting("Security:FailedAttempts:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("Security:FailedAttempts:WindowSeconds", "600"));

    private static HttpClient KeyClient(WebApplicationFactory<Program> factory, string key)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static string ErrorOf(string html)
    {
        var start = html.IndexOf("<div class=\"error-summary\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    private static async Task<int> AuditCountAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().AuditEntries.CountAsync();
    }
}
