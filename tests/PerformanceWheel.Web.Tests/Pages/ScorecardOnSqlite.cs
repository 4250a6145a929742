using System.Net;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>A directorate's scorecard: its measures with figure, target, rating and trend; sorting and filtering in the URL.</summary>
public sealed class ScorecardOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Children = "/directorates/Childrens%20Services";

    private static List<IElement> MeasureRows(IDocument page) =>
        page.QuerySelectorAll(".scorecard table tbody tr").ToList();

    private static int Severity(string? letter) => letter switch { "R" => 3, "A" => 2, "G" => 1, "B" => 0, _ => -1 };

    [Fact]
    public async Task ShowsSeedTwosHealthVisitorFigure()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/directorates/Public%20Health?period=2019/20%20Q1");
        var row = page.Table("Public Health measures, 2019/20 Q1").Row("PH-HV-01");

        row.CellText("Measure").ShouldBe("Health visitor new birth visits within 14 days");
        row.CellText("Segment").ShouldBe("O3.2");
        row.CellText("Latest").ShouldBe("85.1%");
        row.CellText("Target").ShouldBe("90.0%");
        row.Cell("Rating").Badge().ShouldBe(Page.Meaning("A"));
        row.Cell("Previous period").QuerySelector(".visually-hidden")!.Text().ShouldBe("Declining against the previous period");
    }

    [Fact]
    public async Task ShowsSeedThreesChildrensFiguresFor2017Q4()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), $"{Children}?period=2017/18%20Q4");
        var table = page.Table("Childrens Services measures, 2017/18 Q4");

        table.Row("CS-ASM-01").CellText("Latest").ShouldBe("88.3%");
        table.Row("CS-ASM-01").CellText("Target").ShouldBe("95.0%");
        table.Row("CS-DEF-01").CellText("Latest").ShouldBe("16");
        table.Row("CS-PEX-01").CellText("Latest").ShouldBe("1.06 per 1,000");
        foreach (var code in new[] { "CS-ASM-01", "CS-CPV-01", "CS-DEF-01", "CS-ESTC-01", "CS-ESTP-01", "CS-LAC-01", "CS-PEX-01", "CS-QUAL-01", "CS-SUP-01" })
        {
            table.Row(code).Cell("Rating").Badge().ShouldBe(Page.Meaning("R"), code);
        }
    }

    [Fact]
    public async Task EveryMeasureRowLinksToItsMeasurePageForTheQuarter()
    {
        var client = app.Factory.CreateClient();
        var directorates = await Page.OkAsync(client, "/directorates?period=2019/20%20Q2");
        var scorecards = directorates.QuerySelectorAll(".directorates table tbody th a");

        scorecards.Length.ShouldBe(7);
        foreach (var link in scorecards)
        {
            var scorecard = await Page.OkAsync(client, link.Href());
            MeasureRows(scorecard).ShouldNotBeEmpty(link.Text());
            foreach (var row in MeasureRows(scorecard))
            {
                var (path, query) = Page.Parse(row.QuerySelector("th")!.Href());
                path.ShouldBe($"/measures/{row.Header()}");
                query["period"].ShouldBe("2019/20 Q2");
                Page.Parse(row.Cell("Measure").Href()).Path.ShouldBe(path);
            }
        }
    }

    [Fact]
    public async Task EveryMeasureLinkOnEveryScorecardOpensTheMeasure()
    {
        var client = app.Factory.CreateClient();
        var directorates = await Page.OkAsync(client, "/directorates?period=2019/20%20Q2");
        var broken = new List<string>();

        foreach (var link in directorates.QuerySelectorAll(".directorates table tbody th a"))
        {
            var scorecard = await Page.OkAsync(client, link.Href());
            foreach (var row in MeasureRows(scorecard))
            {
                var href = row.QuerySelector("th")!.Href();
                var (response, measure) = await Html.GetAsync(client, href);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    broken.Add($"{Uri.UnescapeDataString(href)} → {(int)response.StatusCode}");
                }
                else
                {
                    measure.QuerySelector(".caption")!.Text().ShouldStartWith($"Measure {row.Header()} ");
                }
            }
        }

        broken.ShouldBeEmpty();
    }

    [Fact]
    public async Task SortingByRatingPutsRedFirst()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), $"{Children}?period=2017/18%20Q4&sort=rating");
        var letters = MeasureRows(page).Select(r => r.Cell("Rating").Letter()).ToList();

        letters.Count.ShouldBe(21);
        letters.Take(10).ShouldAllBe(l => l == "R");
        letters.Select(Severity).ShouldBe(letters.Select(Severity).OrderByDescending(s => s));
        letters.Select(Severity).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task SortingByCodeIsTheDefault()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), $"{Children}?period=2017/18%20Q4");
        var codes = MeasureRows(page).Select(r => r.Header()).ToList();

        codes.ShouldBe(codes.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("red", "R", 10)]
    [InlineData("amber", "A", 4)]
    [InlineData("green", "G", 7)]
    public async Task FilteringByRatingShowsOnlyThatRating(string rag, string letter, int count)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), $"{Children}?period=2017/18%20Q4&rag={rag}");
        var rows = MeasureRows(page);

        rows.Count.ShouldBe(count);
        rows.ShouldAllBe(r => r.Cell("Rating").Badge() == Page.Meaning(letter));
        page.Table("Childrens Services measures").QuerySelector("caption")!.Text().ShouldEndWith($"({count} of 21 shown)");
        page.QuerySelector("select#rag option[selected]")!.GetAttribute("value").ShouldBe(rag);
    }

    [Fact]
    public async Task FiltersCombineWithSegment()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), $"{Children}?period=2017/18%20Q4&rag=red&segment=P3");

        MeasureRows(page).Select(r => r.Header()).ShouldBe(["CS-ASM-01", "CS-CPV-01", "CS-LAC-01", "CS-SUP-01"]);
    }

    [Fact]
    public async Task AnotherQuarterShowsOtherFigures()
    {
        var client = app.Factory.CreateClient();
        var q2 = await Page.OkAsync(client, $"{Children}?period=2017/18%20Q2");
        var q4 = await Page.OkAsync(client, $"{Children}?period=2017/18%20Q4");

        q2.Table("Childrens Services measures, 2017/18 Q2").Row("CS-ASM-01").CellText("Latest").ShouldBe("84.6%");
        q4.Table("Childrens Services measures, 2017/18 Q4").Row("CS-ASM-01").CellText("Latest").ShouldBe("88.3%");
        q2.Table("Childrens Services measures").Row("CS-DEF-01").Cell("Rating").Badge().ShouldBe(Page.Meaning("A"));
        q4.Table("Childrens Services measures").Row("CS-DEF-01").Cell("Rating").Badge().ShouldBe(Page.Meaning("R"));
    }

    [Theory]
    [InlineData("/directorates/Climate%20%26%20Place", "Climate & Place")]
    [InlineData("/directorates/Strategy%2C%20Workforce%20%26%20Localities", "Strategy, Workforce & Localities")]
    public async Task NamesWithPunctuationOpen(string url, string name)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), url);

        page.QuerySelector("h1")!.Text().ShouldBe($"{name} scorecard, 2019/20 Q2");
    }

    [Fact]
    public async Task AnUnknownDirectorateIsNotFound()
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), "/directorates/Nowhere?period=2019/20%20Q2");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main")!.Text().ShouldContain("There is no directorate called 'Nowhere'.");
        page.QuerySelector("main a[href='/']").ShouldNotBeNull();
    }
}
