using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// Journeys 1–3 of the quarter, in order, in a real browser: the officer keys in a directorate's quarter and submits it;
/// the director returns one figure, the officer corrects and resubmits it, the director approves and the admin publishes;
/// a councillor follows the wheel to the measure and downloads the Scrutiny pack, which carries the corrected figure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class QuarterJourneyOnSqlite(LiveApp app)
{
    private const string Directorate = "Adults Services";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");
    private static readonly string GridUrl = $"/outturns/{Uri.EscapeDataString(Directorate)}?period={Uri.EscapeDataString(Quarter.Label)}";

    [Fact]
    public async Task AQuarterGoesFromKeyboardEntryToTheScrutinyPack()
    {
        var chosen = await ChooseMeasureToCorrectAsync();

        // 1. The officer enters every figure with the keyboard alone, sees the ratings, and submits.
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        int rows = 0;
        await Evidence.StepAsync(officer, "officer-enters-quarter", async () =>
        {
            await officer.GotoAsync("/outturns");
            await Guide.ShotAsync(officer, "officer-1-tracker");
            await officer.GotoAsync(GridUrl);
            await officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{Directorate} outturns, {Quarter.Label}");
            await officer.Locator(".outturn-grid[data-interactive=true]").WaitForAsync();
            await Guide.ShotAsync(officer, "officer-2-empty-grid");
            var grid = await GridRowsAsync(officer);
            rows = grid.Count;
            rows.ShouldBeGreaterThan(5, "the directorate has a quarter's worth of figures due");
            grid.ShouldAllBe(r => r.State == "Missing");

            // From the top of the page, Tab reaches the first value field.
            await TabUntilAsync(officer, id => id.StartsWith("value-", StringComparison.Ordinal), 120);
            for (var i = 0; i < grid.Count; i++)
            {
                (await FocusedIdAsync(officer)).ShouldBe(grid[i].ValueId);
                await officer.Keyboard.TypeAsync(ValueToEnter(grid[i]));
                if (i < grid.Count - 1)
                {
                    await TabUntilAsync(officer, id => id == grid[i + 1].ValueId, 8);
                }
            }

            await Guide.ShotAsync(officer, "officer-3-typing");

            // Enter on the last figure moves to Save figures (there is no figure below it); Enter again saves.
            await officer.Keyboard.PressAsync("Enter");
            // The grid moves the focus once the server has handled the key.
            await officer.WaitForFunctionAsync("() => document.activeElement && document.activeElement.textContent.trim() === 'Save figures'");
            await officer.Keyboard.PressAsync("Enter");
            await officer.WaitForURLAsync(url => url.Contains("message=", StringComparison.Ordinal));
            await officer.GetByRole(AriaRole.Status).ShouldHaveTextAsync($"{rows} figures saved.");

            await Guide.ShotAsync(officer, "officer-4-saved");
            var saved = await GridRowsAsync(officer);
            saved.ShouldAllBe(r => r.State == "Draft");
            foreach (var row in saved.Where(r => r.Target != "No target set"))
            {
                row.Rating.ShouldMatch("^(Green|Amber|Red|Blue):", $"{row.ValueId} has a target, so it is rated");
            }

            foreach (var row in saved.Where(r => r.Previous != "–"))
            {
                row.Direction.ShouldNotStartWith("No direction", Case.Sensitive, $"{row.ValueId} has a previous value, so it has a direction");
            }

            await officer.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
            await officer.GetByRole(AriaRole.Status).ShouldHaveTextAsync($"{rows} figures submitted for approval.");
            (await GridRowsAsync(officer)).ShouldAllBe(r => r.State == "Submitted");
            await Guide.ShotAsync(officer, "officer-5-submitted");
        });

        // 2. The director returns one figure with a reason.
        var director = await People.SignedInAsync(app, Roles.Director);
        const string reason = "This does not match the service's own return; please check it.";
        await Evidence.StepAsync(director, "director-returns-one", async () =>
        {
            await director.GotoAsync(GridUrl);
            await Guide.ShotAsync(director, "director-1-review");
            await director.GetByLabel("Measure to return (leave empty for all submitted figures)").SelectOptionAsync(chosen.Code);
            await director.GetByLabel("Reason for returning").FillAsync(reason);
            await Guide.ShotAsync(director, "director-2-return", "#return-reason");
            await director.GetByRole(AriaRole.Button, new() { Name = "Return with reason" }).ClickAsync();
            await director.GetByRole(AriaRole.Status).ShouldHaveTextAsync("1 figure returned.");
            var states = await GridRowsAsync(director);
            states.Single(r => r.Code == chosen.Code).State.ShouldBe("Returned");
            states.Count(r => r.State == "Submitted").ShouldBe(rows - 1);
            (await director.Locator("main").InnerTextAsync()).ShouldContain(reason);
        });

        // The officer corrects the returned figure and resubmits.
        await Evidence.StepAsync(officer, "officer-corrects", async () =>
        {
            await officer.GotoAsync(GridUrl);
            await officer.Locator(".outturn-grid[data-interactive=true]").WaitForAsync();
            var returned = (await GridRowsAsync(officer)).Single(r => r.Code == chosen.Code);
            returned.State.ShouldBe("Returned");
            var field = officer.Locator($"[id='{returned.ValueId}']");
            await Guide.ShotAsync(officer, "officer-6-returned", $"[id='{returned.ValueId}']");
            (await officer.Locator("main").InnerTextAsync()).ShouldContain($"Returned by the director: {reason}");
            await field.FillAsync(chosen.Corrected.ToString(CultureInfo.InvariantCulture));
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save figures", Exact = true }).ClickAsync();
            await officer.GetByRole(AriaRole.Status).ShouldHaveTextAsync("1 figure saved.");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
            await officer.GetByRole(AriaRole.Status).ShouldHaveTextAsync("1 figure submitted for approval.");
        });

        // The director approves; the admin publishes the period.
        await Evidence.StepAsync(director, "director-approves", async () =>
        {
            await director.GotoAsync(GridUrl);
            await director.GetByRole(AriaRole.Button, new() { Name = "Approve submitted figures" }).ClickAsync();
            await director.GetByRole(AriaRole.Status).ShouldHaveTextAsync($"{rows} figures approved.");
            await Guide.ShotAsync(director, "director-3-approved");
            await director.GetByRole(AriaRole.Link, new() { Name = "Critical items for Red measures" }).ClickAsync();
            await director.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"{Directorate} critical items, {Quarter.Label}");
            await Guide.ShotAsync(director, "director-4-critical-items");
        });

        var admin = await People.SignedInAsync(app, Roles.Admin);
        await Evidence.StepAsync(admin, "admin-publishes", async () =>
        {
            await admin.GotoAsync(GridUrl);
            await Guide.ShotAsync(admin, "admin-1-publish", "text=Publish the period");
            // Only this directorate's figures are approved: publishing part of the quarter is a deliberate choice.
            await admin.GetByRole(AriaRole.Button, new() { Name = $"Publish {Quarter.Label}" }).ClickAsync();
            await admin.GetByRole(AriaRole.Alert).ShouldContainTextAsync("Nothing was published");
            await admin.GetByLabel($"Publish only the {rows} approved figures, as part of {Quarter.Label}").CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = $"Publish {Quarter.Label}" }).ClickAsync();
            await admin.GetByRole(AriaRole.Status).ShouldContainTextAsync($"{rows} figures published for {Quarter.Label} as part of the quarter");
            (await GridRowsAsync(admin)).ShouldAllBe(r => r.State == "Published");
            await admin.GotoAsync($"/assessments?period={Uri.EscapeDataString(Quarter.Label)}");
            await admin.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"Segment assessments, {Quarter.Label}");
            await Guide.ShotAsync(admin, "admin-2-assessments");
        });

        // 3. A councillor reads the wheel, follows the segment to the measure, and downloads the Scrutiny pack.
        var councillor = await People.SignedInAsync(app, Roles.Councillor);
        await Evidence.StepAsync(councillor, "councillor-reads", async () =>
        {
            await councillor.GotoAsync($"/?period={Uri.EscapeDataString(Quarter.Label)}");
            await councillor.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync($"Performance wheel, {Quarter.Label}");
            await Guide.ShotAsync(councillor, "councillor-1-wheel");
            await councillor.Locator($"figure a[href^='/segments/{Uri.EscapeDataString(chosen.Segment)}']").First.ClickAsync();
            await councillor.WaitForURLAsync(url => url.Contains("/segments/", StringComparison.Ordinal));
            await councillor.Locator($"main a[href^='/measures/{Uri.EscapeDataString(chosen.Code)}']").First.ClickAsync();
            // The link is followed by enhanced navigation, which changes the address before it has fetched the page: wait
            // for the measure's own heading (the segment page lists the figure too), then for the corrected figure.
            await councillor.WaitForURLAsync(url => url.Contains("/measures/", StringComparison.Ordinal));
            await councillor.GetByRole(AriaRole.Heading, new() { Level = 1 }).ShouldHaveTextAsync(chosen.Title);
            await councillor.Locator("main").ShouldContainEachAsync(chosen.Formatted);
            await Guide.ShotAsync(councillor, "councillor-2-measure");

            await councillor.GotoAsync($"/?period={Uri.EscapeDataString(Quarter.Label)}");
            var download = await councillor.RunAndWaitForDownloadAsync(
                () => councillor.GetByRole(AriaRole.Link, new() { Name = $"Scrutiny pack {chosen.Committee} (PDF)" }).ClickAsync(),
                new() { Timeout = 120_000 });
            var pdf = Path.Combine(Path.GetTempPath(), $"pw-e2e-{Guid.NewGuid():N}.pdf");
            await download.SaveAsAsync(pdf);
            try
            {
                var text = TestFiles.PdfText(pdf);
                text.ShouldContain(Quarter.Label);
                text.ShouldContain(chosen.Code);
                text.ShouldContain(chosen.Formatted);
            }
            finally
            {
                File.Delete(pdf);
            }
        });
    }

    private sealed record GridRow(string Code, string ValueId, string Target, string Previous, string Rating, string Direction, string State);

    private sealed record Chosen(string Code, string Title, string Segment, string Committee, decimal Corrected, string Formatted);

    /// <summary>A quarterly measure of the directorate with a single target, a segment and a Scrutiny committee.</summary>
    private async Task<Chosen> ChooseMeasureToCorrectAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var measures = await db.Measures.Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Committees).Include(m => m.Targets)
            .Where(m => m.Directorate.Name == Directorate && m.Frequency == Frequency.Quarterly && m.Segment != null)
            .ToListAsync();
        var measure = measures.OrderBy(m => m.Code, StringComparer.Ordinal)
            .First(m => m.Committees.Count > 0 && !m.IsDiscontinuedIn(Quarter) && m.TargetFor(Quarter) is { IsRange: false, Value: not null });
        var target = measure.TargetFor(Quarter)?.Value ?? throw new InvalidOperationException($"{measure.Code} has no target");
        // A figure nobody would type by accident: the target nudged by a fraction that survives the measure's rounding.
        var step = 1m / (decimal)Math.Pow(10, measure.DecimalPlaces);
        var corrected = measure.Unit.Kind == UnitKind.Percent && target >= 99 ? target - (3 * step) : target + (3 * step);
        return new Chosen(measure.Code, measure.Title, measure.Segment!.Code, measure.Committees.OrderBy(c => c.Code, StringComparer.Ordinal).First().Code, corrected, measure.Format(corrected));
    }

    // A row per figure: the officer's interactive grid (a cell per period, the measure's line around it) or the review table.
    // After every page load (a save, a submit, a publish) the grid's circuit first renders "Loading the grid…" in its
    // place for a moment: read it once it is live (it is only marked so once its figures are read), or the review table of
    // someone who does not enter figures, which comes with the page.
    private static async Task<IReadOnlyList<GridRow>> GridRowsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !!document.querySelector('.outturn-grid[data-interactive=true], .review-grid')");
        if (await page.Locator(".outturn-grid").CountAsync() > 0)
        {
            var figures = await page.Locator(".outturn-grid td.grid-cell").EvaluateAllAsync<string[][]>(
                """
                cells => cells.map(c => { const r = c.closest('tr'); return [
                  r.querySelector('th a').textContent.trim(),
                  c.querySelector('input[id^="value-"]').id,
                  r.cells[2].textContent.trim(),
                  r.cells[1].textContent.trim(),
                  c.querySelector('.rag .visually-hidden').textContent.trim(),
                  c.querySelector('.dot .visually-hidden').textContent.trim(),
                  c.querySelector('.cell-state').textContent.replace(', changed', '').trim()]; })
                """);
            return figures.Select(c => new GridRow(c[0], c[1], c[2], c[3], c[4], c[5], c[6])).ToList();
        }

        var cells = await page.Locator("main table.data:not(.publish-readiness) tbody tr").EvaluateAllAsync<string[][]>(
            """
            rows => rows.map(r => [
              r.querySelector('th a').textContent.trim(),
              (r.querySelector('input[id^="value-"]') || { id: '' }).id,
              r.cells[4].textContent.trim(),
              r.cells[3].textContent.trim(),
              r.cells[9].querySelector('.rag .visually-hidden').textContent.trim(),
              r.cells[9].querySelector('.dot .visually-hidden').textContent.trim(),
              r.cells[10].textContent.trim()])
            """);
        return cells.Select(c => new GridRow(c[0], c[1], c[2], c[3], c[4], c[5], c[6])).ToList();
    }

    /// <summary>On target where there is one (the middle of a range), else the previous value, else 1.</summary>
    private static string ValueToEnter(GridRow row)
    {
        var numbers = Number().Matches(row.Target).Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
        if (numbers.Count == 0)
        {
            numbers = Number().Matches(row.Previous).Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).Take(1).ToList();
        }

        return numbers.Count == 0 ? "1" : (numbers.Sum() / numbers.Count).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task TabUntilAsync(IPage page, Func<string, bool> reached, int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (reached(await FocusedIdAsync(page)))
            {
                return;
            }
        }

        throw new ShouldAssertException($"Tab did not reach the expected field within {limit} presses (focus is on '{await FocusedIdAsync(page)}').");
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    [GeneratedRegex(@"-?\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();
}
