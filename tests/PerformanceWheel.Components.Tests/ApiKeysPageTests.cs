using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Components.Pages.Admin;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The API keys page on its circuit: a new key is shown once, in a dialog with a copy button and the warning that it
/// will not be shown again (only its hash is kept, and the page shows it nowhere after); revoking asks first, naming
/// the key, and Cancel changes nothing.
/// </summary>
public sealed class ApiKeysPageTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    [Fact]
    public async Task ANewKeyIsShownOnceInADialogThatWarnsItWillNotBeShownAgain()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (dialogs, snackbars) = UsersPageTests.Providers(ctx);
        var page = ctx.Render<ApiKeys>();

        await page.Find("#key-name").InputAsync(new() { Value = "Power BI refresh" });
        await page.Find("form").SubmitAsync();

        dialogs.WaitForAssertion(() => dialogs.Find(".dialog-title").TextContent.ShouldBe("Copy the new key “Power BI refresh” now"));
        var dialog = dialogs.Find(".mud-dialog");
        dialog.TextContent.ShouldContain("It will not be shown again.");
        var key = dialogs.Find("#created-key").GetAttribute("value")!;
        key.ShouldStartWith(ApiKeyHashing.KeyPrefix);
        await DirectorsReviewTests.Button(dialog, "Copy the key").ClickAsync(new());
        ctx.JSInterop.Invocations["navigator.clipboard.writeText"].Single().Arguments.ShouldBe([key]);
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("Copied to the clipboard."));

        var stored = await AdminContext.QueryAsync(demo.Database, db => db.ApiKeys.SingleAsync(k => k.Name == "Power BI refresh"));
        stored.Hash.ShouldBe(ApiKeyHashing.Hash(key));
        stored.Role.ShouldBe(Roles.Councillor);

        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "I have stored it").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        page.Markup.ShouldNotContain(key);
        page.Find(".api-keys").TextContent.ShouldContain("Power BI refresh");
        snackbars.Markup.ShouldContain("Key “Power BI refresh” created.");
    }

    [Fact]
    public async Task ADirectorKeyWithoutADirectorateIsRefusedNextToTheDirectoratesAndNothingIsShown()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (dialogs, _) = UsersPageTests.Providers(ctx);
        var page = ctx.Render<ApiKeys>();

        await page.Find("#key-name").InputAsync(new() { Value = "Director key without directorates" });
        var role = page.FindComponent<RolePicker>().FindComponent<MudBlazor.MudSelect<string>>();
        await page.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(Roles.Director));
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => page.Find(".error-summary").TextContent.ShouldContain("Choose at least one directorate for a Director key"));
        dialogs.FindAll(".mud-dialog").ShouldBeEmpty();
        (await AdminContext.QueryAsync(demo.Database, db => db.ApiKeys.AnyAsync(k => k.Name == "Director key without directorates"))).ShouldBeFalse();
    }

    [Fact]
    public async Task RevokingAsksFirstNamingTheKeyAndCancellingChangesNothing()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (dialogs, snackbars) = UsersPageTests.Providers(ctx);
        var admin = new ApiKeyAdministration(demo.Database.Factory(), TimeProvider.System);
        (await admin.CreateAsync("Dashboard feed", Roles.Councillor, [], "test")).Key.ShouldNotBeNull();
        var page = ctx.Render<ApiKeys>();

        DirectorsReviewTests.Button(page.Find(".api-keys"), "Revoke the key Dashboard feed").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".dialog-title").TextContent.ShouldBe("Revoke the key “Dashboard feed”?"));
        dialogs.Find(".mud-dialog").TextContent.ShouldContain("are refused from their next request on.");
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await AdminContext.QueryAsync(demo.Database, db => db.ApiKeys.SingleAsync(k => k.Name == "Dashboard feed"))).RevokedAt.ShouldBeNull();

        DirectorsReviewTests.Button(page.Find(".api-keys"), "Revoke the key Dashboard feed").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").ShouldNotBeNull());
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Revoke “Dashboard feed”").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("The key “Dashboard feed” was revoked."));
        var revoked = await AdminContext.QueryAsync(demo.Database, db => db.ApiKeys.SingleAsync(k => k.Name == "Dashboard feed"));
        revoked.RevokedAt.ShouldNotBeNull();
        revoked.RevokedBy.ShouldBe(AdminContext.AdminEmail);
        page.WaitForAssertion(() => page.Find(".api-keys").TextContent.ShouldContain("Revoked"));
    }
}
