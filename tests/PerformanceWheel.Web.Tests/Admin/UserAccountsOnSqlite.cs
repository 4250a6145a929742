using System.Net;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Admin;

/// <summary>The Users page and a user's edit page, posted as a browser posts them.</summary>
public sealed class UserAccountsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly AppFactory _factory = app.Factory;

    [Fact]
    public async Task AnAccountWithNoDirectoratesTickedIsCreatedAndSaved()
    {
        // An officer or a councillor answers for no directorate: the form then posts no Input.DirectorateIds at all.
        const string email = "new.officer@council.example";
        var admin = await SignedInClient.AsAsync(_factory, Roles.Admin);

        var created = await PageForms.SubmitAsync(admin, "/admin/users", "create-user", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "New Officer",
            ["Input.Role"] = Roles.PerformanceOfficer,
            ["Input.Password"] = "Officer-Password-2026",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await FrameworkForms.QueryAsync(_factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var saved = await PageForms.SubmitAsync(admin, $"/admin/users/{id}", "edit-user", new Dictionary<string, string> { ["Input.DisplayName"] = "Renamed Officer" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await FrameworkForms.QueryAsync(_factory, db => db.Users.Include(u => u.Directorates).SingleAsync(u => u.Id == id));
        user.DisplayName.ShouldBe("Renamed Officer");
        user.Directorates.ShouldBeEmpty();
    }
}
