using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>The main navigation adds the staff pages each role may use, and marks the current page.</summary>
public sealed class StaffNavigationOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Everyone = ["Performance wheel", "Quarter comparison", "Directorates", "Exceptions", "Finance"];

    [Theory]
    [InlineData(Roles.Councillor, "")]
    [InlineData(Roles.Director, "Outturns")]
    [InlineData(Roles.PerformanceOfficer, "Outturns|Assessments|Framework|Covering reports")]
    [InlineData(Roles.Admin, "Outturns|Assessments|Framework|Covering reports|Users|API keys|Settings")]
    public async Task EachRoleSeesTheStaffPagesItMayOpenAndEachMarksItselfCurrent(string role, string staffPages)
    {
        var client = await SignedInClient.AsAsync(app.Factory, role);
        var home = await Page.OkAsync(client, "/?period=2019/20%20Q2");
        var links = home.QuerySelectorAll("nav[aria-label=Main] a").ToList();
        var expected = Everyone.Concat(staffPages.Split('|', StringSplitOptions.RemoveEmptyEntries)).ToList();

        links.Select(a => a.Text()).ShouldBe(expected);
        foreach (var link in links.Skip(Everyone.Length))
        {
            var page = await Page.OkAsync(client, link.Href());
            page.QuerySelector("nav[aria-label=Main] a[aria-current=page]")!.Text().ShouldBe(link.Text());
        }
    }

    [Fact]
    public async Task OutturnsAndAssessmentsKeepTheQuarterBeingRead()
    {
        var client = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var home = await Page.OkAsync(client, "/?period=2019/20%20Q1");

        foreach (var text in new[] { "Outturns", "Assessments" })
        {
            var link = home.QuerySelectorAll("nav[aria-label=Main] a").Single(a => a.Text() == text);
            Page.Parse(link.Href()).Query["period"].ShouldBe("2019/20 Q1");
            (await Page.OkAsync(client, link.Href())).QuerySelector("h1")!.Text().ShouldEndWith("2019/20 Q1");
        }
    }
}
