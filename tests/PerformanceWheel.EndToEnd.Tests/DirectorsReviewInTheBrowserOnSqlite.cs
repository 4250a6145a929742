using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Common;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The director's review in a real browser: the Director of Adults Services opens it from their scorecard, returns one
/// figure with a reason (the officers then see it beside the figure), approves the rest after the confirming dialog
/// (no WCAG 2.2 AA violation with the dialog open) and writes the directorate's key issues (the officers see them on the
/// tracker). The review fits 1366 px and a 390 px phone without sideways page scrolling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectorsReviewInTheBrowserOnSqlite(LiveApp app)
{
    private const string Directorate = "Adults Services";

    // A quarter no other browser test works on.
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q4");

    [Fact]
    public async Task ADirectorReturnsOneFigureApprovesTheRestAndWritesKeyIssues()
    {
        const string reason = "The November figure counts the reablement pilot twice.";
        const string keyIssues = "Overdue reviews remain above target; a weekly assurance group now tracks the backlog.";
        var submitted = await SubmitEverythingAsync();
        var director = await People.SignedInAsync(app, Roles.Director);
        await Evidence.StepAsync(director, "directors-review", async () =>
        {
            // From the scorecard: the Review link opens the review of the directorate.
            await director.GotoAsync($"/directorates/{Uri.EscapeDataString(Directorate)}");
            await director.GetByRole(AriaRole.Link, new() { Name = $"Review {Directorate}'s figures and key issues" }).ClickAsync();
            await director.WaitForURLAsync(url => url.Contains("/review", StringComparison.Ordinal));
            await director.GotoAsync($"/outturns/{Uri.EscapeDataString(Directorate)}/review?period={Uri.EscapeDataString(Quarter.Label)}");
            await director.Locator(".directors-review[data-interactive=true]").WaitForAsync();
            await Assertions.Expect(director.Locator("#review-summary")).ToContainTextAsync($"{Counted.Of(submitted, "figure")} submitted for {Quarter.Label}, {submitted} ready for you to approve.");

            // Return one month of a monthly measure, with a reason (an empty one is refused first).
            var month = await director.EvaluateAsync<string>("() => [...document.querySelectorAll('.review-figures tbody tr[id^=figure-]')].map(r => r.id).find(id => /-\\d{4}-\\d{2}$/.test(id))");
            var row = director.Locator($"[id='{month}']");
            await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Return ") }).ClickAsync();
            var dialog = director.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Return with this reason" }).ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync("Enter the reason for returning, so the officers know what to change.");
            (await AccessibilityOnSqlite.ViolationsAsync(director, "return dialog with its error")).ShouldBeEmpty();
            await dialog.GetByLabel("Reason for returning").FillAsync(reason);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Return with this reason" }).ClickAsync();
            await Assertions.Expect(director.Locator(".mud-snackbar")).ToContainTextAsync("1 figure returned to the officers with your reason.");
            await Assertions.Expect(director.Locator($"[id='{month}']")).ToHaveCountAsync(0);

            // Approve all the rest, after the dialog that says how many; axe finds nothing with the dialog open.
            var rest = submitted - 1;
            await director.GetByRole(AriaRole.Button, new() { Name = $"Approve all that are ready ({rest})" }).ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync($"This approves {Counted.Of(rest, "submitted figure")} of {Directorate} for {Quarter.Label}.");
            (await AccessibilityOnSqlite.ViolationsAsync(director, "approve-all dialog")).ShouldBeEmpty();
            await director.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "review-1366-dialog.png") });
            await dialog.GetByRole(AriaRole.Button, new() { Name = $"Approve {Counted.Of(rest, "figure")}" }).ClickAsync();
            await Assertions.Expect(director.Locator(".mud-snackbar").Last).ToContainTextAsync($"All that were ready: {Counted.Of(rest, "figure")} approved.");
            await Assertions.Expect(director.Locator("#review-summary")).ToContainTextAsync("0 figures submitted");

            // The key issues.
            await director.GetByRole(AriaRole.Textbox, new() { Name = $"Key issues for {Directorate}" }).FillAsync(keyIssues);
            await director.GetByRole(AriaRole.Button, new() { Name = "Save key issues" }).ClickAsync();
            await Assertions.Expect(director.Locator(".mud-snackbar").Last).ToContainTextAsync($"Key issues for {Directorate} saved.");
            await Assertions.Expect(director.Locator("#key-issues-saved")).ToContainTextAsync("Last saved by director@demo.council");
            (await AccessibilityOnSqlite.ViolationsAsync(director, "review after saving")).ShouldBeEmpty();
            (await director.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);
            await director.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "review-1366.png"), FullPage = true });

            await director.SetViewportSizeAsync(390, 844);
            (await director.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "no sideways page scrolling on a phone");
            await director.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "review-390.png"), FullPage = true });
        });

        // The officers see the reason beside the returned figure, and the key issues on the tracker.
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "review-seen-by-officers", async () =>
        {
            await officer.GotoAsync($"/outturns/{Uri.EscapeDataString(Directorate)}?period={Uri.EscapeDataString(Quarter.Label)}");
            await Assertions.Expect(officer.Locator(".outturn-grid .return-reason")).ToContainTextAsync($"Returned by the director: {reason}");
            await officer.GotoAsync($"/outturns?period={Uri.EscapeDataString(Quarter.Label)}");
            await Assertions.Expect(officer.Locator(".key-issues-list")).ToContainTextAsync(keyIssues);
        });
    }

    [Fact]
    public async Task AnAdminOverridesSeparationOfDutiesForAFigureTheyEnteredWithAReason()
    {
        // The demo council separates duties; the Admin entered and submitted every figure of this directorate's quarter.
        const string directorate = "Public Health";
        await SubmitEverythingAsync(directorate, Quarter, People.EmailFor(Roles.Admin));
        var admin = await People.SignedInAsync(app, Roles.Admin);
        await Evidence.StepAsync(admin, "override-separation-of-duties", async () =>
        {
            await admin.GotoAsync($"/outturns/{Uri.EscapeDataString(directorate)}/review?period={Uri.EscapeDataString(Quarter.Label)}");
            await admin.Locator(".directors-review[data-interactive=true]").WaitForAsync();
            var row = admin.Locator(".review-figures tbody tr").Filter(new() { Has = admin.Locator(".duty-conflict") }).First;
            await Assertions.Expect(row.Locator(".duty-conflict")).ToContainTextAsync("Not yours to approve: you entered it.");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "review with figures the Admin entered")).ShouldBeEmpty();

            await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Override and approve ") }).ClickAsync();
            var dialog = admin.Locator(".mud-dialog");
            await Assertions.Expect(dialog).ToContainTextAsync("the audit log records that you did and your reason");
            (await AccessibilityOnSqlite.ViolationsAsync(admin, "override dialog")).ShouldBeEmpty();
            await dialog.GetByLabel("Reason for overriding separation of duties").FillAsync("The Director is on leave until after Cabinet.");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve with this reason" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync("approved by override; the audit log records it with your reason.");
        });
    }

    // Every figure of the directorate due in the quarter entered (as "to be confirmed") by the officer and submitted.
    private Task<int> SubmitEverythingAsync() => SubmitEverythingAsync(Directorate, Quarter, People.EmailFor(Roles.PerformanceOfficer));

    private async Task<int> SubmitEverythingAsync(string directorate, ReportingPeriod quarter, string user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
        var rows = (await workflow.GridAsync(directorate, quarter))!.Rows.Where(r => r.Outturn is null).ToList();
        (await workflow.SaveAsync(directorate, rows.Select(r => new EntryInput(r.Measure.Code, r.Period.Code, null, "Tbc", false, null, null)).ToList(), user))
            .ShouldAllBe(o => o.Saved);
        return await workflow.SubmitAsync(directorate, quarter, user);
    }
}
