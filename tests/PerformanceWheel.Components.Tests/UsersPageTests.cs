using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Components.Pages.Admin;
using PerformanceWheel.Web.Security;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The Users page on its circuit: fields validated as typed, a Director's account created with its directorates (in the
/// database), accounts found by name or email and filtered by role and status, and disabling after a dialog that names
/// the account and says what follows — Cancel changes nothing.
/// </summary>
public sealed class UsersPageTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    [Fact]
    public async Task AnEmailIsCheckedAsItIsTypedAndADirectorsAccountIsCreatedWithItsDirectorates()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (_, snackbars) = Providers(ctx);
        var page = ctx.Render<Users>();
        page.FindAll("#new-directorates").ShouldBeEmpty("directorates are offered only for a Director");

        await page.Find("#new-email").InputAsync(new() { Value = "not an email" });
        page.WaitForAssertion(() => page.Find(".new-account").TextContent.ShouldContain("Enter an email address like name@council.gov.uk"));
        await page.Find("#new-email").InputAsync(new() { Value = "new.director@council.example" });
        page.WaitForAssertion(() => page.Find(".new-account").TextContent.ShouldNotContain("Enter an email address like"));

        await page.Find("#new-name").InputAsync(new() { Value = "New Director" });
        await page.Find("#new-password").InputAsync(new() { Value = "Director-Password-2026" });
        var role = page.FindComponent<RolePicker>().FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(Roles.Director));
        var directorates = await AdminContext.QueryAsync(demo.Database, db => db.Directorates.OrderBy(d => d.Name).Take(2).Select(d => d.Id).ToListAsync());
        page.WaitForAssertion(() => page.Find("#new-directorates").ShouldNotBeNull());
        var pick = page.FindComponent<DirectoratePicker>().FindComponent<MudSelect<int>>();
        await page.InvokeAsync(() => pick.Instance.SelectedValuesChanged.InvokeAsync(directorates));

        await page.Find(".new-account").SubmitAsync();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Account new.director@council.example created."));
        page.WaitForAssertion(() => page.Find(".users-table").TextContent.ShouldContain("new.director@council.example"));
        var user = await AdminContext.QueryAsync(demo.Database, db => db.Users.Include(u => u.Directorates).SingleAsync(u => u.Email == "new.director@council.example"));
        user.DisplayName.ShouldBe("New Director");
        user.Directorates.Select(d => d.DirectorateId).Order().ShouldBe(directorates.Order());
        page.Find("#new-email").GetAttribute("value").ShouldBeNullOrEmpty("the form is emptied for the next account");
    }

    [Fact]
    public async Task AnEmptyFormIsRefusedFieldByFieldAndCreatesNothing()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        Providers(ctx);
        var before = await AdminContext.QueryAsync(demo.Database, db => db.Users.CountAsync());
        var page = ctx.Render<Users>();

        await page.Find(".new-account").SubmitAsync();

        page.WaitForAssertion(() => page.Find(".error-summary").TextContent.ShouldContain("Enter the email address"));
        page.Find(".error-summary").TextContent.ShouldContain("Enter an initial password");
        (await AdminContext.QueryAsync(demo.Database, db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task AccountsAreFoundByNameOrEmailAndFilteredByRoleAndStatus()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        Providers(ctx);
        await AdminContext.AccountAsync(ctx, "filter.officer@council.example", Roles.PerformanceOfficer);
        var councillor = await AdminContext.AccountAsync(ctx, "filter.councillor@council.example", Roles.Councillor);
        await using (var scope = ctx.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetDisabledAsync(councillor, true, "test");
        }

        var page = ctx.Render<Users>();
        await page.Find("#user-search").InputAsync(new() { Value = "FILTER." });
        page.WaitForAssertion(() => Emails(page).ShouldBe(["filter.councillor@council.example", "filter.officer@council.example"]));

        var role = page.FindComponents<MudSelect<string>>()[0];
        await page.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(Roles.PerformanceOfficer));
        page.WaitForAssertion(() => Emails(page).ShouldBe(["filter.officer@council.example"]));

        await page.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync("any role"));
        var status = page.FindComponents<MudSelect<string>>()[1];
        await page.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync("Disabled"));
        page.WaitForAssertion(() => Emails(page).ShouldBe(["filter.councillor@council.example"]));
        page.Find("#accounts-heading").TextContent.ShouldStartWith("Accounts (1 of ");
    }

    [Fact]
    public async Task DisablingAsksFirstNamingTheAccountAndCancellingChangesNothing()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (dialogs, snackbars) = Providers(ctx);
        const string email = "to.disable@council.example";
        var id = await AdminContext.AccountAsync(ctx, email, Roles.PerformanceOfficer);
        var page = ctx.Render<Users>();

        DirectorsReviewTests.Button(page.Find(".users-table"), $"Disable {email}").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".dialog-title").TextContent.ShouldBe($"Disable {email}?"));
        dialogs.Find(".mud-dialog").TextContent.ShouldContain("will be signed out at their next request (within a minute) and cannot sign in until an Admin re-enables the account.");
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await AdminContext.QueryAsync(demo.Database, db => db.Users.SingleAsync(u => u.Id == id))).IsDisabled.ShouldBeFalse();

        DirectorsReviewTests.Button(page.Find(".users-table"), $"Disable {email}").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").ShouldNotBeNull());
        await DirectorsReviewTests.Button(dialogs.Find(".mud-dialog"), $"Disable {email}").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain($"Account {email} disabled."));
        (await AdminContext.QueryAsync(demo.Database, db => db.Users.SingleAsync(u => u.Id == id))).IsDisabled.ShouldBeTrue();
        page.WaitForAssertion(() => DirectorsReviewTests.Button(page.Find(".users-table"), $"Re-enable {email}").ShouldNotBeNull());
    }

    [Fact]
    public async Task AnAdminCannotDisableTheirOwnAccount()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (dialogs, snackbars) = Providers(ctx);
        var own = await AdminContext.AccountAsync(ctx, "own.admin@council.example", Roles.Admin);
        // Signed in with that account's id (SignedIn gives the name as the id).
        ((SignedIn)ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()).As(own, Roles.Admin);
        var page = ctx.Render<Users>();

        DirectorsReviewTests.Button(page.Find(".users-table"), "Disable own.admin@council.example").Click();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("You cannot disable your own account."));
        dialogs.FindAll(".mud-dialog").ShouldBeEmpty();
    }

    private static List<string> Emails(IRenderedComponent<Users> page) =>
        [.. page.FindAll(".users-table tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    internal static (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) Providers(BunitContext ctx)
    {
        ctx.Render<MudPopoverProvider>();
        return (ctx.Render<MudDialogProvider>(), ctx.Render<MudSnackbarProvider>());
    }
}
