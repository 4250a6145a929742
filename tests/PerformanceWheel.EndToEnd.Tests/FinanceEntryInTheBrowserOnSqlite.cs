using Microsoft.Playwright;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>An officer enters a published quarter's finance in a real browser, by its labels, with the reason a published quarter needs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FinanceEntryInTheBrowserOnSqlite(LiveApp app)
{
    [Fact]
    public async Task AnOfficerEntersTheQuartersFinanceByItsLabels()
    {
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "officer-enters-finance", async () =>
        {
            await officer.GotoAsync("/finance/entry?period=2017%2F18%20Q1&start=previous");
            await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync("Enter finance, 2017/18 Q1");
            for (var line = 1; line <= 7; line++)
            {
                await officer.GetByLabel($"Forecast outturn £m, line {line}", new() { Exact = true }).FillAsync("30.5");
            }

            await officer.GetByLabel("Projected variance £m (positive an overspend, negative an underspend)").FillAsync("-19.541");
            await officer.GetByLabel("Rating").SelectOptionAsync("Amber");
            await officer.GetByLabel("Commentary").FillAsync("Children's placements remain the main pressure.");
            // 2017/18 Q1 is published in the demo council: its finance changes with a reason.
            await officer.GetByLabel("Reason for the change (required: 2017/18 Q1 is published)").FillAsync("Quarter 1 budget monitoring added");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save finance" }).ClickAsync();

            await officer.Locator("div.notice").ShouldHaveTextAsync("2017/18 Q1 finance saved: 7 line(s) added, position statement created.");
            await Guide.ShotAsync(officer, "officer-5-finance-entry");
            (await officer.GetByLabel("Approved budget £m, line 1", new() { Exact = true }).InputValueAsync()).ShouldBe("317.674");
        });
    }
}
