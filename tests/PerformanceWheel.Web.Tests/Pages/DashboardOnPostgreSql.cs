using PerformanceWheel.Data;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>One app on a real PostgreSQL server with the demo council, shared by a class; nothing is started without a server.</summary>
public sealed class PostgreSqlApp : IAsyncLifetime
{
    public AppFactory Factory => Started ?? throw new InvalidOperationException($"{TestDatabases.PostgreSqlVariable} is not set.");

    private AppFactory? Started { get; set; }

    public async Task InitializeAsync()
    {
        if (TestDatabases.PostgreSqlAdminConnectionString is null)
        {
            return;
        }

        Started = new AppFactory(await TestDatabases.CreatePostgreSqlAsync());
        _ = Started.Server;
    }

    public async Task DisposeAsync()
    {
        if (Started is not null)
        {
            await Started.DisposeAsync();
        }
    }
}

/// <summary>The dashboard pages on PostgreSQL show the same seed figures as on SQLite.</summary>
public sealed class DashboardOnPostgreSql(PostgreSqlApp app) : IClassFixture<PostgreSqlApp>
{
    [PostgreSqlFact]
    public async Task TheWheelShowsSeedZerosRatings()
    {
        app.Factory.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/?period=2017/18%20Q2");

        page.QuerySelectorAll("svg.wheel path.sector").Length.ShouldBe(12);
        page.QuerySelector("svg.wheel desc")!.Text().ShouldBe(
            "12 segments: P1 Amber; P2 Amber; P3 Red; P4 Amber; P5 Green; P6 Green; P7 Green; C1 Green; C2 Green; C3 Amber; C4 Red; V1 Green.");
        page.Table("Segments of The Council").Row("C4").Cell("Suggested").Badge().ShouldBe(Page.Meaning("G"));
    }

    [PostgreSqlFact]
    public async Task TheScorecardShowsSeedTwosHealthVisitorFigure()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/directorates/Public%20Health?period=2019/20%20Q1");
        var row = page.Table("Public Health measures, 2019/20 Q1").Row("PH-HV-01");

        row.CellText("Latest").ShouldBe("85.1%");
        row.CellText("Target").ShouldBe("90.0%");
        row.Cell("Rating").Badge().ShouldBe(Page.Meaning("A"));
    }

    [PostgreSqlFact]
    public async Task TheMeasurePageShowsSeedTwosTrend()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-HV-01?period=2019/20%20Q1");
        var rows = page.QuerySelectorAll(".trend table tbody tr");

        rows.Select(r => r.CellText("Value")).ShouldBe(["84.8%", "91.7%", "94.9%", "92.1%", "93.0%", "94.0%", "89.5%", "85.1%"]);
        rows.Select(r => r.Cell("Rating").Letter()).ShouldBe(["A", "G", "G", "G", "G", "G", "A", "A"]);
    }

    [PostgreSqlFact]
    public async Task TheMonthlyMeasureShowsItsSeptemberFigure()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/ASC-CQC-01?period=Sep-19");

        page.QuerySelector(".latest")!.Text().ShouldContain("Sep-19: 87.80%");
        page.QuerySelector(".latest")!.Badge().ShouldBe(Page.Meaning("A"));
    }

    [PostgreSqlFact]
    public async Task FinanceShowsSeedFoursBudgets()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/finance");
        var table = page.Table("Net expenditure against budget by service area, 2016/17 Q4");

        table.Row("Adult Services").CellText("Approved budget £m").ShouldBe("317.674");
        table.Row("Adult Services").CellText("Forecast variance £m").ShouldBe("+4.341");
        table.Row("Total").CellText("Forecast outturn £m").ShouldBe("693.479");
        table.Row("Total").CellText("Variance %").ShouldBe("-3%");
    }

    [PostgreSqlFact]
    public async Task ExceptionsListSeedThreesCriticalItems()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/exceptions?period=2017/18%20Q4");

        page.QuerySelectorAll("article.critical").Length.ShouldBe(15);
        page.Table("Areas requiring improvement").Row("CS-DEF-01").Cell("Rating").Badge().ShouldBe(Page.Meaning("R"));
    }

    [PostgreSqlFact]
    public async Task TheComparisonShowsSeedZerosGrid()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/comparison?period=2017/18%20Q2");
        var row = page.Table("Segment ratings by quarter").Row("P1");

        row.Cell("2017/18 Q1").Badge().ShouldBe(Page.Meaning("R"));
        row.Cell("2017/18 Q2").Badge().ShouldBe(Page.Meaning("A"));
    }
}
