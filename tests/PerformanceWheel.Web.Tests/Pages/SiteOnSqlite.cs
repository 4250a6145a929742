using System.Net;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>Every page of the dashboard answers, is reachable from the navigation and is built for assistive technology.</summary>
public sealed class SiteOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> EveryPage => new()
    {
        "/",
        "/?period=2017/18%20Q2",
        "/comparison",
        "/comparison?period=2017/18%20Q2",
        "/directorates",
        "/directorates?period=2017/18%20Q4",
        "/directorates/Adults%20Services",
        "/directorates/Childrens%20Services?period=2017/18%20Q4&sort=rating&rag=red",
        "/segments/P3?period=2017/18%20Q2",
        "/segments/O1.1?period=2019/20%20Q2",
        "/measures/PH-HV-01?period=2019/20%20Q1",
        "/measures/ASC-CQC-01?period=Sep-19",
        "/projects/PRJ-MTFP",
        "/finance",
        "/exceptions",
        "/exceptions?period=2017/18%20Q4",
    };

    public static TheoryData<string> NotFound => new()
    {
        "/?period=1999/00%20Q1",
        "/comparison?period=1999/00%20Q1",
        "/directorates?period=1999/00%20Q1",
        "/directorates/Nowhere",
        "/directorates/Adults%20Services?period=1999/00%20Q1",
        "/exceptions?period=1999/00%20Q1",
        "/segments/NOPE",
        "/segments/NOPE?period=2017/18%20Q2",
        "/measures/NOPE",
        "/projects/NOPE",
        "/finance?period=1999/00%20Q1",
        "/no-such-page",
    };

    private static void ShouldBeAccessible(IDocument page, string url)
    {
        page.QuerySelectorAll("h1").Length.ShouldBe(1, $"{url}: exactly one h1");
        page.Title.ShouldNotBeNullOrWhiteSpace($"{url}: a title");
        page.Title!.ShouldEndWith("– PerformanceWheel", customMessage: url);
        page.DocumentElement.GetAttribute("lang").ShouldBe("en-GB");
        page.QuerySelectorAll("main").Length.ShouldBe(1, $"{url}: one main landmark");
        foreach (var table in page.QuerySelectorAll("table"))
        {
            var caption = table.QuerySelector("caption");
            caption.ShouldNotBeNull($"{url}: every table has a caption");
            caption.Text().ShouldNotBeNullOrWhiteSpace($"{url}: every caption says what the table holds");
            foreach (var th in table.QuerySelectorAll("th"))
            {
                th.GetAttribute("scope").ShouldBeOneOf(["col", "row", "colgroup", "rowgroup"], $"{url}: header '{th.Text()}' has a scope");
            }
        }
    }

    [Fact]
    public async Task EveryPageInTheMainNavigationAnswers()
    {
        var client = app.Factory.CreateClient();
        var home = await Page.OkAsync(client, "/");
        var links = home.QuerySelectorAll("nav[aria-label=Main] a").ToList();

        links.Select(a => a.Text()).ShouldBe(["Performance wheel", "Quarter comparison", "Directorates", "Exceptions", "Finance"]);
        foreach (var link in links)
        {
            var page = await Page.OkAsync(client, link.Href());
            ShouldBeAccessible(page, link.Href());
            page.QuerySelector("nav[aria-label=Main] a[aria-current=page]")!.Text().ShouldBe(link.Text());
        }
    }

    [Fact]
    public async Task TheNavigationKeepsTheQuarterBeingRead()
    {
        var client = app.Factory.CreateClient();
        var home = await Page.OkAsync(client, "/?period=2017/18%20Q2");

        foreach (var link in home.QuerySelectorAll("nav[aria-label=Main] a").Where(a => a.Text() != "Finance"))
        {
            Page.Parse(link.Href()).Query["period"].ShouldBe("2017/18 Q2", link.Text());
            var page = await Page.OkAsync(client, link.Href());
            page.QuerySelector("h1")!.Text().ShouldContain("2017/18", customMessage: link.Text());
        }
    }

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task EveryPageAnswersWithOneHeadingATitleAndLabelledTables(string url)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), url);

        ShouldBeAccessible(page, url);
    }

    [Theory]
    [MemberData(nameof(NotFound))]
    public async Task AnUnknownPeriodOrCodeIsNotFoundWithAWayBack(string url)
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main a[href='/']").ShouldNotBeNull(url);
        page.QuerySelectorAll("h1").Length.ShouldBe(1, url);
        page.Title.ShouldNotBeNullOrWhiteSpace(url);
    }

    [Fact]
    public async Task EveryLinkFromTheWheelOpens()
    {
        // The wheel, its segment pages, their measures and projects, for one quarter of each plan.
        var client = app.Factory.CreateClient();
        var broken = new List<string>();
        var opened = 0;
        foreach (var home in new[] { "/?period=2017/18%20Q2", "/?period=2019/20%20Q2" })
        {
            var wheel = await Page.OkAsync(client, home);
            foreach (var segmentLink in wheel.QuerySelectorAll("svg.wheel a").Select(a => a.Href()).Distinct())
            {
                var segment = await Page.OkAsync(client, segmentLink);
                foreach (var href in segment.QuerySelectorAll("main a[href^='/measures/'], main a[href^='/projects/']").Select(a => a.Href()).Distinct())
                {
                    var (response, _) = await Html.GetAsync(client, href);
                    opened++;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        broken.Add($"{Uri.UnescapeDataString(segmentLink)} → {Uri.UnescapeDataString(href)} ({(int)response.StatusCode})");
                    }
                }
            }
        }

        opened.ShouldBeGreaterThan(31, "at least a measure or project per segment");
        broken.ShouldBeEmpty();
    }
}
