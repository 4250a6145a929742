using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Admin;
using PerformanceWheel.Web.Tests.Security;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>An app started as a council starts it: no demo data, the first Admin from Bootstrap:AdminEmail and Bootstrap:AdminPassword.</summary>
internal static class NewCouncil
{
    public const string AdminEmail = "admin@new.council.example";
    public const string AdminPassword = "Set-Up-The-Council-2026";

    public static AppFactory Start(TestDatabase database) =>
        new(database, loadDemo: false, settings: new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        });

    public static async Task<HttpClient> AdminAsync(AppFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SignedInClient.SignInAsync(client, AdminEmail, AdminPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as the bootstrap Admin answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>Adds a plan through its form and answers its id.</summary>
    public static async Task<int> AddPlanAsync(AppFactory factory, HttpClient admin, string name, string firstYear, string lastYear)
    {
        var response = await FrameworkForms.PostAsync(admin, "/admin/framework/plans/new", "plan", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.FirstYear"] = firstYear, ["Input.LastYear"] = lastYear,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Adding the plan {name} answered {(int)response.StatusCode}.");
        }

        return await FrameworkForms.QueryAsync(factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Plans.Where(p => p.Name == name).Select(p => p.Id)));
    }
}
