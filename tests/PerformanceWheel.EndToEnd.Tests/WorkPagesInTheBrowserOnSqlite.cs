using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The performance officer's work pages, live in a real browser on the demo council: a critical item added and then
/// changed (the removal dialog opened and declined), a segment judged (its rationale asked for as the rating is chosen),
/// and a workbook imported through the page's own upload, reviewed and confirmed in the dialog. No WCAG 2.2 AA violation
/// on any of them, dialogs open included; each fits 1366 px; at 390 px each is photographed and its width recorded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkPagesInTheBrowserOnSqlite(LiveApp app)
{
    // Children's Services in 2019/20 Q2 and the assessments of that quarter: no other browser test changes them.
    private const string Directorate = "Childrens Services";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q2");

    [Fact]
    public async Task AnOfficerEditsACriticalItemJudgesASegmentAndImportsAWorkbook()
    {
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        var snackbar = officer.Locator(".mud-snackbar").Last;

        await Evidence.StepAsync(officer, "critical-items-live", async () =>
        {
            await officer.GotoAsync($"/outturns/{Uri.EscapeDataString(Directorate)}/critical-items?period={Uri.EscapeDataString(Quarter.Label)}");
            // The live editor (the circuit is up), not the plain form rendered before it.
            var add = officer.Locator("#add-O3-4-03.critical-editor");
            await add.WaitForAsync();
            await add.Locator("#add-O3-4-03-owner").FillAsync("x");
            await add.Locator("#add-O3-4-03-owner").FillAsync(string.Empty);
            await Assertions.Expect(add).ToContainTextAsync("Owner is required.");
            await add.Locator("#add-O3-4-03-issue").FillAsync("Care leavers in suitable accommodation below target");
            await add.Locator("#add-O3-4-03-remedialaction").FillAsync("Supported lodgings scheme widened");
            await add.Locator("#add-O3-4-03-owner").FillAsync("Head of Corporate Parenting");
            await add.GetByRole(AriaRole.Button, new() { Name = "Add critical item for O3.4-03" }).ClickAsync();
            await Assertions.Expect(snackbar).ToContainTextAsync("Critical item added for O3.4-03.");

            var item = officer.Locator("article.critical").Filter(new() { HasText = "Critical item on O3.4-03" });
            var owner = item.GetByLabel("Owner");
            await Assertions.Expect(owner).ToHaveValueAsync("Head of Corporate Parenting");
            await owner.FillAsync("Assistant Director, Children in Care");
            await item.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(snackbar).ToContainTextAsync("Critical item on O3.4-03 saved.");

            await item.GetByRole(AriaRole.Button, new() { Name = "Remove this critical item" }).ClickAsync();
            var dialog = officer.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync("Remove the critical item on O3.4-03?");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "remove critical item dialog")).ShouldBeEmpty();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
            await Assertions.Expect(dialog).ToHaveCountAsync(0);
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "critical items, live")).ShouldBeEmpty();
            await ShotsAsync(officer, "critical-items");
        });
        (await OwnerAsync("O3.4-03")).ShouldBe("Assistant Director, Children in Care");

        await Evidence.StepAsync(officer, "assessments-live", async () =>
        {
            await officer.GotoAsync($"/assessments?period={Uri.EscapeDataString(Quarter.Label)}");
            var card = officer.Locator("#segment-O1-2");
            await card.WaitForAsync();
            await card.Locator("label").Filter(new() { HasText = "Red: " }).ClickAsync();
            await Assertions.Expect(card).ToContainTextAsync("A rationale is required: the judged rating (Red) differs from the suggested rating (Green).");
            await card.GetByLabel("Rationale for O1.2").FillAsync("Housing completions have stalled since the summer.");
            await card.GetByLabel("Reason for changing the judgement of O1.2").FillAsync("Agreed by the performance board");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save judgements (1 changed)" }).ClickAsync();
            await Assertions.Expect(snackbar).ToContainTextAsync("1 judgement saved.");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "assessments, live")).ShouldBeEmpty();
            await ShotsAsync(officer, "assessments");
        });

        var (code, period) = await UnreportedFigureAsync();
        var workbook = Path.Combine(Path.GetTempPath(), $"pw-e2e-import-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(workbook, new TestWorkbook()
            .Sheet("Measures", TestWorkbook.Row("Code", "Title", "Directorate", "Polarity", "Frequency"))
            .Sheet("Targets", TestWorkbook.Row("Code", "Year", "Target"))
            .Sheet("Outturns", TestWorkbook.Row("Code", "Period", "Value", "Status"), TestWorkbook.Row(code, period.Label, 42, null))
            .Bytes());
        try
        {
            await Evidence.StepAsync(officer, "import-live", async () =>
            {
                await officer.GotoAsync("/admin/import");
                await officer.Locator(".import-uploader").WaitForAsync();
                (await AccessibilityOnSqlite.ViolationsAsync(officer, "import page, live")).ShouldBeEmpty();
                await ShotsAsync(officer, "import");
                await officer.GetByLabel("Workbook (.xlsx", new() { Exact = false }).ChooseFileAsync(workbook, officer.Locator("#import-status"), "chosen");
                await officer.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
                await officer.WaitForURLAsync(url => url.Contains("/admin/import/", StringComparison.Ordinal) && !url.EndsWith("/admin/import", StringComparison.Ordinal));
                var table = officer.Locator(".import-review");
                await Assertions.Expect(table).ToContainTextAsync($"{code} {period.Label}");
                await Assertions.Expect(table).ToContainTextAsync("New");

                await officer.GetByRole(AriaRole.Button, new() { Name = "Import now…" }).ClickAsync();
                var dialog = officer.GetByRole(AriaRole.Dialog);
                await Assertions.Expect(dialog).ToContainTextAsync("1 figure and 0 other items will be created or changed.");
                (await AccessibilityOnSqlite.ViolationsAsync(officer, "confirm import dialog")).ShouldBeEmpty();
                await ShotsAsync(officer, "import-review-dialog");
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Import now" }).ClickAsync();
                await officer.WaitForURLAsync(url => url.Contains("/admin/import?done=", StringComparison.Ordinal));
                await Assertions.Expect(officer.Locator(".notice")).ToContainTextAsync("Imported");
            });
        }
        finally
        {
            File.Delete(workbook);
        }

        (await ValueAsync(code, period)).ShouldBe(42m);
    }

    private static async Task ShotsAsync(IPage page, string name)
    {
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        // Measured, not yet asserted: the critical items page was 390+ px wide on a phone when this test was written (see the
        // helper's report); the screenshot shows it.
        await File.AppendAllTextAsync(Path.Combine(Evidence.Folder, "phone-widths.txt"), $"{name}: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")}\n");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, $"{name}-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
    }

    // A quarterly figure not yet entered, of a directorate no other browser test enters figures for.
    private async Task<(string Code, ReportingPeriod Period)> UnreportedFigureAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        string[] busy = ["Adults Services", "Childrens Services", "Public Health"];
        var measures = await db.Measures.Include(m => m.Directorate)
            .Where(m => m.Frequency == Frequency.Quarterly && !busy.Contains(m.Directorate.Name)).OrderBy(m => m.Code).ToListAsync();
        foreach (var period in new[] { "2019/20 Q4", "2019/20 Q3", "2019/20 Q2", "2019/20 Q1" }.Select(ReportingPeriod.Parse))
        {
            var entered = await db.Outturns.Where(o => o.Period == period).Select(o => o.Measure.Code).ToListAsync();
            if (measures.FirstOrDefault(m => !m.IsDiscontinuedIn(period) && !entered.Contains(m.Code)) is { } measure)
            {
                return (measure.Code, period);
            }
        }

        throw new InvalidOperationException("Every quarterly figure of 2019/20 is entered in the demo: choose another way to find an unreported one.");
    }

    private async Task<string?> OwnerAsync(string measureCode)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.CriticalItems.Where(c => c.Measure.Code == measureCode && c.Period == Quarter).Select(c => c.Owner).SingleOrDefaultAsync();
    }

    private async Task<decimal?> ValueAsync(string code, ReportingPeriod period)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Outturns.Where(o => o.Measure.Code == code && o.Period == period).Select(o => o.Value).SingleOrDefaultAsync();
    }
}
