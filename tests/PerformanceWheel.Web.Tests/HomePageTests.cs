using System.Net;
using PerformanceWheel.Data;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Web.Tests;

/// <summary>The home page (the wheel's summary) for the demo council on SQLite.</summary>
public sealed class HomePageOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task OpensOnTheLatestQuarterOfTheDemoCouncil()
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), "/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Performance wheel, 2019/20 Q2");
        page.QuerySelector("html")!.GetAttribute("lang").ShouldBe("en-GB");
    }

    [Fact]
    public async Task ShowsSeedZerosRatingsForTheSecondQuarterOf2017()
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        RatingCell(page, "P3").ShouldContain("Red: off target and outside tolerance");
        RatingCell(page, "P1").ShouldContain("Amber: off target but within tolerance");
        RatingCell(page, "C4").ShouldContain("Red");
        Html.Row(page, "C4").TextContent.ShouldContain("Judged Red");
    }

    [Fact]
    public async Task ReproducesSeedZerosSummaryTable()
    {
        var (_, page) = await Html.GetAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2");

        Cells(Html.Row(page, "The People's Priorities")).ShouldBe(["3", "3", "1", "5", "2", "0"]);
        Cells(Html.Row(page, "The Council")).ShouldBe(["2", "1", "1", "1", "3", "0"]);
        Cells(Html.Row(page, "Vision Volunteers")).ShouldBe(["1", "0", "0", "0", "1", "0"]);
        Cells(Html.Row(page, "Totals")).ShouldBe(["6", "4", "2", "6", "6", "0"]);
        Cells(Html.Row(page, "As percentage")).ShouldBe(["50%", "33%", "17%", "50%", "50%", "0%"]);
    }

    [Fact]
    public async Task ChangingThePeriodChangesTheFigures()
    {
        var client = app.Factory.CreateClient();
        var (_, q1) = await Html.GetAsync(client, "/?period=2017/18%20Q1");
        var (_, q2) = await Html.GetAsync(client, "/?period=2017/18%20Q2");

        RatingCell(q1, "P1").ShouldContain("Red");
        RatingCell(q2, "P1").ShouldContain("Amber");
    }

    [Theory]
    [InlineData("/?period=1999/00%20Q1")]
    [InlineData("/?period=2019/20%20Q9")]
    [InlineData("/?period=not-a-period")]
    public async Task UnknownPeriodGivesNotFoundWithAWayBack(string url)
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main a[href='/']").ShouldNotBeNull();
    }

    [Fact]
    public async Task UnknownAddressGivesTheNotFoundPage()
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), "/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }

    [Fact]
    public async Task HealthReportsTheDatabase()
    {
        var response = await app.Factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("\"status\": \"Healthy\"");
        body.ShouldContain("\"name\": \"database\"");
    }

    private static string RatingCell(AngleSharp.Dom.IDocument page, string code) => Html.Row(page, code).QuerySelectorAll("td")[3].TextContent;

    private static string[] Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
}

/// <summary>The same app on a real PostgreSQL server.</summary>
public sealed class HomePageOnPostgreSql
{
    [PostgreSqlFact]
    public async Task MigratesLoadsTheDemoCouncilAndServesTheWheel()
    {
        await using var factory = new AppFactory(await TestDatabases.CreatePostgreSqlAsync());
        var (response, page) = await Html.GetAsync(factory.CreateClient(), "/?period=2017/18%20Q2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Row(page, "P3").QuerySelectorAll("td")[3].TextContent.ShouldContain("Red");
        var health = await factory.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative));
        health.ShouldContain("Healthy");
        factory.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
    }
}
