using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Admin;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>
/// The critical items page over HTTP: officers and the directorate's own Director add, change and remove items for Red
/// measures; other Directors read; councillors are refused; the items then show on the measure and exceptions pages.
/// </summary>
public sealed class CriticalItemsPageOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Childrens = "/outturns/Childrens%20Services/critical-items?period=2019/20%20Q2";
    private const string Adults = "/outturns/Adults%20Services/critical-items?period=2019/20%20Q1";

    [Fact]
    public async Task AnOfficerAddsChangesAndRemovesAnItemThatThenShowsWhereItBelongs()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var page = await Page.OkAsync(officer, Childrens);
        page.QuerySelectorAll("section.red-measure h2").Select(h => h.Text().Split(' ')[0]).ShouldBe(["O3.1-01", "O3.3-02", "O3.4-01", "O3.4-03"]);

        // A missing owner is named next to the owner field; what was typed is kept.
        var missing = await PageForms.SubmitAsync(officer, Childrens, page, "add-O3.1-01", new Dictionary<string, string>
        {
            ["Item.Issue"] = "More children coming into care than planned",
            ["Item.RemedialAction"] = "Edge of care team expanded",
            ["Item.Owner"] = " ",
        });
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await missing.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var form = document.GetElementById("add-O3-1-01")!;
        FrameworkForms.MessageNextTo(form.OuterHtml, "Item.Owner").ShouldBe("Owner is required.");
        form.QuerySelector("[name='Item.Issue']")!.TextContent.ShouldBe("More children coming into care than planned");
        form.QuerySelector("[name='Item.Owner']")!.GetAttribute("aria-invalid").ShouldBe("true");
        var summaryLink = document.QuerySelector(".error-summary a")!;
        summaryLink.Text().ShouldBe("Owner is required.");
        document.GetElementById(summaryLink.GetAttribute("href")!.Split('#')[1])!.GetAttribute("name").ShouldBe("Item.Owner");

        var added = await PageForms.SubmitAsync(officer, Childrens, page, "add-O3.1-01", new Dictionary<string, string>
        {
            ["Item.Issue"] = "More children coming into care than planned",
            ["Item.RemedialAction"] = "Edge of care team expanded",
            ["Item.Owner"] = "Head of Children's Social Care",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await QueryAsync(db => db.CriticalItems.Where(c => c.Measure.Code == "O3.1-01").Select(c => c.Id).SingleAsync());

        var reader = app.Factory.CreateClient();
        var measure = await Page.OkAsync(reader, "/measures/O3.1-01?period=2019/20%20Q2");
        measure.QuerySelector("article.critical")!.Text().ShouldContain("Edge of care team expanded");
        var exceptions = await Page.OkAsync(reader, "/exceptions?period=2019/20%20Q2");
        exceptions.QuerySelectorAll("article.critical").Single(a => a.Text().Contains("O3.1-01", StringComparison.Ordinal)).Text().ShouldContain("Head of Children's Social Care");

        var edited = await PageForms.SubmitAsync(officer, Childrens, $"edit-{id}", new Dictionary<string, string> { ["Item.Owner"] = "Director of Children's Services" });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await QueryAsync(db => db.CriticalItems.SingleAsync(c => c.Id == id))).Owner.ShouldBe("Director of Children's Services");

        var removed = await PageForms.SubmitAsync(officer, Childrens, $"remove-{id}", new Dictionary<string, string>());
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await QueryAsync(db => db.CriticalItems.AnyAsync(c => c.Id == id))).ShouldBeFalse();
        var history = (await Page.OkAsync(officer, Childrens)).Table("Changes to critical items of Childrens Services, 2019/20 Q2");
        history.QuerySelectorAll("tbody tr").Select(r => (r.Children[1].Text(), r.Children[3].Text())).ShouldBe([("O3.1-01", "Removed"), ("O3.1-01", "Changed"), ("O3.1-01", "Added")]);
    }

    [Fact]
    public async Task ADirectorEditsTheirOwnDirectorateAndIsRefusedAnother()
    {
        var director = await SignedInClient.AsAsync(app.Factory, Roles.Director);

        var own = await Page.OkAsync(director, Adults);
        var (otherResponse, other) = await Html.GetAsync(director, Childrens);

        own.QuerySelectorAll("input[name=_handler]").Select(i => i.GetAttribute("value")).ShouldContain("add-ASC-RES-01");
        // Another directorate's critical items sit beside its unpublished figures: a Director of Adults is refused them.
        otherResponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        other.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
        other.QuerySelector("h1")!.Text().ShouldBe("You do not have access to this directorate's critical items");

        // A forged post to the other directorate's page is refused (403: the page offers the Director no form there) and saves nothing.
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-O3.1-01",
            ["__RequestVerificationToken"] = await SignedInClient.TokenAsync(director, Adults),
            ["Item.Issue"] = "Forged", ["Item.RemedialAction"] = "Forged", ["Item.Owner"] = "Forged",
        });
        var response = await director.PostAsync(new Uri(Childrens, UriKind.Relative), forged);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await QueryAsync(db => db.CriticalItems.AnyAsync(c => c.Issue == "Forged"))).ShouldBeFalse();

        var ownPost = await PageForms.SubmitAsync(director, Adults, "add-ASC-RES-01", new Dictionary<string, string>
        {
            ["Item.Issue"] = "Placements above plan", ["Item.RemedialAction"] = "Panel reviews every placement", ["Item.Owner"] = "Director of Adult Social Services",
        });
        ownPost.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await QueryAsync(db => db.CriticalItems.CountAsync(c => c.Measure.Code == "ASC-RES-01"))).ShouldBe(1);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-O3.4-03", ["Item.Issue"] = "No token", ["Item.RemedialAction"] = "No token", ["Item.Owner"] = "No token",
        });

        var response = await officer.PostAsync(new Uri(Childrens, UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await QueryAsync(db => db.CriticalItems.AnyAsync(c => c.Issue == "No token"))).ShouldBeFalse();
    }

    [Fact]
    public async Task CouncillorsAreRefused()
    {
        var councillor = await SignedInClient.AsAsync(app.Factory, Roles.Councillor);

        var response = await councillor.GetAsync(new Uri(Childrens, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Theory]
    [InlineData(Roles.PerformanceOfficer, "Adults%20Services", true)]
    [InlineData(Roles.PerformanceOfficer, "Childrens%20Services", true)]
    [InlineData(Roles.Director, "Adults%20Services", true)]
    [InlineData(Roles.Director, "Childrens%20Services", false)]
    public async Task TheEntryGridAndTheScorecardLinkToThePageForThoseWhoMayEdit(string role, string directorate, bool linked)
    {
        var client = await SignedInClient.AsAsync(app.Factory, role);
        var path = $"/outturns/{directorate}/critical-items";

        // A Director is refused another directorate's grid (its drafts are not theirs to read); the scorecard still opens.
        var (gridResponse, grid) = await Html.GetAsync(client, $"/outturns/{directorate}?period=2019/20%20Q2");
        gridResponse.StatusCode.ShouldBe(linked ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        var scorecard = await Page.OkAsync(client, $"/directorates/{directorate}?period=2019/20%20Q2");

        foreach (var page in new[] { grid, scorecard })
        {
            var link = page.QuerySelectorAll("main a[href]").FirstOrDefault(a => a.GetAttribute("href")!.StartsWith(path, StringComparison.Ordinal));
            (link is not null).ShouldBe(linked);
            if (link is not null)
            {
                Page.Parse(link.Href()).Query["period"].ShouldBe("2019/20 Q2");
            }
        }
    }

    private async Task<T> QueryAsync<T>(Func<PerformanceWheelDbContext, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>());
    }
}
