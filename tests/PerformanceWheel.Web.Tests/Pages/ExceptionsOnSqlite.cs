using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>Seed 003's critical items with their remedial actions, and the measures that are Red or declining.</summary>
public sealed partial class ExceptionsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex Count();

    private static string Dd(IElement article, string term) =>
        article.QuerySelectorAll("dt").Single(dt => dt.Text() == term).NextElementSibling!.Text();

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task ListsEveryCriticalItemOfSeedThreeWithIssueAndRemedialAction()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/exceptions?period=2017/18%20Q4");
        var articles = page.QuerySelectorAll("article.critical").ToList();
        var items = DemoSeed.Array("criticalItems").Where(i => i.Text("period") == "2017/18 Q4").ToList();

        items.Count.ShouldBe(15);
        articles.Count.ShouldBe(items.Count);
        foreach (var item in items)
        {
            var code = item.Text("measure")!;
            var article = articles.SingleOrDefault(a => a.QuerySelector("h3")!.Text().StartsWith($"{code} ", StringComparison.Ordinal));
            article.ShouldNotBeNull(code);
            Dd(article, "Issue").ShouldBe(Collapse(item.Text("issue")!), code);
            Dd(article, "Remedial action").ShouldBe(Collapse(item.Text("remedialAction")!), code);
            Dd(article, "Owner").ShouldBe("Executive Management Team", code);
            Page.Parse(article.QuerySelector("h3")!.Href()).Path.ShouldBe($"/measures/{code}");
        }
    }

    [Fact]
    public async Task ListsSeedThreesMeasuresAsRedWithTheirCriticalItem()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/exceptions?period=2017/18%20Q4");
        var table = page.Table("Areas requiring improvement, 2017/18 Q4");

        foreach (var code in DemoSeed.Array("criticalItems").Select(i => i.Text("measure")!))
        {
            var row = table.Row(code);
            row.Cell("Rating").Badge().ShouldBe(Page.Meaning("R"), code);
            row.CellText("Critical item").ShouldBe("Yes, see below", code);
        }

        table.Row("CP-PLAN-01").CellText("Latest").ShouldBe("71.0%");
        table.Row("CP-PLAN-01").CellText("Target").ShouldBe("80.0%");
        table.Row("COM-WHQS-01").CellText("Latest").ShouldBe("120");
    }

    [Fact]
    public async Task ListsEveryRedMeasureOfTheQuarterRedFirst()
    {
        var client = app.Factory.CreateClient();
        var page = await Page.OkAsync(client, "/exceptions?period=2017/18%20Q4");
        var directorates = await Page.OkAsync(client, "/directorates?period=2017/18%20Q4");
        var letters = page.Table("Areas requiring improvement").Rows().Select(r => r.Cell("Rating").Letter()).ToList();

        var redAcrossTheCouncil = int.Parse(
            Count().Match(directorates.Table("Key performance indicators by directorate").Row("All directorates").CellText("Red")).Groups[1].Value,
            CultureInfo.InvariantCulture);
        letters.Count(l => l == "R").ShouldBe(redAcrossTheCouncil);
        letters.TakeWhile(l => l == "R").Count().ShouldBe(redAcrossTheCouncil);
    }

    [Fact]
    public async Task MeasuresThatAreNotRedAreListedBecauseTheyDeclined()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/exceptions?period=2017/18%20Q4");
        var notRed = page.Table("Areas requiring improvement").Rows().Where(r => r.Cell("Rating").Letter() != "R").ToList();

        notRed.ShouldNotBeEmpty();
        foreach (var row in notRed)
        {
            row.Cell("Direction").QuerySelector(".visually-hidden")!.Text().ShouldStartWith("Declining", customMessage: row.Header());
        }
    }

    [Fact]
    public async Task AQuarterWithoutCriticalItemsSaysSo()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/exceptions?period=2017/18%20Q3");

        page.QuerySelectorAll("article.critical").ShouldBeEmpty();
        page.QuerySelector("main")!.Text().ShouldContain("No critical items were raised for 2017/18 Q3.");
        page.QuerySelector("h1")!.Text().ShouldBe("Exceptions, 2017/18 Q3");
    }
}
