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
            ("2019/20 Q1", "85.1%", "86.2%", "Correction of a published figure", "admin@demo.council", "Late return from a clinic"),
            ("2019/20 Q3", "77.7%", "78.8%", "Edited before publication", "officer@demo.council", "–"),
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
    public async Task AMeasureWithoutChangesSaysSo()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/measures/PH-DEV-01");

        page.QuerySelector("#changes + p")!.Text().ShouldBe("No published figure of this measure has been corrected.");
    }
}
