using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Api;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers; Production adds HSTS and answers only to its own host names.</summary>
public sealed class SecurityHeadersOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/measures/PH-HV-01")]
    [InlineData("/measures/NO-SUCH-MEASURE")]
    [InlineData("/css/site.css")]
    [InlineData("/reports/download.js")]
    [InlineData("/reports/progress.css")]
    [InlineData("/exports/directorates.xlsx")]
    [InlineData("/health")]
    [InlineData("/account/sign-in")]
    [InlineData("/admin/users")]
    [InlineData("/api/v1/measures")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        var client = await SignedInClient.AsAsync(app.Factory, Roles.Councillor);
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            client = ApiClient.With(app.Factory, await ApiClient.CreateKeyAsync(app.Factory, Roles.Councillor));
        }

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Header(response, "Content-Security-Policy").ShouldBe(
            "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("same-origin");
        Header(response, "Permissions-Policy").ShouldContain("camera=()");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is for Production over HTTPS only");
    }

    [Fact]
    public async Task TheApiReferencePageLoosensOnlyWhatItNeedsAndLoadsNothingFromElsewhere()
    {
        var client = await SignedInClient.AsAsync(app.Factory, Roles.Councillor);

        var response = await client.GetAsync(new Uri("/api-reference/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var policy = Header(response, "Content-Security-Policy");
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        nonce.Length.ShouldBeGreaterThanOrEqualTo(16, "a per-request nonce");
        policy.ShouldBe(
            $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
        var scripts = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("script");
        scripts.Length.ShouldBeGreaterThan(0);
        scripts.ShouldAllBe(s => s.GetAttribute("nonce") == nonce);
        scripts.Select(s => s.GetAttribute("src")).Where(src => src != null).ShouldAllBe(src => !src!.Contains("//", StringComparison.Ordinal), "scripts come from the app");
        html.ShouldNotContain("cdn.jsdelivr", Case.Insensitive);
        html.ShouldNotContain("fonts.scalar.com", Case.Insensitive);
        (await client.GetAsync(new Uri("/api-reference/scalar.js", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = Header(await client.GetAsync(new Uri("/api-reference/", UriKind.Relative)), "Content-Security-Policy");
        second.ShouldNotContain(nonce, Case.Sensitive, "each response has its own nonce");
        Header(await client.GetAsync(new Uri("/api-referenced", UriKind.Relative)), "Content-Security-Policy").ShouldBe(PerformanceWheel.Web.Infrastructure.SecurityHeaders.ContentSecurityPolicy, "only that path is loosened");
    }

    [Fact]
    public async Task ProductionAddsHstsOverHttpsAndRefusesAForeignHost()
    {
        await using var production = app.Factory.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("AllowedHosts", "performance.council.example"));

        var own = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://performance.council.example"), AllowAutoRedirect = false });
        var page = await own.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(page, "Strict-Transport-Security").ShouldStartWith("max-age=");
        Header(page, "Content-Security-Policy").ShouldContain("frame-ancestors 'none'");

        // A foreign Host header is refused (400) before anything could echo it into a redirect.
        var foreign = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example"), AllowAutoRedirect = false });
        var refused = await foreign.GetAsync(new Uri("/outturns", UriKind.Relative));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Headers.Location.ShouldBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("evil.example");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{response.RequestMessage?.RequestUri} has no {name} header");
}
