using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>Seed 001's table: each directorate's KPIs, KPIs with RAG, and Red/Amber/Green as "% (n)".</summary>
public sealed partial class DirectoratesOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] SeedOneDirectorates =
    [
        "Adults Services", "Childrens Services", "Climate & Place", "Community Services", "Public Health",
        "Resources & Corporate Services", "Strategy, Workforce & Localities",
    ];

    [GeneratedRegex(@"^(\d+)% \((\d+)\)$")]
    private static partial Regex PercentAndCount();

    private static int Number(IElement row, string column) => int.Parse(row.CellText(column), CultureInfo.InvariantCulture);

    [Fact]
    public async Task ListsSeedOnesSevenDirectorates()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/directorates");
        var table = page.Table("Key performance indicators by directorate");

        table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.Text()).ShouldBe(SeedOneDirectorates);
        table.Columns().ShouldBe(["Directorate", "No of KPIs", "KPIs with RAG", "Red", "Amber", "Green", "Blue"]);
    }

    [Theory]
    [InlineData("2017/18 Q2")]
    [InlineData("2017/18 Q4")]
    [InlineData("2019/20 Q1")]
    [InlineData("2019/20 Q2")]
    public async Task EachRowsPercentagesAndCountsAddUp(string period)
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), Page.Url("/directorates", period));
        var rows = page.Table($"Key performance indicators by directorate, {period}").Rows();

        rows.Count.ShouldBe(8);
        foreach (var row in rows)
        {
            var kpis = Number(row, "No of KPIs");
            var withRag = Number(row, "KPIs with RAG");
            var blue = Number(row, "Blue");
            withRag.ShouldBeLessThanOrEqualTo(kpis - blue, row.Header());

            var counts = 0;
            var percents = 0;
            foreach (var column in new[] { "Red", "Amber", "Green" })
            {
                var text = row.CellText(column);
                if (withRag == 0)
                {
                    text.ShouldBeEmpty($"{row.Header()} {column}: nothing rated, so no share");
                    continue;
                }

                var match = PercentAndCount().Match(text);
                match.Success.ShouldBeTrue($"{row.Header()} {column}: '{text}' should read like '75% (6)'");
                var percent = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var count = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                percent.ShouldBe((int)Math.Round(count * 100m / withRag, MidpointRounding.AwayFromZero), $"{row.Header()} {column}");
                counts += count;
                percents += percent;
            }

            if (withRag > 0)
            {
                counts.ShouldBe(withRag, $"{row.Header()}: Red + Amber + Green = KPIs with RAG");
                percents.ShouldBeInRange(99, 101, row.Header());
            }
        }

        var directorates = rows.Where(r => r.Header() != "All directorates").ToList();
        var all = rows.Single(r => r.Header() == "All directorates");
        Number(all, "No of KPIs").ShouldBe(directorates.Sum(r => Number(r, "No of KPIs")));
        Number(all, "KPIs with RAG").ShouldBe(directorates.Sum(r => Number(r, "KPIs with RAG")));
        Number(all, "Blue").ShouldBe(directorates.Sum(r => Number(r, "Blue")));
    }

    [Fact]
    public async Task EachDirectorateOpensItsScorecardWithTheSameCounts()
    {
        var client = app.Factory.CreateClient();
        var page = await Page.OkAsync(client, "/directorates?period=2017/18%20Q4");

        foreach (var row in page.Table("Key performance indicators by directorate").QuerySelectorAll("tbody tr"))
        {
            var href = row.QuerySelector("th")!.Href();
            var (path, query) = Page.Parse(href);
            path.ShouldBe($"/directorates/{row.Header()}");
            query["period"].ShouldBe("2017/18 Q4");

            var scorecard = await Page.OkAsync(client, href);
            scorecard.QuerySelector("h1")!.Text().ShouldBe($"{row.Header()} scorecard, 2017/18 Q4");
            scorecard.QuerySelector(".summary-line")!.Text().ShouldStartWith($"{row.CellText("No of KPIs")} KPIs, {row.CellText("KPIs with RAG")} with a rating");
            scorecard.Table($"{row.Header()} measures, 2017/18 Q4").QuerySelectorAll("tbody tr").Length.ShouldBe(int.Parse(row.CellText("No of KPIs"), CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task AnotherQuarterGivesOtherCounts()
    {
        var client = app.Factory.CreateClient();
        var q2 = await Page.OkAsync(client, "/directorates?period=2017/18%20Q2");
        var q4 = await Page.OkAsync(client, "/directorates?period=2017/18%20Q4");

        // Seed 003's children's measures all fall to Red by 2017/18 Q4.
        var red2 = q2.Table("Key performance indicators by directorate").Row("Childrens Services").CellText("Red");
        var red4 = q4.Table("Key performance indicators by directorate").Row("Childrens Services").CellText("Red");
        red2.ShouldBe("29% (6)");
        red4.ShouldBe("48% (10)");
    }
}
