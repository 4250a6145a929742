using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Components.Pages.Admin;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The live Edit user page: a councillor made a Director of a directorate is saved with the new role and directorate,
/// the change audited and the security stamp renewed (so the person's sessions pick up the new role); an empty name is
/// refused beside the field and nothing changes.
/// </summary>
public sealed class EditUserTests
{
    private const string Email = "member@new.council.example";

    [Fact]
    public async Task ACouncillorMadeADirectorOfADirectorateIsSavedAuditedAndHasANewSecurityStamp()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var adults = await ctx.DirectorateAsync("Adult Social Care");
        var id = await ctx.AccountAsync(Email, "Councillor Byrne", Roles.Councillor);
        var stamp = (await ctx.StoredAccountAsync(Email)).User.SecurityStamp;
        var page = ctx.Render<EditUser>(p => p.Add(e => e.Id, id));
        page.Find("h1").TextContent.ShouldBe($"Edit {Email}");
        page.FindAll("#directorates").ShouldBeEmpty("directorates are offered only for a Director");

        await page.Find("#name").InputAsync(new() { Value = "Bríd Byrne, Director of Adult Social Care" });
        await EntryContext.ChooseAsync(page, "role", Roles.Director);
        page.WaitForAssertion(() => page.Find("#directorates"));
        await UsersPageTests.ChooseDirectoratesAsync(page, adults);
        await page.Find("form").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain($"Account {Email} saved."));
        var (user, roles) = await ctx.StoredAccountAsync(Email);
        user.DisplayName.ShouldBe("Bríd Byrne, Director of Adult Social Care");
        roles.Single().ShouldBe(Roles.Director);
        user.Directorates.Select(d => d.DirectorateId).ShouldBe([adults]);
        user.SecurityStamp.ShouldNotBe(stamp, "a new stamp makes the person's sessions take the new role");
        var audit = await ctx.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.Action == "Updated"));
        (audit.User, audit.EntityKey).ShouldBe((PeopleContext.Admin, Email));
        audit.Changes.ShouldNotBeNull().ShouldContain($"Role: {Roles.Councillor} → {Roles.Director}");
        audit.Changes.ShouldContain($"Directorates:  → {adults}");
    }

    [Fact]
    public async Task AnEmptyNameIsRefusedBesideTheFieldAndNothingChanges()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var id = await ctx.AccountAsync(Email, "Councillor Byrne", Roles.Councillor);
        var stamp = (await ctx.StoredAccountAsync(Email)).User.SecurityStamp;
        var page = ctx.Render<EditUser>(p => p.Add(e => e.Id, id));

        await page.Find("#name").InputAsync(new() { Value = "" });
        await EntryContext.ChooseAsync(page, "role", Roles.PerformanceOfficer);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => FrameworkFormsTests.Field(page, "#name").ShouldContain("Enter the person's name or role"));
        var (user, roles) = await ctx.StoredAccountAsync(Email);
        (user.DisplayName, user.SecurityStamp).ShouldBe(("Councillor Byrne", stamp));
        roles.Single().ShouldBe(Roles.Councillor);
        (await ctx.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
        ctx.Snackbars.Markup.ShouldNotContain("saved");
    }
}
