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
/// Journey 4: bad input in the browser (a non-number, a percent over 100, a workbook with errors) shows its message next
/// to what is wrong, and nothing is saved.
/// Uses a directorate and quarter no other browser test touches.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BadInputOnSqlite(LiveApp app)
{
    private const string Directorate = "Childrens Services";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    [Fact]
    public async Task ANonNumberAndAPercentOverAHundredAreShownAtTheirFieldsAndNothingIsSaved()
    {
        var (percentCode, otherCode) = await TwoMeasuresAsync();
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "bad-grid-input", async () =>
        {
            await officer.GotoAsync($"/outturns/{Uri.EscapeDataString(Directorate)}?period={Uri.EscapeDataString(Quarter.Label)}");
            await officer.Locator(".outturn-grid[data-interactive=true]").WaitForAsync();
            var percent = officer.GetByLabel($"Value for {percentCode} {Quarter.Label}", new() { Exact = true });
            var other = officer.GetByLabel($"Value for {otherCode} {Quarter.Label}", new() { Exact = true });
            await percent.FillAsync("105");
            await other.FillAsync("twelve");

            // Each field is marked invalid as it is typed, before saving.
            await Assertions.Expect(percent).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(other).ToHaveAttributeAsync("aria-invalid", "true");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save figures", Exact = true }).ClickAsync();
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "entry grid with errors")).ShouldBeEmpty();

            // The summary names both figures; each field is marked invalid and described by its own message.
            var summary = officer.GetByRole(AriaRole.Alert);
            await summary.ShouldContainTextAsync("2 figures not saved");
            await Assertions.Expect(percent).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(other).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(percent).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("100"));
            await Assertions.Expect(other).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("number", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

            // What the officer typed stays on screen to be corrected.
            await Assertions.Expect(percent).ToHaveValueAsync("105");
            await Assertions.Expect(other).ToHaveValueAsync("twelve");

            // The summary's links take the keyboard to the field.
            await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = otherCode }).ClickAsync();
            (await officer.EvaluateAsync<string>("() => location.hash")).ShouldContain(otherCode);
        });

        (await OutturnsInQuarterAsync()).ShouldBe(0, "nothing was saved");
    }

    [Fact]
    public async Task AWorkbookWithErrorsListsEachAtItsSheetRowAndColumnAndImportsNothing()
    {
        var (percentCode, otherCode) = await TwoMeasuresAsync();
        var workbook = Path.Combine(Path.GetTempPath(), $"pw-e2e-bad-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(workbook, new TestWorkbook()
            .Sheet("Measures", TestWorkbook.Row("Code", "Title", "Directorate", "Polarity", "Frequency"))
            .Sheet("Targets", TestWorkbook.Row("Code", "Year", "Target"))
            .Sheet("Outturns",
                TestWorkbook.Row("Code", "Period", "Value", "Status"),
                TestWorkbook.Row(percentCode, Quarter.Label, "lots", null),
                TestWorkbook.Row("NO-SUCH-MEASURE", Quarter.Label, 5, null),
                TestWorkbook.Row(otherCode, "2019/20 Q9", 5, null),
                TestWorkbook.Row(otherCode, Quarter.Label, 5, "TBC"))
            .Bytes());
        var before = await OutturnsAsync();
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        try
        {
            await Evidence.StepAsync(officer, "bad-workbook", async () =>
            {
                await officer.GotoAsync("/admin/import");
                // The live uploader replaces the plain form when the page's circuit is up: use it, not the one it replaces.
                await officer.Locator(".import-uploader").WaitForAsync();
                await officer.GetByLabel("Workbook (.xlsx", new() { Exact = false }).ChooseFileAsync(workbook, officer.Locator("#import-status"), "chosen");
                await officer.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();
                await officer.GetByRole(AriaRole.Alert).ShouldContainTextAsync("problems: nothing has been imported");
                await Guide.ShotAsync(officer, "officer-7-import-errors");

                var problems = await officer.Locator("main table tbody tr").EvaluateAllAsync<string[][]>(
                    "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))");
                problems.ShouldContain(p => p[0] == "Outturns" && p[1] == "2" && p[2] == "Value", "text in a number");
                problems.ShouldContain(p => p[0] == "Outturns" && p[1] == "3" && p[2] == "Code", "unknown measure code");
                problems.ShouldContain(p => p[0] == "Outturns" && p[1] == "4" && p[2] == "Period", "bad period");
                problems.ShouldContain(p => p[0] == "Outturns" && p[1] == "5", "a value with a status");
                (await officer.GetByRole(AriaRole.Button, new() { Name = "Import now" }).CountAsync()).ShouldBe(0, "a workbook with errors cannot be confirmed");
                (await AccessibilityOnSqlite.ViolationsAsync(officer, "import check report")).ShouldBeEmpty();
            });
        }
        finally
        {
            File.Delete(workbook);
        }

        (await OutturnsAsync()).ShouldBe(before, "nothing was imported");
    }

    private async Task<int> OutturnsAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Outturns.CountAsync();
    }

    private async Task<(string Percent, string Other)> TwoMeasuresAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var measures = (await db.Measures.Include(m => m.Directorate)
                .Where(m => m.Directorate.Name == Directorate && m.Frequency == Frequency.Quarterly).ToListAsync())
            .Where(m => !m.IsDiscontinuedIn(Quarter)).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        var percent = measures.First(m => m.Unit.Kind == UnitKind.Percent);
        return (percent.Code, measures.First(m => m != percent).Code);
    }

    private async Task<int> OutturnsInQuarterAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var periods = Quarter.Months().Append(Quarter).ToList();
        return await db.Outturns.CountAsync(o => o.Measure.Directorate.Name == Directorate && periods.Contains(o.Period));
    }
}
