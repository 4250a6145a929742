using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>
/// Issue 18: a new council (Production, an empty database) visits every page. None answers 500 or shows demo data;
/// the finance pages say what to do next. (/open-data answers 404 while the council has not turned open data on.)
/// </summary>
public sealed class EmptyCouncilPagesOnSqlite
{
    private static readonly string[] Pages =
    [
        "/", "/comparison", "/directorates", "/exceptions", "/finance", "/finance/entry", "/outturns", "/assessments",
        "/admin/framework", "/admin/framework/segments", "/admin/framework/measures", "/admin/framework/directorates",
        "/admin/framework/committees", "/admin/framework/projects", "/admin/framework/plans/new", "/admin/import",
        "/admin/users", "/admin/api-keys", "/admin/settings", "/account/password",
    ];

    private static AppFactory Start()
    {
        var factory = new AppFactory(TestDatabases.CreateSqlite(), loadDemo: false, environment: "Production", settings: new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = NewCouncil.AdminEmail,
            ["Bootstrap:AdminPassword"] = NewCouncil.AdminPassword,
        });
        _ = factory.Server;
        return factory;
    }

    [Fact]
    public async Task EveryPageAnswersWithoutAnErrorOrDemoDataForTheAdmin()
    {
        await using var factory = Start();
        var admin = await NewCouncil.AdminAsync(factory);
        var failures = new List<string>();
        foreach (var page in Pages)
        {
            var response = await admin.GetAsync(new Uri(page, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{page}: {(int)response.StatusCode}");
            }
            else if (body.Contains("Demo County", StringComparison.Ordinal) || body.Contains("Adults Services", StringComparison.Ordinal))
            {
                failures.Add($"{page}: shows demo data");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheFinancePageSaysWhatToDoNext()
    {
        await using var factory = Start();
        var admin = await NewCouncil.AdminAsync(factory);

        var page = await Page.OkAsync(admin, "/finance");

        var next = page.QuerySelectorAll("main p").Single(p => p.Text().StartsWith("No finance has been entered yet.", StringComparison.Ordinal));
        next.QuerySelector("a")!.Text().ShouldBe("Enter the quarter's finance");
        next.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/finance/entry");
    }

    [Fact]
    public async Task AnonymousReadersAreAskedToSignInNeverShownAnError()
    {
        await using var factory = Start();
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var page in Pages)
        {
            var response = await anonymous.GetAsync(new Uri(page, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().ShouldContain("/account/sign-in", customMessage: page);
        }
    }
}
