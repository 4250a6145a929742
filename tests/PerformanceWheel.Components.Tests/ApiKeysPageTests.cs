using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Components.Pages.Admin;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The live API keys page: a new key is shown once, in a dialog, and only its hash is stored; afterwards the list shows
/// it by name and first characters, never the key. A Director key needs a directorate, said beside the picker. Revoking
/// asks first naming the key: Cancel changes nothing, confirming revokes it (audited) and the list says so.
/// </summary>
public sealed class ApiKeysPageTests
{
    [Fact]
    public async Task ANewKeyIsShownOnceInADialogAndTheListThenShowsItWithoutTheSecret()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var page = ctx.Render<ApiKeys>();
        page.Find("caption").TextContent.ShouldBe("Keys (0 active, 0 revoked)");

        await page.Find("#key-name").InputAsync(new() { Value = "Power BI refresh" });
        await EntryContext.ChooseAsync(page, "key-role", Roles.PerformanceOfficer);
        await page.Find("form").SubmitAsync();

        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find(".dialog-title").TextContent.ShouldBe("Copy the new key “Power BI refresh” now"));
        var key = ctx.Dialogs.Find("#created-key").GetAttribute("value").ShouldNotBeNull();
        key.ShouldStartWith(ApiKeyHashing.KeyPrefix);
        var stored = await ctx.QueryAsync(db => db.ApiKeys.SingleAsync());
        (stored.Name, stored.Role, stored.RevokedAt).ShouldBe(("Power BI refresh", Roles.PerformanceOfficer, (DateTimeOffset?)null));
        stored.Hash.ShouldBe(ApiKeyHashing.Hash(key), "only the key's hash is kept");
        stored.Hash.ShouldNotBe(key);
        page.Markup.ShouldNotContain(key, Case.Sensitive, "the page itself never shows the key; the dialog does");

        await DirectorsReviewTests.Button(ctx.Dialogs.Find(".mud-dialog"), "I have stored it").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        ctx.Dialogs.Markup.ShouldNotContain(key, Case.Sensitive);
        ctx.Snackbars.Markup.ShouldContain("Key “Power BI refresh” created.");

        page.WaitForAssertion(() => page.Find("caption").TextContent.ShouldBe("Keys (1 active, 0 revoked)"));
        var row = KeyRow(page, "Power BI refresh");
        row.QuerySelector("kbd")!.TextContent.ShouldBe(key[..ApiKeyHashing.ShownCharacters] + "…");
        row.TextContent.ShouldContain(Roles.PerformanceOfficer);
        row.TextContent.ShouldContain($"by {PeopleContext.Admin}");
        page.Markup.ShouldNotContain(key, Case.Sensitive);
        page.Find("#key-name").GetAttribute("value").ShouldBeNullOrEmpty("the form is emptied for the next key");
        (await ctx.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == ApiKeyAdministration.AuditType && a.Action == "Created"))).ShouldBe(1);
    }

    [Fact]
    public async Task ADirectorKeyWithoutADirectorateIsRefusedBesideThePickerAndNothingIsSaved()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var page = ctx.Render<ApiKeys>();

        await page.Find("#key-name").InputAsync(new() { Value = "Adults dashboard" });
        await EntryContext.ChooseAsync(page, "key-role", Roles.Director);
        page.WaitForAssertion(() => page.Find("#key-directorates"));
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => page.Find("#key-directorates").Closest(".mud-input-control")!.TextContent
            .ShouldContain("Choose at least one directorate for a Director key"));
        ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty();
        (await ctx.QueryAsync(db => db.ApiKeys.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task RevokingAKeyAsksFirstCancelKeepsItAndConfirmingRevokesIt()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var keys = new ApiKeyAdministration(ctx.Database.Factory(), TimeProvider.System);
        var (key, problems) = await keys.CreateAsync("Open data feed", Roles.Councillor, [], "someone@new.council.example");
        problems.ShouldBeEmpty();
        var page = ctx.Render<ApiKeys>();
        page.Markup.ShouldNotContain(key!, Case.Sensitive);

        // The handler waits for the dialog's answer: the click is awaited only after the dialog is answered.
        var asking = DirectorsReviewTests.Button(KeyRow(page, "Open data feed"), "Revoke the key Open data feed").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find(".dialog-title").TextContent.ShouldBe("Revoke the key “Open data feed”?"));
        ctx.Dialogs.Find(".mud-dialog").TextContent.ShouldContain($"Programs that send the key starting {key![..ApiKeyHashing.ShownCharacters]}… ({Roles.Councillor}) are refused");
        await DirectorsReviewTests.Button(ctx.Dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        await asking;
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await ctx.QueryAsync(db => db.ApiKeys.SingleAsync())).RevokedAt.ShouldBeNull("Cancel changes nothing");

        asking = DirectorsReviewTests.Button(KeyRow(page, "Open data feed"), "Revoke the key Open data feed").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find(".mud-dialog"));
        await DirectorsReviewTests.Button(ctx.Dialogs.Find(".mud-dialog"), "Revoke “Open data feed”").ClickAsync(new());
        await asking;

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("The key “Open data feed” was revoked."));
        var revoked = await ctx.QueryAsync(db => db.ApiKeys.SingleAsync());
        revoked.RevokedAt.ShouldNotBeNull();
        revoked.RevokedBy.ShouldBe(PeopleContext.Admin);
        (await ctx.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == ApiKeyAdministration.AuditType && a.Action == "Revoked" && a.User == PeopleContext.Admin))).ShouldBe(1);
        page.WaitForAssertion(() => page.Find("caption").TextContent.ShouldBe("Keys (0 active, 1 revoked)"));
        KeyRow(page, "Open data feed").TextContent.ShouldContain($"by {PeopleContext.Admin}");
        KeyRow(page, "Open data feed").QuerySelectorAll("button").ShouldBeEmpty("a revoked key cannot be restored");
    }

    private static IElement KeyRow(IRenderedComponent<ApiKeys> page, string name) =>
        page.FindAll("tbody tr").Single(r => r.QuerySelector("th")?.TextContent == name);
}
