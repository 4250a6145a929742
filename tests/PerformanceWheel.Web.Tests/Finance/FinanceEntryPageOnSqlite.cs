using System.Net;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Finance;

/// <summary>
/// Issue 18: finance could only come from the demo loader. An officer enters a quarter's budget lines and position
/// statement on /finance/entry; a bad number names its line and field and changes nothing; every change is audited.
/// </summary>
public sealed class FinanceEntryPageOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Url(string quarter) => $"/finance/entry?period={Uri.EscapeDataString(quarter)}";

    [Fact]
    public async Task AnOfficerEntersLinesAndThePositionAndEachIsAudited()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var response = await PageForms.SubmitAsync(officer, Url("2021/22 Q1"), "finance", new Dictionary<string, string>
        {
            ["Lines[0].ServiceArea"] = "Adult Services", ["Lines[0].ApprovedBudget"] = "317.674", ["Lines[0].ForecastOutturn"] = "£322.015",
            ["Lines[1].ServiceArea"] = "Children's Services", ["Lines[1].ApprovedBudget"] = "1,119.421", ["Lines[1].ForecastOutturn"] = "1,132.428",
            ["Variance"] = "-1.2", ["Rag"] = "Amber", ["Commentary"] = "Pressures in placements offset by vacancies.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FinanceTestData.LinesAsync(app.Factory, "2021/22 Q1")).ShouldBe(["Adult Services: 317.674 / 322.015", "Children's Services: 1119.421 / 1132.428"]);
        (await FinanceTestData.AuditAsync(app.Factory, "2021/22 Q1")).ShouldBe(
        [
            "Created | Budget line | 2021/22 Q1 Adult Services | Service area: Adult Services; Approved budget £m: 317.674; Forecast outturn £m: 322.015",
            "Created | Budget line | 2021/22 Q1 Children's Services | Service area: Children's Services; Approved budget £m: 1119.421; Forecast outturn £m: 1132.428",
            "Created | Budget position | 2021/22 Q1 | Variance £m: -1.2; Rating: Amber; Commentary: Pressures in placements offset by vacancies.",
        ]);

        var page = await Page.OkAsync(officer, new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery);
        page.QuerySelector("div.notice")!.Text().ShouldContain("2021/22 Q1 finance saved: 2 lines added, position statement created.");
        var first = page.Table("Budget lines by service area, 2021/22 Q1").QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.Text()).ToList();
        first[3].ShouldBe("+4.341", "variance worked out on save");
        first[4].ShouldBe("1%");
    }

    [Fact]
    public async Task ABadNumberNamesItsLineAndFieldAndNothingIsSaved()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var response = await PageForms.SubmitAsync(officer, Url("2021/22 Q2"), "finance", new Dictionary<string, string>
        {
            ["Lines[0].ServiceArea"] = "Adult Services", ["Lines[0].ApprovedBudget"] = "317.674", ["Lines[0].ForecastOutturn"] = "322.015",
            ["Lines[1].ServiceArea"] = "Children's Services", ["Lines[1].ApprovedBudget"] = "119.421", ["Lines[1].ForecastOutturn"] = "12,34",
            ["Variance"] = "a lot", ["Rag"] = "Amber",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, page) = await Html.GetAsync(officer, Url("2021/22 Q2"));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var summary = document.QuerySelector(".error-summary")!.Text();
        summary.ShouldContain("Nothing was saved: 2 problems");
        summary.ShouldContain("Line 2 (Children's Services): Forecast outturn: '12,34' is not a number: use a full stop for decimals");
        summary.ShouldContain("Budget position: Variance: 'a lot' is not a number");
        var forecast = document.GetElementById("line-1-forecastoutturn")!;
        forecast.GetAttribute("aria-invalid").ShouldBe("true");
        forecast.GetAttribute("value").ShouldBe("12,34", "what the officer typed is kept");
        document.GetElementById("line-1-forecastoutturn-error")!.Text().ShouldStartWith("Forecast outturn: '12,34'");
        document.QuerySelector("label[for=line-1-forecastoutturn]")!.Text().ShouldBe("Forecast outturn £m, line 2");
        (await FinanceTestData.LinesAsync(app.Factory, "2021/22 Q2")).ShouldBeEmpty();
        (await FinanceTestData.AuditAsync(app.Factory, "2021/22 Q2")).ShouldBeEmpty();
        page.QuerySelector(".error-summary").ShouldBeNull();
    }

    [Fact]
    public async Task LinesAreChangedAndRemovedWithTheirBeforeAndAfterAudited()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        (await PageForms.SubmitAsync(officer, Url("2021/22 Q3"), "finance", new Dictionary<string, string>
        {
            ["Lines[0].ServiceArea"] = "Commissioning", ["Lines[0].ApprovedBudget"] = "46.649", ["Lines[0].ForecastOutturn"] = "42.47",
            ["Lines[1].ServiceArea"] = "Chief Executive", ["Lines[1].ApprovedBudget"] = "30.603", ["Lines[1].ForecastOutturn"] = "0.826",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Rows are sorted by service area: Chief Executive is line 1, Commissioning line 2.
        var changed = await PageForms.SubmitAsync(officer, Url("2021/22 Q3"), "finance", new Dictionary<string, string>
        {
            ["Lines[0].Remove"] = "true",
            ["Lines[1].ForecastOutturn"] = "44.1",
        });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FinanceTestData.LinesAsync(app.Factory, "2021/22 Q3")).ShouldBe(["Commissioning: 46.649 / 44.1"]);
        var audit = await FinanceTestData.AuditAsync(app.Factory, "2021/22 Q3");
        audit.ShouldContain("Updated | Budget line | 2021/22 Q3 Commissioning | Forecast outturn £m: 42.47 → 44.1");
        audit.ShouldContain("Removed | Budget line | 2021/22 Q3 Chief Executive | Service area: Chief Executive; Approved budget £m: 30.603; Forecast outturn £m: 0.826");
    }

    [Fact]
    public async Task ANewQuarterStartsFromTheLastQuartersServiceAreasAndBudgets()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var page = await Page.OkAsync(officer, Url("2017/18 Q1"));
        var start = page.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Start from 2016/17 Q4", StringComparison.Ordinal));

        var started = await Page.OkAsync(officer, start.GetAttribute("href")!);

        started.GetElementById("line-0-servicearea")!.GetAttribute("value").ShouldBe("Adult Services");
        started.GetElementById("line-0-approvedbudget")!.GetAttribute("value").ShouldBe("317.674");
        started.GetElementById("line-0-forecastoutturn")!.GetAttribute("value").ShouldBeNullOrEmpty();
        (await FinanceTestData.LinesAsync(app.Factory, "2017/18 Q1")).ShouldBeEmpty("nothing is saved until the form is");
    }

    [Theory]
    [InlineData(Roles.Councillor)]
    [InlineData(Roles.Director)]
    public async Task OnlyOfficersAndAdminsOpenTheEntryPage(string role)
    {
        var client = await SignedInClient.AsAsync(app.Factory, role);

        var response = await client.GetAsync(new Uri(Url("2021/22 Q1"), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }
}
