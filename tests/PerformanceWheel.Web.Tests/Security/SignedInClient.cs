using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Whether the app refused the request: 401/403, or a redirect to sign in or to access denied.</summary>
    public static (bool Refused, string Status) Refusal(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/sign-in", StringComparison.Ordinal) || location.Contains("/account/access-denied", StringComparison.Ordinal)));
        return (refused, $"{(int)response.StatusCode} {location}");
    }

    /// <summary>
    /// The id of a Councillor account that the admin rows of a matrix act on (created on first use). Not one of the
    /// signed-in clients: enabling or editing an account changes its security stamp, which would sign that client out.
    /// </summary>
    public static async Task<string> TargetUserAsync(AppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing.Id;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Matrix target" };
        if (!(await users.CreateAsync(user, "Matrix-Target-2019")).Succeeded || !(await users.AddToRoleAsync(user, Roles.Councillor)).Succeeded)
        {
            throw new InvalidOperationException($"Could not create the account {email}.");
        }

        return user.Id;
    }
}
