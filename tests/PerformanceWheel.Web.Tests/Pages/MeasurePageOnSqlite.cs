using System.Net;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>A measure's page: its definition, latest figure, eight-period trend (chart and table) and commentary.</summary>
public sealed class MeasurePageOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Fact(IDocument page, string term) =>
        page.QuerySelectorAll("dl.facts > div").Single(d => d.QuerySelector("dt")!.Text() == term).QuerySelector("dd")!.Text();

    private static List<IElement> TrendRows(IDocument page) => page.QuerySelectorAll(".trend table tbody tr").ToList();

    [Fact]
    public async Task ShowsSeedTwosHealthVisitorTrend()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2019/20%20Q1");
        var rows = TrendRows(page);

        page.QuerySelector("h1")!.Text().ShouldBe("Health visitor new birth visits within 14 days");
        rows.Select(r => r.Header()).ShouldBe(
            ["2017/18 Q2", "2017/18 Q3", "2017/18 Q4", "2018/19 Q1", "2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1"]);
        rows.Select(r => r.CellText("Value")).ShouldBe(["84.8%", "91.7%", "94.9%", "92.1%", "93.0%", "94.0%", "89.5%", "85.1%"]);
        rows.Select(r => r.Cell("Rating").Letter()).ShouldBe(["A", "G", "G", "G", "G", "G", "A", "A"]);
        rows.ShouldAllBe(r => r.CellText("Target") == "90.0%");
        rows[^1].Cell("Rating").Badge().ShouldBe(Page.Meaning("A"));
    }

    [Fact]
    public async Task StatesTheDefinitionTargetAndLatestFigure()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2019/20%20Q1");

        page.QuerySelector(".latest")!.Badge().ShouldBe(Page.Meaning("A"));
        page.QuerySelector(".latest > span:not(.rag)")!.Text().ShouldBe("2019/20 Q1: 85.1%");
        Fact(page, "Target (2019/20)").ShouldBe("90.0%");
        Fact(page, "Tolerance").ShouldBe("10% of the target");
        Fact(page, "Polarity").ShouldBe("Higher is better");
        Fact(page, "Reported").ShouldBe("Quarterly");
        page.QuerySelector("main .caption")!.Text().ShouldBe("Measure PH-HV-01 · Public Health · Committees: C&F");
    }

    [Fact]
    public async Task TheChartIsAnImageWithATextDescriptionOfEveryValue()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2019/20%20Q1");
        var chart = page.QuerySelector("svg.trend-chart")!;
        var labelledBy = chart.GetAttribute("aria-labelledby")!.Split(' ');

        chart.GetAttribute("role").ShouldBe("img");
        page.GetElementById(labelledBy[0])!.Text().ShouldBe("Health visitor new birth visits within 14 days: trend over 8 periods");
        page.GetElementById(labelledBy[1])!.Text().ShouldBe(
            "2017/18 Q2: 84.8% (Amber); 2017/18 Q3: 91.7% (Green); 2017/18 Q4: 94.9% (Green); 2018/19 Q1: 92.1% (Green); " +
            "2018/19 Q2: 93.0% (Green); 2018/19 Q3: 94.0% (Green); 2018/19 Q4: 89.5% (Amber); 2019/20 Q1: 85.1% (Amber). Target 90.0%.");
        chart.QuerySelectorAll("text.point-letter").Select(t => t.Text()).ShouldBe(["A", "G", "G", "G", "G", "G", "A", "A"]);
    }

    [Fact]
    public async Task TheChartsValueAxisFallsAtRoundValuesAsThePacksDo()
    {
        // Figures 84.8% to 94.9% and a 90% target: a step of 5 from 80 to 95 (AxisScale, the packs' rule), not quarters of a padded range.
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2019/20%20Q1");

        var axis = page.QuerySelectorAll("svg.trend-chart text.axis[text-anchor=end]").Select(t => t.Text()).ToList();

        axis.ShouldBe(["80%", "85%", "90%", "95%"]);
    }

    [Fact]
    public async Task ShowsTheCommentaryRecordedWithAFigure()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2019/20%20Q1");
        var commentary = DemoSeed.Measure("PH-HV-01").GetProperty("outturns").EnumerateArray().Single(o => o.Text("period") == "2019/20 Q1").Text("commentary")!;

        var section = page.QuerySelectorAll("section.commentary").Single();
        section.QuerySelector("h3")!.Text().ShouldBe("2019/20 Q1");
        section.QuerySelector("p")!.Text().ShouldBe(commentary);
    }

    [Fact]
    public async Task WithoutAPeriodShowsTheLatestFigure()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01");

        TrendRows(page)[^1].Header().ShouldBe("2019/20 Q1");
        TrendRows(page)[^1].CellText("Value").ShouldBe("85.1%");
    }

    [Fact]
    public async Task AnotherPeriodEndsTheTrendThere()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2018/19%20Q2");
        var rows = TrendRows(page);

        rows[^1].Header().ShouldBe("2018/19 Q2");
        rows[^1].CellText("Value").ShouldBe("93.0%");
        rows[^1].Cell("Rating").Badge().ShouldBe(Page.Meaning("G"));
        rows[0].CellText("Value").ShouldBe("–");
    }

    [Fact]
    public async Task AMonthlyMeasureShowsItsMonths()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/ASC-CQC-01?period=Sep-19");
        var rows = TrendRows(page);

        page.QuerySelector("h1")!.Text().ShouldBe("Percentage of Good/Outstanding CQC rated provision (adult social care)");
        rows.Select(r => r.Header()).ShouldBe(["Feb-19", "Mar-19", "Apr-19", "May-19", "Jun-19", "Jul-19", "Aug-19", "Sep-19"]);
        rows.Select(r => r.CellText("Value")).ShouldBe(["92.50%", "92.50%", "92.10%", "92.20%", "92.20%", "89.90%", "89.20%", "87.80%"]);
        rows.Select(r => r.Cell("Rating").Letter()).ShouldBe(["G", "G", "G", "G", "G", "A", "A", "A"]);
        page.QuerySelector(".latest")!.Text().ShouldContain("Sep-19: 87.80%");
        Fact(page, "Reported").ShouldBe("Monthly; by quarter as the quarter's last month");
        Fact(page, "Benchmarks").ShouldContain("National comparator: 82.70%");
        page.QuerySelector("section.commentary h3")!.Text().ShouldBe("Sep-19");
    }

    [Fact]
    public async Task AMonthlyMeasureOpensFromAQuarterlyLink()
    {
        // Scorecards, segment pages and exceptions link every measure with the quarter (?period=2019/20 Q2).
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), "/measures/ASC-CQC-01?period=2019/20%20Q2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".latest")!.Badge().ShouldBe(Page.Meaning("A"));
        page.QuerySelector(".latest")!.Text().ShouldEndWith(": 87.80%");
    }

    [Fact]
    public async Task EveryPeriodInTheTrendTableOpens()
    {
        // Seed 003's sickness measure has figures for 2017/18 only, so its 2017/18 Q4 trend starts with four empty quarters.
        var client = app.Factory.CreateClient();
        var page = await Page.OkAsync(client, "/measures/SWL-SICK-01?period=2017/18%20Q4");
        var broken = new List<string>();
        var links = page.QuerySelectorAll(".trend table tbody th a");

        links.ShouldNotBeEmpty();
        foreach (var link in links)
        {
            var (response, _) = await Html.GetAsync(client, link.Href());
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{link.Text()} → {(int)response.StatusCode}");
            }
        }

        broken.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/measures/NOPE", "There is no measure with the code 'NOPE'.")]
    [InlineData("/measures/NOPE?period=2019/20%20Q1", "There is no measure with the code 'NOPE'.")]
    [InlineData("/measures/PH-HV-01?period=not-a-period", "'not-a-period' is not a period")]
    [InlineData("/measures/PH-HV-01?period=2010/11%20Q1", "Measure PH-HV-01 has no figures up to 2010/11 Q1.")]
    public async Task UnknownMeasureOrPeriodIsNotFound(string url, string message)
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main")!.Text().ShouldContain(message);
        page.QuerySelector("main a[href='/']").ShouldNotBeNull();
    }
}
