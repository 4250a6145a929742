using Microsoft.Playwright;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// Issue 15, the framework pages live in a real browser: the Admin of a new, empty council adds a plan (a wrong financial
/// year refused as it is left), a ring, a committee, a directorate and a segment through the interactive pages with the
/// keyboard, asks to retire the segment and cancels in the dialog; axe-core finds no WCAG 2.2 AA violation on any of
/// the pages, nor with the dialog open.
/// </summary>
[Collection(EmptyCouncilCollection.Name)]
public sealed class FrameworkSetupInTheBrowserOnSqlite(EmptyCouncilApp app)
{
    [Fact]
    public async Task TheAdminOfANewCouncilSetsUpItsFrameworkOnTheLivePagesWithTheKeyboard()
    {
        var admin = await People.SignedInAsync(app, EmptyCouncilApp.AdminEmail, EmptyCouncilApp.AdminPassword);
        var violations = new List<string>();

        await Evidence.StepAsync(admin, "framework-setup", async () =>
        {
            await admin.GotoAsync("/admin/framework/segments");
            await LiveAsync(admin, ".framework-actions");
            (await admin.Locator("main").InnerTextAsync()).ShouldContain("There is no plan yet.");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "plans (empty)"));

            await admin.GetByRole(AriaRole.Link, new() { Name = "Add a plan", Exact = true }).ClickAsync();
            await LiveAsync(admin, "form.framework-form");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "new plan"));
            await admin.GetByLabel("Name", new() { Exact = true }).FocusAsync();
            await admin.Keyboard.TypeAsync("Council Plan 2022–26");
            await admin.Keyboard.PressAsync("Tab");
            await admin.Keyboard.TypeAsync("2022/24");
            await admin.Keyboard.PressAsync("Tab");
            await admin.GetByText("'2022/24' is not a financial year; expected a label such as 2022/23.").First.WaitForAsync();
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "new plan with a problem"));
            await admin.Keyboard.PressAsync("Shift+Tab");
            await admin.Keyboard.PressAsync("Control+A");
            await admin.Keyboard.TypeAsync("2022/23");
            await admin.Keyboard.PressAsync("Tab");
            await admin.Keyboard.TypeAsync("2025/26");
            await SubmitWithEnterAsync(admin, "Plan Council Plan 2022–26 saved.");

            await admin.GetByRole(AriaRole.Link, new() { Name = "Add a ring", Exact = true }).ClickAsync();
            await LiveAsync(admin, "form.framework-form");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "new ring"));
            await admin.GetByLabel("Name", new() { Exact = true }).FocusAsync();
            await admin.Keyboard.TypeAsync("Our priorities");
            await SubmitWithEnterAsync(admin, "Ring Our priorities saved.");

            await admin.GotoAsync("/admin/framework/committees");
            await LiveAsync(admin, ".framework-actions");
            await admin.GetByRole(AriaRole.Link, new() { Name = "Add a committee", Exact = true }).ClickAsync();
            await LiveAsync(admin, "form.framework-form");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "new committee"));
            await admin.GetByLabel("Code", new() { Exact = true }).FocusAsync();
            await admin.Keyboard.TypeAsync("PLS");
            await admin.Keyboard.PressAsync("Tab");
            await admin.Keyboard.TypeAsync("Place Scrutiny Committee");
            await SubmitWithEnterAsync(admin, "Committee PLS saved.");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "committees"));

            await admin.GotoAsync("/admin/framework/directorates");
            await LiveAsync(admin, ".framework-actions");
            await admin.GetByRole(AriaRole.Link, new() { Name = "Add a directorate", Exact = true }).ClickAsync();
            await LiveAsync(admin, "form.framework-form");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "new directorate"));
            await admin.GetByLabel("Name", new() { Exact = true }).FocusAsync();
            await admin.Keyboard.TypeAsync("Place and Environment");
            await SubmitWithEnterAsync(admin, "Directorate Place and Environment saved.");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "directorates"));

            await admin.GotoAsync("/admin/framework/segments/new");
            await LiveAsync(admin, "form.framework-form");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "new segment"));
            await admin.GetByLabel("Code", new() { Exact = true }).FocusAsync();
            await admin.Keyboard.TypeAsync("P1");
            await admin.Keyboard.PressAsync("Tab");
            await admin.Keyboard.TypeAsync("Clean and green streets");
            await admin.GetByLabel("PLS – Place Scrutiny Committee").FocusAsync();
            await admin.Keyboard.PressAsync("Space");
            await admin.GetByLabel("Title", new() { Exact = true }).FocusAsync();
            await SubmitWithEnterAsync(admin, "Segment P1 saved.");
            var row = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Link, new() { Name = "P1", Exact = true }) });
            (await row.InnerTextAsync()).ShouldContain("PLS");
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "plans, rings and segments"));

            await admin.GetByRole(AriaRole.Button, new() { Name = "Retire P1", Exact = true }).ClickAsync();
            var dialog = admin.GetByRole(AriaRole.Dialog);
            await dialog.GetByText("Clean and green streets will be left off the wheel from now on.", new() { Exact = false }).WaitForAsync();
            violations.AddRange(await AccessibilityOnSqlite.ViolationsAsync(admin, "retire dialog"));
            await admin.Keyboard.PressAsync("Escape");
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            (await row.InnerTextAsync()).ShouldContain("Active");
        });
        violations.ShouldBeEmpty();
    }

    // The page's circuit is up (its marker says so), so what is typed is not replaced by the first live render.
    private static Task LiveAsync(IPage page, string marker) => page.Locator($"{marker}[data-interactive=true]").WaitForAsync();

    private static async Task SubmitWithEnterAsync(IPage page, string saved)
    {
        // Enter in the text field just typed in, as a keyboard user submits a form. (The plan's years were debounced,
        // so Enter straight after typing submitted the value from before the last keys and was refused.)
        (await page.EvaluateAsync<string>("() => document.activeElement.tagName")).ShouldBe("INPUT");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("message=", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = saved }).WaitForAsync();
        await LiveAsync(page, ".framework-actions");
    }
}

/// <summary>A council's first start: Production, an empty database, the first Admin from the bootstrap settings.</summary>
public sealed class EmptyCouncilApp : LiveApp
{
    public const string AdminEmail = "admin@empty.council.example";
    public const string AdminPassword = "Set-Up-The-Framework-2026";

    public EmptyCouncilApp()
        : base("Production", new Dictionary<string, string>
        {
            ["Council:Name"] = "Lakeside District Council",
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        })
    {
    }
}

[CollectionDefinition(Name)]
public sealed class EmptyCouncilCollection : ICollectionFixture<EmptyCouncilApp>
{
    public const string Name = "Browser against an empty council's framework pages";
}
