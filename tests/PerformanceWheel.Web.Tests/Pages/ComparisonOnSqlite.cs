using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>Seed 000 §4.4: each segment's rating in every quarter of a year and the previous year's Q4.</summary>
public sealed class ComparisonOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Columns2017 = ["2016/17 Q4", "2017/18 Q1", "2017/18 Q2", "2017/18 Q3", "2017/18 Q4"];

    [Fact]
    public async Task ListsTheCountyPlanSegmentsAgainstTheQuartersOf2017()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/comparison?period=2017/18%20Q2");
        var table = page.Table("Segment ratings by quarter, 2017/18");

        page.QuerySelector("h1")!.Text().ShouldBe("Quarter comparison, 2017/18");
        table.Columns().ShouldBe(new[] { "Segment group", "Segment" }.Concat(Columns2017));
        table.Rows().Select(r => r.Header()).ShouldBe(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "C1", "C2", "C3", "C4", "V1"]);
        table.QuerySelectorAll("th[scope=rowgroup]").Select(th => th.Text()).ShouldBe(["The People's Priorities", "The Council", "Vision Volunteers"]);
    }

    // Seed 000 §4.4's grid: "Apr - Jul" (2017/18 Q1) and Q2, as judged.
    [Theory]
    [InlineData("P1", "R", "A")]
    [InlineData("P2", "A", "A")]
    [InlineData("P3", "R", "R")]
    [InlineData("P4", "A", "A")]
    [InlineData("P5", "G", "G")]
    [InlineData("P6", "G", "G")]
    [InlineData("P7", "G", "G")]
    [InlineData("C1", "G", "G")]
    [InlineData("C2", "G", "G")]
    [InlineData("C3", "A", "A")]
    [InlineData("C4", "R", "R")]
    [InlineData("V1", "G", "G")]
    public async Task ReproducesSeedZerosGridForQ1AndQ2(string code, string q1, string q2)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/comparison?period=2017/18%20Q2");
        var row = page.Table("Segment ratings by quarter").Row(code);

        row.Cell("2017/18 Q1").Badge().ShouldBe(Page.Meaning(q1));
        row.Cell("2017/18 Q1").Letter().ShouldBe(q1);
        row.Cell("2017/18 Q2").Badge().ShouldBe(Page.Meaning(q2));
    }

    [Fact]
    public async Task EveryQuarterOf2017HasFiguresSoEveryCellHasABadge()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/comparison?period=2017/18%20Q2");

        foreach (var row in page.Table("Segment ratings by quarter").Rows())
        {
            foreach (var column in Columns2017)
            {
                row.Cell(column).QuerySelector(".rag").ShouldNotBeNull($"{row.Header()} {column}");
            }
        }
    }

    [Fact]
    public async Task QuartersAfterTheLatestAreEmpty()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/comparison?period=2019/20%20Q2");
        var table = page.Table("Segment ratings by quarter, 2019/20");

        table.Rows().Count.ShouldBe(19);
        foreach (var row in table.Rows())
        {
            foreach (var reported in new[] { "2018/19 Q4", "2019/20 Q1", "2019/20 Q2" })
            {
                row.Cell(reported).Letter().ShouldBeOneOf("R", "A", "G", "B", "–");
            }

            foreach (var toCome in new[] { "2019/20 Q3", "2019/20 Q4" })
            {
                row.Cell(toCome).QuerySelector(".rag").ShouldBeNull($"{row.Header()} {toCome}");
                row.CellText(toCome).ShouldBe("Not yet reported");
            }
        }
    }

    [Fact]
    public async Task OpensOnTheLatestYear()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/comparison");

        page.QuerySelector("h1")!.Text().ShouldBe("Quarter comparison, 2019/20");
    }

    [Fact]
    public async Task SegmentLinksKeepTheQuarter()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/comparison?period=2017/18%20Q2");

        var (path, query) = Page.Parse(page.Table("Segment ratings by quarter").Row("P3").QuerySelector("th[scope=row]")!.Href());
        path.ShouldBe("/segments/P3");
        query["period"].ShouldBe("2017/18 Q2");
    }
}
