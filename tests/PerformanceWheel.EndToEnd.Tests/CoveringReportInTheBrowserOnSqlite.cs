using Microsoft.Playwright;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The covering report in a real browser: an officer starts the Children &amp; Families Scrutiny pack's report for
/// 2019/20 Q2, signs off one role, edits the summary and sees "Changed since signed off" against that role; the tracker
/// counts the change and links to the report; the Admin's template page opens. axe finds no WCAG 2.2 AA violation on
/// any of them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoveringReportInTheBrowserOnSqlite(LiveApp app)
{
    private const string Committee = "Scrutiny for Policies, Children & Families";
    private const string Url = "/covering-reports?pack=Scrutiny%3AC%26F&period=2019%2F20%20Q2";

    [Fact]
    public async Task AnOfficerComposesSignsOffAndSeesAChangeSinceTheSignOff()
    {
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "covering-report", async () =>
        {
            await officer.GotoAsync(Url);
            await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{Committee}, 2019/20 Q2");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "covering report not started")).ShouldBeEmpty();
            await officer.GetByRole(AriaRole.Button, new() { Name = "Start the covering report for 2019/20 Q2" }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("The covering report for 2019/20 Q2 was started from the council's template.");

            // Sign off one role.
            await officer.GetByLabel("Name (Communications)", new() { Exact = true }).FillAsync("Chris Palmer");
            await officer.GetByLabel("Date completed (Communications)", new() { Exact = true }).FillAsync("2019-10-23");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Record the sign-off of Communications" }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("The sign-off of Communications was recorded.");
            var communications = officer.GetByRole(AriaRole.Table, new() { Name = "Report sign-off, 2019/20 Q2" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Communications" });
            await Assertions.Expect(communications).ToContainTextAsync("Chris Palmer, 23/10/2019");

            // Edit the summary: the sign-off now shows the change.
            await officer.GetByLabel("Summary", new() { Exact = true }).FillAsync("Most measures held their rating; two need the committee's attention.");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save the covering report" }).ClickAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("The covering report was saved.");
            await Assertions.Expect(communications).ToContainTextAsync("Changed since signed off: Summary");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "covering report changed since signed off")).ShouldBeEmpty();
            await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "covering-report-1366.png"), FullPage = true });

            // The tracker counts it and links to it.
            await officer.GotoAsync("/outturns?period=2019%2F20%20Q2");
            var row = officer.GetByRole(AriaRole.Table, new() { Name = "Covering reports and sign-off for 2019/20 Q2 by pack" }).GetByRole(AriaRole.Row).Filter(new() { HasText = Committee });
            await Assertions.Expect(row).ToContainTextAsync("Started");
            await Assertions.Expect(row).ToContainTextAsync("sign again");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "tracker with covering reports")).ShouldBeEmpty();
            await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "tracker-covering-1366.png"), FullPage = true });
            await row.GetByRole(AriaRole.Link, new() { Name = Committee }).ClickAsync();
            await officer.WaitForURLAsync(url => url.Contains("/covering-reports", StringComparison.Ordinal));
            await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{Committee}, 2019/20 Q2");
        });

        var admin = await People.SignedInAsync(app, Roles.Admin);
        await Evidence.StepAsync(admin, "covering-template", async () =>
        {
            await admin.GotoAsync("/admin/covering-report");
            await admin.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync("Covering-report template");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "covering-report template")).ShouldBeEmpty();
            await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "covering-template-1366.png"), FullPage = true });
        });
    }
}
