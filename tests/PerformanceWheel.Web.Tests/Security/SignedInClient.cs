using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>Signs in through the real sign-in form (antiforgery token and all), as a person would.</summary>
internal static class SignedInClient
{
    public static string EmailFor(string role) => AccountBootstrapper.DemoUsers.Single(u => u.Role == role).Email;

    public static HttpClient Anonymous(AppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> AsAsync(AppFactory factory, string role)
    {
        var client = Anonymous(factory);
        var response = await SignInAsync(client, EmailFor(role), AccountBootstrapper.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {role} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await TokenAsync(client, "/account/sign-in");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    public static IReadOnlyList<string> AllRoles => Roles.All;
}
