using System.Net;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>A segment for a quarter: its rating (judged over suggested, with the rationale), measures and projects.</summary>
public sealed class SegmentPageOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Fact(IDocument page, string term) =>
        page.QuerySelectorAll("dl.facts > div").Single(d => d.QuerySelector("dt")!.Text() == term).QuerySelector("dd")!.Text();

    private static IElement FactBadge(IDocument page, string term) =>
        page.QuerySelectorAll("dl.facts > div").Single(d => d.QuerySelector("dt")!.Text() == term).QuerySelector("dd")!;

    [Fact]
    public async Task P3IsJudgedRedWithSeedZerosRationale()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/segments/P3?period=2017/18%20Q2");
        var rationale = DemoSeed.Assessment("P3", "2017/18 Q2").Text("rationale")!;

        page.QuerySelector("h1")!.Text().ShouldBe("P3 Safer Children and Better Care, 2017/18 Q2");
        page.QuerySelector("main .caption")!.Text().ShouldBe("County Plan 2016–20 · The People's Priorities · Committees: C&F");
        FactBadge(page, "Rating").Badge().ShouldBe(Page.Meaning("R"));
        FactBadge(page, "Suggested by its measures and projects").Badge().ShouldBe(Page.Meaning("R"));
        Fact(page, "Direction of travel").ShouldEndWith("Improving");
        page.QuerySelector(".callout h2")!.Text().ShouldBe("Judged Red");
        page.QuerySelector(".callout p")!.Text().ShouldBe(rationale);
        rationale.ShouldContain("Change is evident but universal improvement remains a challenge.");
    }

    [Fact]
    public async Task C4IsJudgedRedOverASuggestedGreen()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/segments/C4?period=2017/18%20Q2");

        page.QuerySelector("h1")!.Text().ShouldBe("C4 Managing our Business, 2017/18 Q2");
        FactBadge(page, "Rating").Badge().ShouldBe(Page.Meaning("R"));
        FactBadge(page, "Suggested by its measures and projects").Badge().ShouldBe(Page.Meaning("G"));
        page.QuerySelector(".callout h2")!.Text().ShouldBe("Judged Red (suggested Green)");
        page.QuerySelector(".callout p")!.Text().ShouldBe(DemoSeed.Assessment("C4", "2017/18 Q2").Text("rationale"));
        page.QuerySelector(".callout p")!.Text().ShouldEndWith("the C4 segment has been judged as Red.");
    }

    [Fact]
    public async Task C4InQ1HasNoRationaleInTheReport()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/segments/C4?period=2017/18%20Q1");

        FactBadge(page, "Rating").Badge().ShouldBe(Page.Meaning("R"));
        page.QuerySelector(".callout p")!.Text().ShouldBe("The judged rating agrees with the suggestion.");
    }

    [Fact]
    public async Task ListsTheSegmentsMeasuresWithTheirFiguresForTheQuarter()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/segments/P3?period=2017/18%20Q2");
        var table = page.Table("Measures of P3, 2017/18 Q2");

        // Seed 003's children's improvement plan measures, 2017/18 Q2 values (docs/demo-data.md).
        table.Row("CS-LAC-01").CellText("Latest").ShouldBe("81.5%");
        table.Row("CS-CPV-01").CellText("Latest").ShouldBe("77.5%");
        table.Row("CS-ASM-01").CellText("Latest").ShouldBe("84.6%");
        table.Row("CS-SUP-01").CellText("Latest").ShouldBe("74.8%");
        table.Row("CS-ASM-01").CellText("Target").ShouldBe("95.0%");
        table.Row("CS-ASM-01").Cell("Rating").Badge().ShouldBe(Page.Meaning("R"));
        table.Row("CS-ASM-01").CellText("Directorate").ShouldBe("Childrens Services");
        var (path, query) = Page.Parse(table.Row("CS-ASM-01").Cell("Code").Href());
        path.ShouldBe("/measures/CS-ASM-01");
        query["period"].ShouldBe("2017/18 Q2");
    }

    [Fact]
    public async Task ListsProjectsWithTheirStatusAndLinks()
    {
        var client = app.Factory.CreateClient();
        var page = await Page.OkAsync(client, "/segments/O1.1?period=2019/20%20Q2");
        var table = page.Table("Projects of O1.1");

        table.Rows().Select(r => r.Header()).ShouldBe(["Library Service Redesign", "Develop Medium Term Financial Plan 2020–2023", "People Strategy"]);
        table.Row("People Strategy").Cell("Status").Badge().ShouldBe(Page.Meaning("A"));
        table.Row("People Strategy").CellText("Progress").ShouldBe("→ Progressing");
        table.Row("Library Service Redesign").CellText("Progress").ShouldBe("↑ Achieved a milestone");
        foreach (var row in table.Rows())
        {
            var project = await Page.OkAsync(client, row.QuerySelector("th")!.Href());
            project.QuerySelector("h1")!.Text().ShouldBe(row.Header());
        }
    }

    [Fact]
    public async Task AnotherQuarterShowsThatQuartersRating()
    {
        var client = app.Factory.CreateClient();
        var q1 = await Page.OkAsync(client, "/segments/P1?period=2017/18%20Q1");
        var q2 = await Page.OkAsync(client, "/segments/P1?period=2017/18%20Q2");

        FactBadge(q1, "Rating").Badge().ShouldBe(Page.Meaning("R"));
        FactBadge(q2, "Rating").Badge().ShouldBe(Page.Meaning("A"));
    }

    [Theory]
    [InlineData("/segments/NOPE?period=2017/18%20Q2", "There is no segment with the code 'NOPE'.")]
    [InlineData("/segments/NOPE", "There is no segment with the code 'NOPE'.")]
    [InlineData("/segments/P3?period=1999/00%20Q1", "There are no figures for the period '1999/00 Q1'.")]
    public async Task UnknownSegmentOrPeriodIsNotFound(string url, string message)
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main")!.Text().ShouldContain(message);
        page.QuerySelector("main a[href='/']").ShouldNotBeNull();
    }
}
