using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>The download endpoints in a minimal app (TestServer) with the application services + AddReporting + MapReports.</summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class ReportEndpointsSqliteTests(DemoCouncilFixture demo)
{
    internal static async Task<WebApplication> StartAsync(
        TestDatabase database, string? browser = null, bool hostPolicy = true, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        builder.Configuration["Reporting:BrowserExecutablePath"] = browser ?? Tools.Chromium;
        builder.Configuration["Reporting:MakePacksAhead"] = "false";
        builder.Configuration["Reporting:PackPollSeconds"] = "1";
        configure?.Invoke(builder);
        DemoCouncilFixture.AddApplication(builder.Services, database);
        builder.Services.AddReporting(builder.Configuration);
        if (hostPolicy)
        {
            // The host decides who reads packs and exports (the web app: its ReadPerformance rule). This test host has no
            // accounts, so its rule lets every request read; the library itself lets nobody read without one.
            builder.Services.AddAuthorizationBuilder().AddPolicy(ReportingExtensions.ReadPolicy, p => p.RequireAssertion(c => c.Resource is Microsoft.AspNetCore.Http.HttpContext));
        }

        var app = builder.Build();
        app.UseAuthorization();
        app.MapReports();
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task AHostThatDoesNotSayWhoMayReadTheDownloadsFailsToStartSayingSo()
    {
        var failure = await Should.ThrowAsync<Exception>(async () => { await using var app = await StartAsync(demo.Database, hostPolicy: false); });

        failure.Message.ShouldContain($"The host must register the authorization policy '{ReportingExtensions.ReadPolicy}'");
    }

    [Theory]
    [InlineData("/reports/directorates/Public%20Health.pdf?period=2019/20%20Q2", "Scorecard-Public-Health-2019-20-Q2.pdf")]
    [InlineData("/reports/measures/PH-HV-01.pdf?period=2019/20%20Q2", "Measure-PH-HV-01-2019-20-Q2.pdf")]
    [InlineData("/exports/directorates.xlsx?period=2019/20%20Q2", "Directorates-2019-20-Q2.xlsx")]
    [InlineData("/exports/directorates/Adults%20Services.xlsx?period=2019/20%20Q2&rag=Green&sort=rating", "Scorecard-Adults-Services-2019-20-Q2.xlsx")]
    [InlineData("/exports/comparison.xlsx?period=2019/20%20Q2", "Comparison-2019-20.xlsx")]
    [InlineData("/exports/exceptions.xlsx?period=2019/20%20Q2", "Exceptions-2019-20-Q2.xlsx")]
    [InlineData("/exports/measures/PH-HV-01.xlsx?period=2019/20%20Q2", "Measure-PH-HV-01-2019-20-Q2.xlsx")]
    public async Task EveryDownloadAnswersWithItsFile(string url, string fileName)
    {
        await using var app = await StartAsync(demo.Database);
        var response = await app.GetTestClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(fileName);
    }

    [Theory]
    [InlineData("/reports/cabinet.pdf?period=2030/31%20Q1")]
    [InlineData("/reports/scrutiny.pdf?committee=NOPE")]
    [InlineData("/reports/measures/NOPE.pdf")]
    [InlineData("/exports/directorates/Nowhere.xlsx")]
    public async Task UnknownThingsAreNotFoundWithAReason(string url)
    {
        await using var app = await StartAsync(demo.Database);
        var response = await app.GetTestClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("There ");
    }

    [Fact]
    public async Task ASecondClickJoinsTheRenderAlreadyRunning()
    {
        await using var app = await StartAsync(demo.Database);
        var client = app.GetTestClient();
        var url = new Uri("/reports/directorates/Public%20Health.pdf?period=2019/20%20Q1", UriKind.Relative);
        var responses = await Task.WhenAll(client.GetAsync(url), client.GetAsync(url));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        app.Services.GetRequiredService<PackRenderCoordinator>().Started.ShouldBe(1);
    }

    [Fact]
    public async Task WithoutABrowserTheAppStartsTheDownloadSaysWhatToInstallAndHealthIsDegraded()
    {
        await using var app = await StartAsync(demo.Database, browser: "/nonexistent/chromium");
        var response = await app.GetTestClient().GetAsync(new Uri("/reports/cabinet.pdf", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("apt-get install chromium");
        body.ShouldContain("Reporting:BrowserExecutablePath");

        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        health.Entries["pdf-rendering"].Status.ShouldBe(HealthStatus.Degraded);

        // Excel needs no browser.
        (await app.GetTestClient().GetAsync(new Uri("/exports/directorates.xlsx", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthIsDegradedWhenTheBrowserExistsButCannotPrint()
    {
        // A file that is there but is no browser: only printing a real page finds out.
        await using var app = await StartAsync(demo.Database, browser: "/bin/true");
        var health = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        health.Entries["pdf-rendering"].Status.ShouldBe(HealthStatus.Degraded);
        health.Entries["pdf-rendering"].Description.ShouldNotBeNull().ShouldContain("Chromium could not be started");
    }

    [Fact]
    public async Task HealthPrintsAOnePageDocumentAndReusesTheAnswerForAWhile()
    {
        await using var app = await StartAsync(demo.Database);
        var checks = app.Services.GetRequiredService<HealthCheckService>();
        var printer = app.Services.GetRequiredService<PerformanceWheel.Reporting.Pdf.ChromiumPdfPrinter>();

        var first = await checks.CheckHealthAsync();
        var launches = printer.Launches;
        var second = await checks.CheckHealthAsync();

        first.Entries["pdf-rendering"].Status.ShouldBe(HealthStatus.Healthy);
        first.Entries["pdf-rendering"].Description.ShouldNotBeNull().ShouldContain("printed a 1-page test PDF");
        launches.ShouldBe(1, "the check started Chromium and printed");
        second.Entries["pdf-rendering"].Description.ShouldBe(first.Entries["pdf-rendering"].Description, "a second check within the cache time reuses the first answer");
    }

    [Fact]
    public async Task TheProgressScriptAndTheProgressPagesStylesheetAreServed()
    {
        await using var app = await StartAsync(demo.Database);
        var script = await app.GetTestClient().GetStringAsync(new Uri("/reports/download.js", UriKind.Relative));
        script.ShouldContain("pack-download");

        var stylesheet = await app.GetTestClient().GetAsync(new Uri(StoredPacks.StylesheetPath, UriKind.Relative));
        stylesheet.StatusCode.ShouldBe(HttpStatusCode.OK);
        stylesheet.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        var css = await stylesheet.Content.ReadAsStringAsync();
        css.ShouldContain("[role=\"status\"]");
        css.ShouldContain("a:focus");
    }
}
