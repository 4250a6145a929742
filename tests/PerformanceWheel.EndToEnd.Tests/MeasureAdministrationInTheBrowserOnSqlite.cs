using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Components.Shared;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The performance officer sets up a measure on the live framework pages in a real browser: filters the measures list,
/// adds a measure choosing from MudBlazor's selects while the rating rule's preview follows the target and tolerance as
/// they are typed, types the year's targets into the targets table, and is asked before discontinuing it (cancelled).
/// No WCAG 2.2 AA violation on any of the pages, the dialog open included; nothing scrolls sideways at 1366 or 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeasureAdministrationInTheBrowserOnSqlite(LiveApp app)
{
    private const string Code = "E2E-MEAS-01";

    [Fact]
    public async Task AnOfficerAddsAMeasureWithTargetsWatchingItsRulePreview()
    {
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        var thisYear = app.Services.GetRequiredService<TimeProvider>().CurrentYear();
        await Evidence.StepAsync(officer, "measure-administration", async () =>
        {
            await officer.GotoAsync("/admin/framework/measures");
            await officer.Locator(".measure-filter[data-interactive=true]").WaitForAsync();
            // The circuit's first render marks the filter live before the measures are read ("Showing 0 of 0"): count the
            // rows once the list shows them all, or the count could be of an empty list.
            await Assertions.Expect(officer.Locator("#measures-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Showing ([1-9]\d*) of \1 measures\.$"));
            var all = await officer.Locator(".measures-table tbody tr").CountAsync();
            await officer.GetByLabel("Code or title contains").FillAsync("PH-HV");
            await Assertions.Expect(officer.Locator(".measures-table tbody tr")).Not.ToHaveCountAsync(all);
            await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "PH-HV-01", Exact = true })).ToBeVisibleAsync();
            await ShotsAsync(officer, "measures");

            await officer.GetByRole(AriaRole.Link, new() { Name = "Add a measure" }).ClickAsync();
            await officer.Locator(".measure-form[data-interactive=true]").WaitForAsync();
            await officer.GetByLabel("Code", new() { Exact = true }).FillAsync(Code);
            await officer.GetByLabel("Title", new() { Exact = true }).FillAsync("Adults reviewed within a year (browser test)");
            await MudSelects.ChooseAsync(officer, "Directorate", "Adults Services");
            await officer.GetByLabel("Tolerance", new() { Exact = true }).FillAsync("5");
            await officer.GetByLabel("Target to preview").FillAsync("80");
            await Assertions.Expect(officer.Locator("#rule-preview")).ToHaveTextAsync("Higher is better: Green at or above 80.0%, Amber from 75.0% (tolerance ±5), Red below 75.0%.");
            await MudSelects.ChooseAsync(officer, "Tolerance type", "Percent of the target");
            await Assertions.Expect(officer.Locator("#rule-preview")).ToHaveTextAsync("Higher is better: Green at or above 80.0%, Amber from 76.0% (tolerance 5%), Red below 76.0%.");
            await MudSelects.ChooseAsync(officer, "Polarity", "Lower is better");
            await Assertions.Expect(officer.Locator("#rule-preview")).ToHaveTextAsync("Lower is better: Green at or below 80.0%, Amber up to 84.0% (tolerance 5%), Red above 84.0%.");
            await MudSelects.ChooseAsync(officer, "Polarity", "Higher is better");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "measure form with its preview")).ShouldBeEmpty();
            await ShotsAsync(officer, "measure-form");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Add measure" }).ClickAsync();
            await Assertions.Expect(officer.Locator(".mud-snackbar")).ToContainTextAsync($"Measure {Code} saved.");

            await officer.Locator(".measure-filter[data-interactive=true]").WaitForAsync();
            await officer.GetByLabel("Code or title contains").FillAsync(Code);
            await Assertions.Expect(officer.Locator("#measures-count")).ToContainTextAsync("Showing 1 of");
            await officer.GetByRole(AriaRole.Link, new() { Name = $"Targets for {Code}" }).ClickAsync();
            await officer.Locator("[data-interactive=true] .targets-editor").WaitForAsync();
            await officer.GetByLabel($"{thisYear.Label} whole year target").FillAsync("12,5");
            await Assertions.Expect(officer.Locator(".target-problem")).ToContainTextAsync("use a full stop for decimals");
            await officer.GetByLabel($"{thisYear.Label} whole year target").FillAsync("85");
            await officer.GetByLabel($"{thisYear.Label} Q4 target").FillAsync("88.5");
            await officer.GetByRole(AriaRole.Button, new() { Name = $"Save {thisYear.Label} targets" }).ClickAsync();
            await Assertions.Expect(officer.Locator(".mud-snackbar").Last).ToContainTextAsync($"{thisYear.Label}: 2 targets saved, 0 removed.");
            await Assertions.Expect(officer.Locator(".audit-history")).ToContainTextAsync($"Target {thisYear.Label} Q4: 88.5");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "targets table")).ShouldBeEmpty();
            await ShotsAsync(officer, "measure-targets");

            await officer.GetByRole(AriaRole.Link, new() { Name = Code, Exact = true }).ClickAsync();
            await officer.Locator(".measure-form[data-interactive=true]").WaitForAsync();
            await officer.GetByLabel("Discontinued from (retires the measure)").FillAsync(thisYear.Next.Label + " Q1");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            var dialog = officer.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("Its figures, targets and change history are kept");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "discontinue dialog")).ShouldBeEmpty();
            await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "measure-discontinue-dialog-1366.png") });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Assertions.Expect(officer.Locator(".mud-snackbar").Last).ToContainTextAsync("Nothing was changed.");
        });
    }

    // The page at 1366 px and on a 390 px phone: no sideways page scroll on either.
    private static async Task ShotsAsync(IPage page, string name)
    {
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, $"{name} on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
    }
}
