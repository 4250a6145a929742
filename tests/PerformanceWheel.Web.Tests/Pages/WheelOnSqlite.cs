using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>The wheel on the home page for the demo council: the plan in force, its segments and seed 000's ratings.</summary>
public sealed class WheelOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static List<IElement> Sectors(IDocument page) => page.QuerySelectorAll("svg.wheel path.sector").ToList();

    private static IElement Sector(IDocument page, string code) =>
        Sectors(page).SingleOrDefault(s => s.GetAttribute("data-code") == code) ?? throw new InvalidOperationException($"No sector {code}.");

    [Fact]
    public async Task ShowsTheNineteenSegmentsOfTheBusinessPlanIn2019Q2()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/?period=2019/20%20Q2");

        page.QuerySelector("main .caption")!.Text().ShouldBe("Business Plan 2019–22");
        Sectors(page).Select(s => s.GetAttribute("data-code")).ShouldBe(
        [
            "O1.1", "O1.2", "O1.3", "O1.4", "O2.1", "O2.2", "O2.3", "O2.4", "O3.1", "O3.2", "O3.3", "O3.4",
            "O4.1", "O4.2", "O4.3", "O4.4", "CH1", "CH2", "CH3",
        ]);
        page.QuerySelectorAll("svg.wheel path.band").Length.ShouldBe(5);
    }

    [Fact]
    public async Task ShowsTheTwelveSegmentsOfTheCountyPlanIn2017Q2()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2");

        page.QuerySelector("main .caption")!.Text().ShouldBe("County Plan 2016–20");
        Sectors(page).Select(s => s.GetAttribute("data-code")).ShouldBe(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "C1", "C2", "C3", "C4", "V1"]);
        page.QuerySelectorAll("svg.wheel path.band title").Select(t => t.Text()).ShouldBe(["The People's Priorities", "The Council", "Vision Volunteers"]);
    }

    // Seed 000 §4.2–4.4 as stored in the demo council (docs/demo-data.md, Plan 1): judged rating and direction in 2017/18 Q2.
    [Theory]
    [InlineData("P1", "A", "improving")]
    [InlineData("P2", "A", "improving")]
    [InlineData("P3", "R", "improving")]
    [InlineData("P4", "A", "improving")]
    [InlineData("P5", "G", "improving")]
    [InlineData("P6", "G", "steady")]
    [InlineData("P7", "G", "steady")]
    [InlineData("C1", "G", "improving")]
    [InlineData("C2", "G", "steady")]
    [InlineData("C3", "A", "steady")]
    [InlineData("C4", "R", "steady")]
    [InlineData("V1", "G", "steady")]
    public async Task EachSectorShowsSeedZerosRatingAndDirectionFor2017Q2(string code, string letter, string direction)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2");
        var sector = Sector(page, code);
        var link = sector.Closest("a")!;

        link.QuerySelector("text.sector-letter")!.Text().Split(' ')[0].ShouldBe(letter);
        var name = sector.QuerySelector("title")!.TextContent;
        name.ShouldStartWith($"{code} ");
        name.ShouldContain(Page.Meaning(letter));
        name.ShouldEndWith($", {direction}");
        sector.ClassList.ShouldContain($"sector-{Page.Meaning(letter).Split(':')[0].ToLowerInvariant()}");
    }

    [Fact]
    public async Task C4ShowsTheJudgementOverTheSuggestion()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2");

        Sector(page, "C4").QuerySelector("title")!.TextContent.ShouldBe(
            "C4 Managing our Business: Red: off target and outside tolerance (judged; suggested Green), steady");
        var row = page.Table("Segments of The Council").Row("C4");
        row.Cell("Suggested").Badge().ShouldBe(Page.Meaning("G"));
        row.Cell("Rating").Badge().ShouldBe(Page.Meaning("R"));
    }

    [Fact]
    public async Task EverySectorOpensItsSegmentForTheSameQuarter()
    {
        var client = app.Factory.CreateClient();
        var page = await Page.OkAsync(client, "/?period=2017/18%20Q2");

        foreach (var sector in Sectors(page))
        {
            var code = sector.GetAttribute("data-code")!;
            var href = sector.Closest("a")!.Href();
            var (path, query) = Page.Parse(href);
            path.ShouldBe($"/segments/{code}");
            query["period"].ShouldBe("2017/18 Q2");

            var segment = await Page.OkAsync(client, href);
            segment.QuerySelector("h1")!.Text().ShouldStartWith($"{code} ");
            segment.QuerySelector("h1")!.Text().ShouldEndWith(", 2017/18 Q2");
        }
    }

    [Fact]
    public async Task AnotherQuarterRedrawsTheWheel()
    {
        var client = app.Factory.CreateClient();
        var q1 = await Page.OkAsync(client, "/?period=2017/18%20Q1");
        var q2 = await Page.OkAsync(client, "/?period=2017/18%20Q2");

        Sector(q1, "P1").ClassList.ShouldContain("sector-red");
        Sector(q2, "P1").ClassList.ShouldContain("sector-amber");
        Sector(q1, "C3").ClassList.ShouldContain("sector-amber");
        q1.QuerySelector("svg.wheel title")!.Text().ShouldBe("Performance wheel, 2017/18 Q1");
        q2.QuerySelector("svg.wheel title")!.Text().ShouldBe("Performance wheel, 2017/18 Q2");
    }

    [Fact]
    public async Task TheWheelDescribesEverySegmentInText()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2");

        page.QuerySelector("svg.wheel desc")!.Text().ShouldBe(
            "12 segments: P1 Amber; P2 Amber; P3 Red; P4 Amber; P5 Green; P6 Green; P7 Green; C1 Green; C2 Green; C3 Amber; C4 Red; V1 Green.");
    }

    [Fact]
    public async Task ACommitteeViewListsOnlyThatCommitteesSegments()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2&committee=C%26F");

        page.QuerySelectorAll("section.group tbody th[scope=row]").Select(th => th.Text()).ShouldBe(["P3", "P4"]);
        Sectors(page).Count.ShouldBe(12);
        Sectors(page).Where(s => !s.Closest("a")!.ClassList.Contains("dimmed")).Select(s => s.GetAttribute("data-code")).ShouldBe(["P3", "P4"]);
    }
}
