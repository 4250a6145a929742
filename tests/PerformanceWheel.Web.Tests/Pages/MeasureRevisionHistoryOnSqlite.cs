using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>
/// The measure page's history of changes to figures (old → new, who, when, why), newest first. Officers and directors
/// see every change; councillors and anonymous readers see corrections of published figures only, never a draft value.
/// </summary>
public sealed class MeasureRevisionHistoryOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Url = "/measures/PH-HV-01?period=2019/20%20Q1";

    [Fact]
    public async Task OfficersSeeEveryChangeAndCouncillorsOnlyCorrectionsOfPublishedFigures()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
            // A draft for 2019/20 Q3 entered and then changed: an edit revision of values nobody outside may see.
            await workflow.SaveAsync("Public Health", [new EntryInput("PH-HV-01", "2019/20 Q3", "77.7", null, false, null, null)], "officer@demo.council");
            await workflow.SaveAsync("Public Health", [new EntryInput("PH-HV-01", "2019/20 Q3", "78.8", null, false, null, null)], "officer@demo.council");
            // The published 2019/20 Q1 figure corrected with a reason.
            await workflow.CorrectAsync("PH-HV-01", ReportingPeriod.Parse("2019/20 Q1"), 86.2m, null, "Late return from a clinic", "admin@demo.council");
        }

        var officer = await Page.OkAsync(await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer), Url);
        var councillor = await Page.OkAsync(await SignedInClient.AsAsync(app.Factory, Roles.Councillor), Url);
        var anonymous = await Page.OkAsync(app.Factory.CreateClient(), Url);

        var all = officer.Table("Changes to PH-HV-01's figures, newest first");
        all.Columns().ShouldBe(["Period", "Before", "After", "Change", "By", "When", "Reason"]);
        all.Rows().Select(r => (r.Header(), r.CellText("Before"), r.CellText("After"), r.CellText("Change"), r.CellText("By"), r.CellText("Reason"))).ShouldBe(
        [
            ("2019/20 Q1", "85.1%", "86.2%", "Correction of a published figure", "Demo administrator", "Late return from a clinic"),
            ("2019/20 Q3", "77.7%", "78.8%", "Edited before publication", "Demo performance officer", "–"),
        ]);

        foreach (var reader in new[] { councillor, anonymous })
        {
            var published = reader.Table("Corrections to published figures of PH-HV-01, newest first");
            published.Rows().Select(r => (r.Header(), r.CellText("Before"), r.CellText("After"), r.CellText("Reason")))
                .ShouldBe([("2019/20 Q1", "85.1%", "86.2%", "Late return from a clinic")]);
            reader.QuerySelector("main")!.Text().ShouldNotContain("77.7");
            reader.QuerySelector("main")!.Text().ShouldNotContain("78.8");
        }
    }

    [Fact]
    public async Task AnOfficerCorrectsAPublishedFigureFromTheGridWithAReasonAndTheMeasurePageShowsIt()
    {
        const string Grid = "/outturns/Public%20Health?period=2019/20%20Q1";
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);

        var refused = await PageForms.SubmitAsync(officer, Grid, "correct", new Dictionary<string, string>
        {
            ["CorrectFigure"] = "PH-BF-01|2019/20 Q1", ["CorrectValue"] = "fifty", ["CorrectReason"] = " ",
        });
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        Admin.FrameworkForms.MessageNextTo(html, "CorrectValue").ShouldBe("'fifty' is not a number. Enter digits, such as 84.8.");
        Admin.FrameworkForms.MessageNextTo(html, "CorrectReason").ShouldBe("Give the reason for the correction; it is shown with the figure's history.");
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).GetElementById("correct-value")!.GetAttribute("value").ShouldBe("fifty");

        var corrected = await PageForms.SubmitAsync(officer, Grid, "correct", new Dictionary<string, string>
        {
            ["CorrectFigure"] = "PH-BF-01|2019/20 Q1", ["CorrectValue"] = "54.1", ["CorrectReason"] = "Provider resubmitted the quarter",
        });
        corrected.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-BF-01?period=2019/20%20Q1");
        var row = page.Table("Corrections to published figures of PH-BF-01").Rows().ShouldHaveSingleItem();
        (row.Header(), row.CellText("Before"), row.CellText("After"), row.CellText("By"), row.CellText("Reason"))
            .ShouldBe(("2019/20 Q1", "53.50%", "54.10%", "Demo performance officer", "Provider resubmitted the quarter"));
        page.QuerySelectorAll(".trend table tbody tr")[^1].CellText("Value").ShouldBe("54.10%");
    }

    [Fact]
    public async Task AMeasureWithoutChangesSaysSo()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-DEV-01");

        page.QuerySelector("#changes + p")!.Text().ShouldBe("No published figure of this measure has been corrected.");
    }
}
