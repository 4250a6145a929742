using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The performance officer enters a published quarter's finance and a project update on the live (interactive) pages in
/// a real browser, by their labels: a figure that is not a number is named as it is typed, the rating and the BRAG status
/// are chosen from MudBlazor selects that show the letter with the text, and each save is confirmed in a snackbar. axe
/// finds no WCAG 2.2 AA violation, with the error shown and after saving.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinanceEntryInTheBrowserOnSqlite(LiveApp app)
{
    [Fact]
    public async Task AnOfficerEntersTheQuartersFinanceAndAProjectUpdateOnTheLivePages()
    {
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "officer-enters-finance", async () =>
        {
            await officer.GotoAsync("/finance/entry?period=2017%2F18%20Q1&start=previous");
            await officer.Locator("form.entry-grid[data-interactive=true]").WaitForAsync();
            await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync("Enter finance, 2017/18 Q1");
            await officer.GetByLabel("Forecast outturn £m, line 1", new() { Exact = true }).FillAsync("30,5");
            await Assertions.Expect(officer.Locator("#line-0-forecastoutturn-error")).ToContainTextAsync("Forecast outturn: '30,5' is not a number");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "finance entry with a figure's error")).ShouldBeEmpty();
            for (var line = 1; line <= 7; line++)
            {
                await officer.GetByLabel($"Forecast outturn £m, line {line}", new() { Exact = true }).FillAsync("30.5");
            }

            await Assertions.Expect(officer.Locator("#line-0-forecastoutturn-error")).ToHaveCountAsync(0);

            await officer.GetByLabel("Projected variance £m (positive an overspend, negative an underspend)").FillAsync("-19.541");
            await officer.Locator(".finance-rag").ClickAsync();
            await officer.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Amber" }).ClickAsync();
            await Assertions.Expect(officer.Locator("#position-rag")).ToHaveValueAsync("A – Amber");
            await officer.GetByLabel("Commentary").FillAsync("Children's placements remain the main pressure.");

            // Following a link with unsaved changes asks first (the link is an enhanced navigation, which NavigationLock
            // does not see); dismissing stays on the page with what was typed.
            string? asked = null;
            void Dismiss(object? sender, IDialog dialog)
            {
                asked = dialog.Message;
                _ = dialog.DismissAsync();
            }

            officer.Dialog += Dismiss;
            await officer.Locator("nav[aria-label=Main]").GetByRole(AriaRole.Link, new() { Name = "Finance", Exact = true }).ClickAsync();
            officer.Dialog -= Dismiss;
            asked.ShouldBe("You have changed this quarter's finance and not saved it. Leave the page and lose the changes?");
            officer.Url.ShouldContain("/finance/entry");
            await Assertions.Expect(officer.GetByLabel("Commentary")).ToHaveValueAsync("Children's placements remain the main pressure.");
            // 2017/18 Q1 is published in the demo council: its finance changes with a reason.
            await officer.GetByLabel("Reason for the change (required: 2017/18 Q1 is published)").FillAsync("Quarter 1 budget monitoring added");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save finance" }).ClickAsync();

            await Assertions.Expect(officer.Locator(".mud-snackbar")).ToContainTextAsync("2017/18 Q1 finance saved: 7 lines added, position statement created.");
            // The lines as read again after the save (the page re-renders them over the circuit; the snackbar is its own root).
            await Assertions.Expect(officer.GetByLabel("Approved budget £m, line 1", new() { Exact = true })).ToHaveValueAsync("317.674");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "finance entry after saving")).ShouldBeEmpty();
            await Guide.ShotAsync(officer, "officer-5-finance-entry");
            await ShotsAsync(officer, "finance-entry");
        });

        var (directorate, code) = await ProjectAsync();
        await Evidence.StepAsync(officer, "officer-enters-project-update", async () =>
        {
            await officer.GotoAsync($"/project-updates/{Uri.EscapeDataString(directorate)}?period=2022%2F23%20Q1&project={Uri.EscapeDataString(code)}");
            await officer.Locator("form.project-update-form[data-interactive=true]").WaitForAsync();
            await ChooseAsync(officer, "u-brag", "Green");
            await Assertions.Expect(officer.Locator("#u-brag")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^G – "));
            await ChooseAsync(officer, "u-direction", "Progressing");
            await officer.GetByLabel("Areas of success").FillAsync("Two hub sites chosen and leases agreed.");
            await officer.GetByLabel("Milestone 1 title").FillAsync("Hub sites chosen");
            await officer.GetByLabel("Milestone 1 due date").FillAsync("2022-06-30");
            await ChooseAsync(officer, "u-milestones-0-status", "Achieved");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save update" }).ClickAsync();

            await Assertions.Expect(officer.Locator(".mud-snackbar")).ToContainTextAsync($"The update of {code} for 2022/23 Q1 is saved as a draft.");
            await Assertions.Expect(officer.Locator("tr.selected")).ToContainTextAsync("Draft");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "project updates after saving")).ShouldBeEmpty();
            await ShotsAsync(officer, "project-updates");
        });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var projectId = await db.Projects.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        var stored = await db.ProjectUpdates.Include(u => u.Milestones).SingleAsync(u => u.ProjectId == projectId && u.Period == Domain.Periods.ReportingPeriod.Parse("2022/23 Q1"));
        (stored.WorkingWell, stored.Milestones.Single().Title, stored.UpdatedBy).ShouldBe(("Two hub sites chosen and leases agreed.", "Hub sites chosen", "officer@demo.council"));
    }

    private async Task<(string Directorate, string Code)> ProjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var project = await db.Projects.Include(p => p.Directorate).Where(p => !p.IsRetired && p.Directorate != null).OrderBy(p => p.Code).FirstAsync();
        return (project.Directorate!.Name, project.Code);
    }

    // Opens the MudSelect whose input has the id and picks the option with the text, then waits for its list to close.
    private static async Task ChooseAsync(IPage page, string id, string option)
    {
        await page.Locator($".mud-select:has([id='{id}'])").Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    // The page at a 1366 px screen and a 390 px phone, for people to look at.
    private static async Task ShotsAsync(IPage page, string name)
    {
        if (Evidence.Folder is null)
        {
            return;
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
    }
}
