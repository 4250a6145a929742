using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Pages;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>
/// Issue 18: a new council (Production, an empty database) visits every page as an Admin, an officer and a councillor.
/// None answers 500 or shows demo data; the pages say what to do next: create the plan, then enter or import the
/// quarter (staff), or, neutrally, that nothing is published yet (councillors). (/open-data answers 404 while the
/// council has not turned open data on.)
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
    public async Task EveryPageAnswersWithoutAnErrorOrDemoDataForAnOfficerAndACouncillorAndTheWheelSaysWhatToDoNext()
    {
        await using var factory = Start();
        var admin = await NewCouncil.AdminAsync(factory);
        var officer = await UserAsync(factory, admin, "officer@new.council.example", Data.Identity.Roles.PerformanceOfficer);
        var councillor = await UserAsync(factory, admin, "councillor@new.council.example", Data.Identity.Roles.Councillor);
        var failures = new List<string>();
        foreach (var (who, client) in new[] { ("officer", officer), ("councillor", councillor) })
        {
            foreach (var page in Pages)
            {
                var response = await client.GetAsync(new Uri(page, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode is HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.Ordinal));
                if (response.StatusCode != HttpStatusCode.OK && !refused)
                {
                    failures.Add($"{page} as {who}: {(int)response.StatusCode} {response.Headers.Location}");
                }
                else if (body.Contains("Demo County", StringComparison.Ordinal) || body.Contains("Adults Services", StringComparison.Ordinal))
                {
                    failures.Add($"{page} as {who}: shows demo data");
                }
            }
        }

        failures.ShouldBeEmpty();
        foreach (var page in new[] { "/", "/comparison", "/directorates", "/exceptions" })
        {
            NextStep(await Page.OkAsync(admin, page)).ShouldBe(("There is no plan yet, so there is no wheel: create the plan (its rings and segments), then the directorates and measures: " +
                "Create the plan or import a workbook that sets the council up", "/admin/framework/plans/new /admin/import"), page);
            NextStep(await Page.OkAsync(councillor, page)).ShouldBe(("Nothing has been published yet. Published figures appear here once the council publishes its first quarter.", string.Empty), page);
        }

        await NewCouncil.AddPlanAsync(factory, admin, "Council Plan 2026–30", "2026/27", "2029/30");
        NextStep(await Page.OkAsync(officer, "/")).ShouldBe(("No figures have been entered yet: enter or import the quarter: Enter the quarter's figures or import a workbook",
            "/outturns /admin/import"));
        NextStep(await Page.OkAsync(councillor, "/")).Links.ShouldBeEmpty();
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

    private static (string Text, string Links) NextStep(AngleSharp.Dom.IDocument page)
    {
        var step = page.QuerySelector("main .next-step") ?? throw new InvalidOperationException("The page says nothing about what to do next.");
        return (string.Join(' ', step.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', step.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!)));
    }

    private static async Task<HttpClient> UserAsync(AppFactory factory, HttpClient admin, string email, string role)
    {
        const string Password = "New-Council-User-2026";
        var created = await Admin.FrameworkForms.PostAsync(admin, "/admin/users", "create-user", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = email, ["Input.Password"] = Password, ["Input.Role"] = role,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await Security.SignedInClient.SignInAsync(client, email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
