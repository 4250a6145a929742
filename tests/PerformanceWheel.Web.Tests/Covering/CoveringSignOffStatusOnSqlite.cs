using System.Net;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Covering;

/// <summary>
/// Sign-off where officers work: the tracker and the publish readiness show, per pack for the quarter, whether its covering
/// report exists and how many sign-off rows are signed, not yet signed off and changed since signed off, linking to it.
/// (Demo, 2019/20 Q2: the Cabinet's report has nine roles signed and one empty; no committee's report is started.)
/// </summary>
public sealed class CoveringSignOffStatusOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Caption = "Covering reports and sign-off for 2019/20 Q2 by pack";

    [Fact]
    public async Task TheTrackerShowsEachPacksCoveringReportAndItsSignOffLinkingToIt()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);

        var table = (await Page.OkAsync(officer, "/outturns?period=2019/20%20Q2")).Table(Caption);

        Cells(table.Row("Cabinet")).ShouldBe(["Cabinet", "Started", "9", "1", "0"]);
        table.Row("Cabinet").QuerySelector("a")!.GetAttribute("href").ShouldBe("/covering-reports?pack=Cabinet&period=2019%2F20%20Q2");
        Cells(table.Row("Scrutiny for Policies, Adults & Health")).ShouldBe(["Scrutiny for Policies, Adults & Health", "Not started", "–", "–", "–"]);
        table.Row("Scrutiny for Policies, Adults & Health").QuerySelector("a")!.GetAttribute("href").ShouldBe("/covering-reports?pack=Scrutiny%3AA%26H&period=2019%2F20%20Q2");
        table.QuerySelectorAll("tbody tr").Length.ShouldBe(4);
    }

    [Fact]
    public async Task APublishReadinessShowsTheSignOffAndAChangeAfterSignOffIsCounted()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        const string Report = "/covering-reports?pack=Scrutiny%3AP&period=2019/20%20Q2";
        (await PageForms.SubmitAsync(officer, Report, "covering-start", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await Page.OkAsync(officer, Report);
        var roles = page.QuerySelectorAll("input[name^='SignOff.Roles']").Select(i => i.GetAttribute("value")).ToList();
        var row = roles.IndexOf("Legal & Governance Implications").ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await PageForms.SubmitAsync(officer, Report, page, "sign-off", new Dictionary<string, string>
        {
            ["SignOff.Row"] = row, [$"SignOff.Names[{row}]"] = "Sam Legal", [$"SignOff.Dates[{row}]"] = "2019-10-20",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        const string Readiness = "/outturns/Adults%20Services?period=2019/20%20Q2";

        Cells((await Page.OkAsync(officer, Readiness)).Table(Caption).Row("Scrutiny for Policies and Place"))
            .ShouldBe(["Scrutiny for Policies and Place", "Started", "1", (roles.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "0"]);

        (await PageForms.SubmitAsync(officer, Report, "covering-report", new Dictionary<string, string> { ["Report.Texts[2]"] = "A changed summary." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Cells((await Page.OkAsync(officer, Readiness)).Table(Caption).Row("Scrutiny for Policies and Place"))
            .ShouldBe(["Scrutiny for Policies and Place", "Started", "0", (roles.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "1 sign again"]);
    }

    [Fact]
    public async Task ADirectorWhoCannotOpenTheCoveringReportsIsNotShownThem()
    {
        var director = await SignedInClient.AsAsync(app.Factory, Roles.Director);

        var page = await Page.OkAsync(director, "/outturns?period=2019/20%20Q2");

        page.QuerySelectorAll("caption").Select(c => c.TextContent).ShouldNotContain(Caption);
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("th, td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];
}
