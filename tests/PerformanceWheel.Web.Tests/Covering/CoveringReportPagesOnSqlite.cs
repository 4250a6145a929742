using System.Net;
using AngleSharp.Html.Parser;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Admin;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Covering;

/// <summary>
/// The covering report's pages over HTTP: the officers' compose and sign-off page on the demo's Cabinet report for
/// 2019/20 Q2, and the Admin's template page; a wrong field is named next to it and in the summary, and nothing is saved.
/// </summary>
public sealed class CoveringReportPagesOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Cabinet = "/covering-reports?pack=Cabinet&period=2019/20%20Q2";

    [Fact]
    public async Task AnOfficerSeesTheReportAndWhichRolesHaveNotYetSignedOff()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);

        var page = await Page.OkAsync(officer, Cabinet);

        page.QuerySelector("h1")!.Text().ShouldBe("Cabinet, 2019/20 Q2");
        page.GetElementById("covering-forwardplanreference")!.GetAttribute("value").ShouldBe("FP/19/10/05");
        var signOffs = page.Table("Report sign-off");
        signOffs.Row("Asset Management").Text().ShouldContain("Not yet signed off");
        signOffs.Row("Communications").Text().ShouldContain("Chris Palmer, 23/10/2019");
        page.QuerySelector("a[download]")!.GetAttribute("href").ShouldBe("/reports/cabinet.pdf?period=2019%2F20%20Q2");
        foreach (var field in page.QuerySelectorAll("form input:not([type=hidden]), form textarea"))
        {
            page.QuerySelector($"label[for='{field.Id}']").ShouldNotBeNull($"{field.GetAttribute("name")} has a label");
        }
    }

    [Fact]
    public async Task AFieldTooLongIsNamedNextToItAndNothingIsSaved()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);

        var response = await PageForms.SubmitAsync(officer, Cabinet, "covering-report", new Dictionary<string, string>
        {
            ["Report.ForwardPlanReference"] = new string('F', 101),
            ["Report.Texts[2]"] = "Not kept.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        FrameworkForms.MessageNextTo(html, "Report.ForwardPlanReference").ShouldBe("Forward plan reference must be at most 100 characters; it has 101.");
        var document = new HtmlParser().ParseDocument(html);
        var link = document.QuerySelector(".error-summary a")!;
        document.GetElementById(link.GetAttribute("href")!.Split('#')[1])!.GetAttribute("name").ShouldBe("Report.ForwardPlanReference");
        var again = await Page.OkAsync(officer, Cabinet);
        again.GetElementById("covering-recommendations")!.TextContent.ShouldStartWith("The Cabinet is asked to endorse");
    }

    [Fact]
    public async Task ASignOffThenAChangeShowsTheChangeAgainstTheSignOff()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var page = await Page.OkAsync(officer, Cabinet);
        var row = page.QuerySelectorAll("input[name^='SignOff.Roles']").Select(i => i.GetAttribute("value")).ToList().IndexOf("Executive Lead Member");
        row.ShouldBeGreaterThanOrEqualTo(0);

        var signed = await PageForms.SubmitAsync(officer, Cabinet, page, "sign-off", new Dictionary<string, string>
        {
            ["SignOff.Row"] = row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"SignOff.Names[{row}]"] = "Cllr Alex Morgan-Reed",
            [$"SignOff.Dates[{row}]"] = "2019-10-24",
        });
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await PageForms.SubmitAsync(officer, Cabinet, "covering-report", new Dictionary<string, string> { ["Report.Texts[10]"] = "A new climate note." });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await Page.OkAsync(officer, Cabinet);
        var lead = after.Table("Report sign-off").Row("Executive Lead Member").Text();
        lead.ShouldContain("Cllr Alex Morgan-Reed, 24/10/2019");
        lead.ShouldContain("Changed since signed off: Climate change and sustainability implications");
        after.Table("Report sign-off").Row("Communications").Text().ShouldContain("Changed since signed off: Climate");
        after.QuerySelector(".audit-history")!.Text().ShouldContain("Signed off");
    }

    [Fact]
    public async Task TheAdminsTemplateNamesAnEmptySignOffListNextToIt()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        var response = await PageForms.SubmitAsync(admin, "/admin/covering-report", "covering-template", new Dictionary<string, string> { ["Input.SignOffRoles"] = "  " });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        FrameworkForms.MessageNextTo(html, "Input.SignOffRoles").ShouldBe("The sign-off list needs at least one role, one a line.");
        FrameworkForms.ProblemDescribing(html, "Input.SignOffRoles").ShouldBe("The sign-off list needs at least one role, one a line.");
        (await Page.OkAsync(admin, "/admin/covering-report")).GetElementById("template-signoffroles")!.TextContent.ShouldContain("Consulted: Scrutiny Chairs (circulated)");
    }
}
