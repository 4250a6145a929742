using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Components.Pages.Admin;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The live Users page: an account is created with the role and directorates chosen and appears in the list; an email
/// already in use is refused beside the email field and nothing is saved; disabling asks first in a dialog naming the
/// account, Cancel changes nothing, confirming disables it (audited, and its security stamp changes so its sessions end).
/// </summary>
public sealed class UsersPageTests
{
    [Fact]
    public async Task ADirectorsAccountIsCreatedWithTheRoleAndDirectoratesChosenAndAppearsInTheList()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var health = await ctx.DirectorateAsync("Public Health");
        var page = ctx.Render<Users>();
        page.FindAll("#new-directorates").ShouldBeEmpty("directorates are offered only for a Director");

        await page.Find("#new-email").InputAsync(new() { Value = "director.health@new.council.example" });
        await page.Find("#new-name").InputAsync(new() { Value = "Director of Public Health" });
        await EntryContext.ChooseAsync(page, "new-role", Roles.Director);
        page.WaitForAssertion(() => page.Find("#new-directorates"));
        await ChooseDirectoratesAsync(page, health);
        await page.Find("#new-password").InputAsync(new() { Value = PeopleContext.Password });
        await page.Find("form.new-account").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Account director.health@new.council.example created."));
        var (user, roles) = await ctx.StoredAccountAsync("director.health@new.council.example");
        (user.DisplayName, user.IsDisabled).ShouldBe(("Director of Public Health", false));
        roles.Single().ShouldBe(Roles.Director);
        user.Directorates.Select(d => d.DirectorateId).ShouldBe([health]);
        (await ctx.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.Action == "Created")))
            .ShouldSatisfyAllConditions(a => a.User.ShouldBe(PeopleContext.Admin), a => a.EntityKey.ShouldBe("director.health@new.council.example"));

        page.WaitForAssertion(() => Row(page, "director.health@new.council.example").TextContent.ShouldContain("Public Health"));
        Row(page, "director.health@new.council.example").TextContent.ShouldContain(Roles.Director);
        page.Find("#new-email").GetAttribute("value").ShouldBeNullOrEmpty("the form is emptied for the next account");
    }

    [Fact]
    public async Task AnEmailAlreadyInUseIsRefusedBesideTheEmailFieldAndNothingIsSaved()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        await ctx.AccountAsync("councillor@new.council.example", "Councillor Ahmed", Roles.Councillor);
        var page = ctx.Render<Users>();

        await page.Find("#new-email").InputAsync(new() { Value = "councillor@new.council.example" });
        await page.Find("#new-name").InputAsync(new() { Value = "Someone else" });
        await page.Find("#new-password").InputAsync(new() { Value = PeopleContext.Password });
        await page.Find("form.new-account").SubmitAsync();

        page.WaitForAssertion(() => FrameworkFormsTests.Field(page, "#new-email").ShouldContain("An account with this email address already exists."));
        FrameworkFormsTests.Field(page, "#new-name").ShouldNotContain("already exists");
        (await ctx.QueryAsync(db => db.Users.CountAsync())).ShouldBe(2, "the Admin and the councillor only");
        (await ctx.StoredAccountAsync("councillor@new.council.example")).User.DisplayName.ShouldBe("Councillor Ahmed");
        (await ctx.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "User"))).ShouldBe(0);
        ctx.Snackbars.Markup.ShouldNotContain("created");
    }

    [Fact]
    public async Task DisablingAnAccountAsksFirstCancelKeepsItAndConfirmingDisablesItAndEndsItsSessions()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        const string Email = "officer@new.council.example";
        await ctx.AccountAsync(Email, "Performance officer", Roles.PerformanceOfficer);
        var stamp = (await ctx.StoredAccountAsync(Email)).User.SecurityStamp;
        var page = ctx.Render<Users>();

        // The handler waits for the dialog's answer: the click is awaited only after the dialog is answered.
        var asking = DirectorsReviewTests.Button(Row(page, Email), $"Disable {Email}").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find(".dialog-title").TextContent.ShouldBe($"Disable {Email}?"));
        ctx.Dialogs.Find(".mud-dialog").TextContent.ShouldContain("cannot sign in until an Admin re-enables the account");
        asking.IsCompleted.ShouldBeFalse("the page waits for the answer");
        await DirectorsReviewTests.Button(ctx.Dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        await asking;
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        var kept = (await ctx.StoredAccountAsync(Email)).User;
        (kept.IsDisabled, kept.SecurityStamp).ShouldBe((false, stamp), "Cancel changes nothing");

        asking = DirectorsReviewTests.Button(Row(page, Email), $"Disable {Email}").ClickAsync(new());
        ctx.Dialogs.WaitForAssertion(() => ctx.Dialogs.Find(".mud-dialog"));
        await DirectorsReviewTests.Button(ctx.Dialogs.Find(".mud-dialog"), $"Disable {Email}").ClickAsync(new());
        await asking;

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain($"Account {Email} disabled."));
        var disabled = (await ctx.StoredAccountAsync(Email)).User;
        disabled.IsDisabled.ShouldBeTrue();
        disabled.SecurityStamp.ShouldNotBe(stamp, "a new stamp signs the account out at its next request");
        (await ctx.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "User" && a.Action == "Disabled" && a.EntityKey == Email && a.User == PeopleContext.Admin))).ShouldBe(1);
        page.WaitForAssertion(() => Row(page, Email).TextContent.ShouldContain("Disabled"));
        DirectorsReviewTests.Button(Row(page, Email), $"Re-enable {Email}").ShouldNotBeNull();
    }

    /// <summary>The table row of the account <paramref name="email"/>.</summary>
    internal static IElement Row(IRenderedComponent<Users> page, string email) =>
        page.FindAll("tr").Single(r => r.QuerySelector("a")?.TextContent == email);

    /// <summary>Chooses the directorates in the Director's directorate picker, as ticking them in its list does.</summary>
    internal static Task ChooseDirectoratesAsync<TPage>(IRenderedComponent<TPage> page, params int[] ids)
        where TPage : class, Microsoft.AspNetCore.Components.IComponent
    {
        var select = page.FindComponent<MudSelect<int>>();
        return page.InvokeAsync(() => select.Instance.SelectedValuesChanged.InvokeAsync(ids));
    }
}
