using System.Net;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Admin;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>The council's name: Council:Name only names an empty database's council; an Admin changes it on the settings page, audited.</summary>
public sealed class CouncilNameOnSqlite
{
    [Fact]
    public async Task AnAdminRenamesTheCouncilOnTheSettingsPageAndTheChangeIsAudited()
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        var admin = await NewCouncil.AdminAsync(factory);
        (await Name(factory)).ShouldBe("Our Council");

        var response = await FrameworkForms.PostAsync(admin, "/admin/settings", "council-name", new Dictionary<string, string> { ["CouncilName.Name"] = "  Riverside Borough Council " });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Name(factory)).ShouldBe("Riverside Borough Council");
        var page = await admin.GetStringAsync(new Uri("/admin/settings", UriKind.Relative));
        FrameworkForms.MessageNextTo(page, "CouncilName.Name").ShouldBeEmpty();
        page.ShouldContain("value=\"Riverside Borough Council\"");
        (await FrameworkForms.QueryAsync(factory, db => db.AuditEntries.Where(a => a.EntityType == "Council settings").Select(a => a.Changes).ToListAsync()))
            .ShouldContain("Name: Our Council → Riverside Borough Council");
    }

    [Fact]
    public async Task AnEmptyNameIsRefusedNextToItsFieldAndNothingChanges()
    {
        await using var factory = NewCouncil.Start(TestDatabases.CreateSqlite());
        var admin = await NewCouncil.AdminAsync(factory);

        var response = await FrameworkForms.PostAsync(admin, "/admin/settings", "council-name", new Dictionary<string, string> { ["CouncilName.Name"] = "   " });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FrameworkForms.MessageNextTo(await response.Content.ReadAsStringAsync(), "CouncilName.Name").ShouldBe("Council name is required.");
        (await Name(factory)).ShouldBe("Our Council");
    }

    private static Task<string> Name(AppFactory factory) => FrameworkForms.QueryAsync(factory, db => db.CouncilSettings.Select(c => c.Name).SingleAsync());
}
