using Microsoft.Playwright;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The Admin's live pages in a real browser on the demo council: a Director's account created with its directorate and
/// then disabled through the dialog that names it; an API key created (shown once, in a dialog) and revoked after its
/// dialog; the colours typed on the settings page with the app bar previewed in them and the contrast ratio shown. axe
/// finds no WCAG 2.2 AA violation on the pages nor with their dialogs open; no page scrolls sideways at 1366 or 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesInTheBrowserOnSqlite(LiveApp app)
{
    [Fact]
    public async Task AnAdminCreatesAndDisablesADirectorCreatesAndRevokesAKeyAndPreviewsColours()
    {
        const string email = "browser.director@demo.council";
        const string keyName = "Browser test feed";
        var admin = await People.SignedInAsync(app, Roles.Admin);

        await Evidence.StepAsync(admin, "admin-users", async () =>
        {
            await admin.GotoAsync("/admin/users");
            await admin.Locator(".users[data-interactive=true]").WaitForAsync();
            await admin.GetByLabel("Email address").FillAsync("not an email");
            await Assertions.Expect(admin.Locator(".new-account")).ToContainTextAsync("Enter an email address like name@council.gov.uk");
            await admin.GetByLabel("Email address").FillAsync(email);
            await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser Director");
            await admin.GetByLabel("Initial password").FillAsync("Browser-Director-2026");
            await ChooseAsync(admin, "#new-role", "Director");
            await ChooseAsync(admin, "#new-directorates", "Adults Services");
            await admin.Keyboard.PressAsync("Escape");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "users page, form filled")).ShouldBeEmpty();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync($"Account {email} created.");

            await admin.GetByLabel("Search by name or email").FillAsync("browser.director");
            await Assertions.Expect(admin.Locator(".users-table tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(admin.Locator(".users-table tbody tr")).ToContainTextAsync("Adults Services");
            await ShotsAsync(admin, "admin-users");

            await admin.GetByRole(AriaRole.Button, new() { Name = $"Disable {email}" }).ClickAsync();
            var dialog = admin.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("will be signed out at their next request");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "disable dialog")).ShouldBeEmpty();
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "admin-users-disable-dialog.png") });
            await dialog.GetByRole(AriaRole.Button, new() { Name = $"Disable {email}" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync($"Account {email} disabled.");
            await Assertions.Expect(admin.Locator(".users-table tbody tr")).ToContainTextAsync("Disabled");
        });

        await Evidence.StepAsync(admin, "admin-api-keys", async () =>
        {
            await admin.GotoAsync("/admin/api-keys");
            await admin.Locator(".api-keys[data-interactive=true]").WaitForAsync();
            await admin.GetByLabel("Name (what the key is for)").FillAsync(keyName);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
            var dialog = admin.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("It will not be shown again.");
            var key = await dialog.GetByLabel($"API key “{keyName}”").InputValueAsync();
            key.ShouldStartWith("pw_");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "new key dialog")).ShouldBeEmpty();
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "admin-api-keys-new-key-dialog.png") });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            (await admin.ContentAsync()).ShouldNotContain(key);

            await admin.GetByRole(AriaRole.Button, new() { Name = $"Revoke the key {keyName}" }).ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync($"Revoke the key “{keyName}”?");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "revoke dialog")).ShouldBeEmpty();
            await dialog.GetByRole(AriaRole.Button, new() { Name = $"Revoke “{keyName}”" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync($"The key “{keyName}” was revoked.");
            await ShotsAsync(admin, "admin-api-keys");
        });

        await Evidence.StepAsync(admin, "admin-settings", async () =>
        {
            await admin.GotoAsync("/admin/settings");
            await admin.Locator(".settings-tabs").WaitForAsync();
            await admin.GetByRole(AriaRole.Tab, new() { Name = "Colours and logo" }).ClickAsync();
            await admin.GetByLabel("Primary colour (#rrggbb)").FillAsync("#0b6e4f");
            await Assertions.Expect(admin.Locator("#primary-contrast")).ToContainTextAsync("#0b6e4f against white has a contrast ratio of 6.25:1");
            await Assertions.Expect(admin.Locator(".preview-app-bar")).ToHaveCSSAsync("background-color", "rgb(11, 110, 79)");
            await admin.GetByLabel("Secondary colour (#rrggbb)").FillAsync("#ffdd00");
            await Assertions.Expect(admin.Locator("#secondary-contrast")).ToContainTextAsync("#ffdd00 against white has a contrast ratio of 1.35:1");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "settings, colours typed")).ShouldBeEmpty();
            await ShotsAsync(admin, "admin-settings");
        });
    }

    // A MudSelect: opened by a click on its field, the option chosen from the list that pops over.
    private static async Task ChooseAsync(IPage page, string inputId, string option)
    {
        await page.Locator($"{inputId}").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
    }

    private static async Task ShotsAsync(IPage page, string name)
    {
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "no sideways page scrolling on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
    }
}
