using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Components;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Layout;

/// <summary>Every page's app bar names the council (from its settings) and offers the sections the reader's role may open.</summary>
public sealed class AppBarOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheAppBarShowsTheCouncilsNameFromItsSettings()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
            (await db.CouncilSettings.SingleAsync()).Rename("Borsetshire County Council");
            await db.SaveChangesAsync();
        }

        foreach (var path in new[] { "/", "/directorates", "/account/sign-in" })
        {
            var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), path);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            page.QuerySelector("header.mud-appbar .brand")!.Text().ShouldBe("Borsetshire County Council", path);
        }
    }

    [Theory]
    [InlineData(null, new[] { "Performance wheel", "Quarter comparison", "Directorates", "Exceptions", "Finance" })]
    [InlineData(Roles.Councillor, new[] { "Performance wheel", "Quarter comparison", "Directorates", "Exceptions", "Finance" })]
    [InlineData(Roles.Director, new[] { "Performance wheel", "Quarter comparison", "Directorates", "Exceptions", "Finance", "Outturns" })]
    [InlineData(Roles.PerformanceOfficer, new[] { "Performance wheel", "Quarter comparison", "Directorates", "Exceptions", "Finance", "Outturns", "Assessments", "Framework", "Covering reports" })]
    [InlineData(Roles.Admin, new[] { "Performance wheel", "Quarter comparison", "Directorates", "Exceptions", "Finance", "Outturns", "Assessments", "Framework", "Covering reports", "Users", "API keys", "Settings" })]
    public async Task TheNavigationOffersWhatTheRoleMayOpen(string? role, string[] sections)
    {
        var client = role is null ? SignedInClient.Anonymous(app.Factory) : await SignedInClient.AsAsync(app.Factory, role);

        var (_, page) = await Html.GetAsync(client, "/directorates");

        page.QuerySelectorAll("header.mud-appbar nav[aria-label=Main] a").Select(a => a.Text()).ShouldBe(sections);
        page.QuerySelector("nav[aria-label=Main] a[aria-current=page]")!.Text().ShouldBe("Directorates");
    }

    [Fact]
    public async Task PagesUseTheCouncilsThemeAsAStylesheetAndNoInlineStyleElement()
    {
        var (_, page) = await Html.GetAsync(app.Factory.CreateClient(), "/");
        page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).ShouldBe(["/_content/MudBlazor/MudBlazor.min.css", "/theme.css", "/css/site.css", "/PerformanceWheel.Web.styles.css"]);
        page.QuerySelectorAll("style").ShouldBeEmpty("the Content-Security-Policy refuses inline style elements");
        page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")).ShouldAllBe(src => src != null && src.StartsWith('/'));

        var css = await app.Factory.CreateClient().GetAsync(new Uri("/theme.css", UriKind.Relative));
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        var text = await css.Content.ReadAsStringAsync();
        text.ShouldContain("--mud-palette-primary: rgba(29,79,145,1);");
        text.ShouldContain("--mud-palette-appbar-background: rgba(29,79,145,1);");
        text.ShouldNotContain("<style");
    }
}
