using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>
/// Issue 11: publishing one directorate's figures moved every reader to a nearly empty quarter, with no warning, and
/// publishing nothing said "0 figure(s) published". Publishing shows where each directorate stands first; publishing part
/// of a quarter is a deliberate choice that leaves readers' default quarter alone; publishing nothing is refused.
/// </summary>
public sealed class PublishingAQuarterOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Grid = "/outturns/Public%20Health?period=2019/20%20Q3";
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Parse("2019/20 Q3");

    [Fact]
    public async Task PartOfAQuarterIsPublishedOnlyDeliberatelyAndReadersKeepTheLastWholeQuarter()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        // Before publishing: each directorate's approved, not yet approved and missing figures.
        var page = await Page.OkAsync(admin, Grid);
        var readiness = page.Table("Figures of 2019/20 Q3 by directorate, before publishing");
        readiness.Rows().Count.ShouldBe(7);
        readiness.Row("Public Health").CellText("Approved").ShouldBe("0");
        int.Parse(readiness.Row("Adults Services").CellText("Missing"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);

        // Nothing approved: refused, and says why.
        var refused = await PublishAsync(admin, part: false);
        refused.ShouldContain("Nothing was published: no figure of 2019/20 Q3 is approved yet");

        // One directorate's figure approved: publishing it needs the deliberate choice.
        await WorkflowAsync(w => w.SaveAsync("Public Health", [new EntryInput("PH-HV-01", "2019/20 Q3", "91.5", null, false, null, null)], "officer@demo.council"));
        await WorkflowAsync(w => w.SubmitAsync("Public Health", Q3, "officer@demo.council"));
        await WorkflowAsync(w => w.ApproveAsync("Public Health", Q3, "director@demo.council"));
        var offered = await Page.OkAsync(admin, Grid);
        offered.QuerySelector("label[for=publish-part]")!.Text().ShouldBe("Publish only the 1 approved figure, as part of 2019/20 Q3");
        var notWhole = await PublishAsync(admin, part: false);
        notWhole.ShouldContain("Nothing was published: of the figures due for 2019/20 Q3, ");
        notWhole.ShouldContain("Choose to publish only the 1 approved figure as part of the quarter, or wait");

        var published = await PublishAsync(admin, part: true);
        published.ShouldContain("1 figure published for 2019/20 Q3 as part of the quarter");

        // Readers still open the last quarter published as a whole, and can choose the part-published one.
        foreach (var reader in new[] { SignedInClient.Anonymous(app.Factory), await SignedInClient.AsAsync(app.Factory, Roles.Councillor) })
        {
            (await Page.OkAsync(reader, "/")).QuerySelector("h1")!.Text().ShouldBe("Performance wheel, 2019/20 Q2");
            (await Page.OkAsync(reader, "/?period=2019/20%20Q3")).QuerySelector("h1")!.Text().ShouldBe("Performance wheel, 2019/20 Q3");
        }
    }

    /// <summary>Posts the publish form of the grid (ticking the part-of-the-quarter box when asked) and returns what the page then says.</summary>
    private static async Task<string> PublishAsync(HttpClient admin, bool part)
    {
        var response = await PageForms.SubmitAsync(admin, Grid, "publish", part ? new Dictionary<string, string> { ["PublishPart"] = "true" } : []);
        var html = response.StatusCode == HttpStatusCode.Redirect
            ? await admin.GetStringAsync(response.Headers.Location)
            : await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        return string.Join(" | ", document.QuerySelectorAll("[role=status], [role=alert]").Select(e => e.Text()));
    }

    private async Task WorkflowAsync<T>(Func<OutturnWorkflow, Task<T>> action)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<OutturnWorkflow>());
    }
}
