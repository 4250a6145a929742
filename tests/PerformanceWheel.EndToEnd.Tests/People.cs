using Microsoft.Playwright;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>People signing in through the sign-in page with the keyboard as a person would: the demo council's by role, or anyone by email and password.</summary>
public static class People
{
    public static string EmailFor(string role) => AccountBootstrapper.DemoUsers.Single(u => u.Role == role).Email;

    public static Task<IPage> SignedInAsync(LiveApp app, string role) => SignedInAsync(app, EmailFor(role), AccountBootstrapper.DemoPassword);

    /// <summary>Anyone with an account: a new browser context, signed in through the sign-in page.</summary>
    public static async Task<IPage> SignedInAsync(LiveApp app, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }
}
