using Microsoft.Playwright;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>The demo council's people, signing in through the sign-in page with the keyboard as a person would.</summary>
public static class People
{
    public static string EmailFor(string role) => AccountBootstrapper.DemoUsers.Single(u => u.Role == role).Email;

    public static async Task<IPage> SignedInAsync(LiveApp app, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(EmailFor(role));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AccountBootstrapper.DemoPassword);
        await page.GetByLabel("Password", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }
}
