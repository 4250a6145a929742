using Microsoft.Playwright;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The interactive outturn grid in a real browser: the rating previewed as a figure is typed, Enter down and Tab right,
/// a block pasted from a spreadsheet, a warning before leaving with unsaved figures, no accessibility violations mid-edit
/// or with commentary open, the grid within a 1366 px screen, and a conflict between two people saving the same figure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutturnGridInTheBrowserOnSqlite(LiveApp app)
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    /// <summary>How long pausing or resuming the circuit may take on a loaded machine.</summary>
    private static readonly TimeSpan CircuitChange = TimeSpan.FromSeconds(60);

    private static string GridUrl(string directorate) => $"/outturns/{Uri.EscapeDataString(directorate)}?period={Uri.EscapeDataString(Quarter.Label)}";

    [Fact]
    public async Task TypingPreviewsTheRatingAndEnterAndTabMoveBetweenFigures()
    {
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "grid-typing", async () =>
        {
            await OpenAsync(officer, "Public Health");

            // A figure with a target: not rated until typed, rated as it is typed (nothing saved).
            var id = await officer.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('.outturn-grid td.grid-cell')].find(c => !c.closest('tr').cells[2].textContent.includes('No target') && !c.querySelector('input').disabled).querySelector('input').id");
            var preview = officer.Locator($"[id='preview-{id}'] .rag .visually-hidden");
            (await preview.TextContentAsync())!.ShouldNotMatch("^(Green|Amber|Red|Blue)");
            await officer.Locator($"[id='{id}']").ClickAsync();
            await officer.Keyboard.TypeAsync("50");
            await Assertions.Expect(preview).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Green|Amber|Red|Blue): "));
            await Assertions.Expect(officer.Locator($"[id='{id}']").Locator("xpath=..")).ToContainTextAsync("changed");

            // Enter moves down to the same column of the next measure.
            var column = await ColumnAsync(officer, id);
            await officer.Keyboard.PressAsync("Enter");
            // The grid moves the focus after the server has handled the key: wait for it to leave the cell.
            await officer.WaitForFunctionAsync("id => document.activeElement && document.activeElement.id !== id", id);
            var below = await FocusedIdAsync(officer);
            below.ShouldStartWith("value-");
            below.ShouldNotBe(id);
            (await RowIndexAsync(officer, below)).ShouldBeGreaterThan(await RowIndexAsync(officer, id));
            (await ColumnAsync(officer, below)).ShouldBe(column);

            // Tab moves right, from a month to the next month of a monthly measure.
            var months = await officer.EvaluateAsync<string[]>(
                "() => { const r = [...document.querySelectorAll('.outturn-grid tbody tr')].find(r => r.querySelectorAll('input[data-cell]:not([disabled])').length === 3); return r ? [...r.querySelectorAll('input[data-cell]')].map(i => i.id) : []; }");
            months.Length.ShouldBe(3, "the directorate has a monthly measure due");
            await officer.Locator($"[id='{months[0]}']").FocusAsync();
            await officer.Keyboard.PressAsync("Tab");
            (await FocusedIdAsync(officer)).ShouldBe(months[1]);

            // Mid-edit, and with a measure's commentary open: no WCAG 2.2 AA violation; the grid fits 1366 px.
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "grid mid-edit")).ShouldBeEmpty();
            await officer.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Commentary for ") }).First.ClickAsync();
            await officer.Locator(".grid-details textarea").First.FillAsync("The provider's return was late.");
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "grid with commentary open")).ShouldBeEmpty();
            (await officer.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1366, "no sideways scrolling at 1366 px");
            await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Evidence.Folder, "grid-1366-mid-edit.png"), FullPage = true });

            // Leaving with unsaved figures asks first; dismissing stays on the page with the figures.
            string? asked = null;
            officer.Dialog += async (_, dialog) =>
            {
                asked = dialog.Message;
                await dialog.DismissAsync();
            };
            await officer.GetByRole(AriaRole.Link, new() { Name = "Public Health scorecard" }).ClickAsync();
            asked.ShouldBe("You have figures that are not saved. Leave this page and lose them?");
            officer.Url.ShouldContain("/outturns/");
            await Assertions.Expect(officer.Locator($"[id='{id}']")).ToHaveValueAsync("50");
        });
    }

    [Fact]
    public async Task ABlockPastedFromASpreadsheetFillsTheMeasuresItCovers()
    {
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "grid-paste", async () =>
        {
            await OpenAsync(officer, "Strategy, Workforce & Localities");
            var ids = await officer.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.outturn-grid tbody tr')].map(r => r.querySelector('td.grid-cell input')).filter(i => i).slice(0, 3).map(i => i.id)");
            ids.Length.ShouldBe(3);

            await officer.Locator($"[id='{ids[0]}']").EvaluateAsync(
                """
                (input, text) => {
                  const data = new DataTransfer();
                  data.setData('text/plain', text);
                  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                }
                """, "10\r\n20\r\nlots\r\n");

            await Assertions.Expect(officer.Locator("#paste-summary")).ToContainTextAsync("Pasted 2 figures into 2 measures; refused 1.");
            await Assertions.Expect(officer.Locator("#paste-summary")).ToContainTextAsync("pasted row 3, column 1 ('lots')");
            await Assertions.Expect(officer.Locator($"[id='{ids[0]}']")).ToHaveValueAsync("10");
            await Assertions.Expect(officer.Locator($"[id='{ids[1]}']")).ToHaveValueAsync("20");
            await Assertions.Expect(officer.Locator($"[id='{ids[2]}']")).ToHaveValueAsync("");
        });
    }

    [Fact]
    public async Task ABlockLargerThanTheFrameworksMessageLimitIsTakenAndOneLargerThanOursIsRefusedWithoutLosingTheCircuit()
    {
        // The framework's default circuit message limit (32 KB) would cut the connection on this 60,000-character block
        // (three figures padded as a spreadsheet pads them); Circuits:MaximumReceiveMessageBytes takes it. A block above
        // that is not sent: the grid says what to do, and the page stays live.
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "grid-paste-large", async () =>
        {
            await OpenAsync(officer, "Strategy, Workforce & Localities");
            var ids = await officer.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.outturn-grid tbody tr')].map(r => r.querySelector('td.grid-cell input')).filter(i => i).slice(0, 3).map(i => i.id)");
            var padding = new string(' ', 20_000);
            await PasteAsync(officer, ids[0], $"11{padding}\r\n12{padding}\r\n13{padding}\r\n");
            await Assertions.Expect(officer.Locator("#paste-summary")).ToContainTextAsync("Pasted 3 figures into 3 measures.");
            await Assertions.Expect(officer.Locator($"[id='{ids[2]}']")).ToHaveValueAsync("13");

            var tooLarge = string.Concat(Enumerable.Repeat($"14{new string(' ', 50_000)}\r\n", 2));
            await PasteAsync(officer, ids[1], tooLarge);
            await Assertions.Expect(officer.Locator("#paste-summary")).ToContainTextAsync("Paste it in parts, or import the workbook");
            await Assertions.Expect(officer.Locator($"[id='{ids[1]}']")).ToHaveValueAsync("12");

            // Still live: the next block is taken.
            await PasteAsync(officer, ids[0], "15\r\n16\r\n");
            await Assertions.Expect(officer.Locator("#paste-summary")).ToContainTextAsync("Pasted 2 figures into 2 measures.");
            await Assertions.Expect(officer.Locator($"[id='{ids[1]}']")).ToHaveValueAsync("16");
            await Assertions.Expect(officer.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task APausedCircuitShowsTheCouncilsNoticeAndTheGridIsLiveAgainWhenItResumes()
    {
        // The grid sits in a server-rendered page: the layout's own notice (themed, with a way out) must be there for
        // it, not the framework's unstyled one. Blazor.pauseCircuit() is the framework's own way to take a circuit down.
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        await Evidence.StepAsync(officer, "grid-reconnect", async () =>
        {
            await OpenAsync(officer, "Public Health");
            var notice = officer.Locator("#components-reconnect-modal.reconnect");
            await Assertions.Expect(notice).ToBeHiddenAsync();

            // The paste listener the grid has now; after resuming, the grid's element can be the same node, still marked
            // data-paste="ready" by the paused circuit, so the wait below is for a listener the resumed circuit attached.
            await officer.EvaluateAsync("() => { window.__pausedListener = document.querySelector('.outturn-grid').pasteListener; }");
            // The evaluation waits for the framework's promise, which has no timeout of its own: bound it, so a circuit
            // that never pauses (or resumes) fails the step instead of holding the run.
            await officer.EvaluateAsync("() => Blazor.pauseCircuit()").WaitAsync(CircuitChange);
            await Assertions.Expect(notice).ToBeVisibleAsync();
            await Assertions.Expect(notice).ToContainTextAsync("paused by the server");
            await Assertions.Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Reload the page" }).First).ToBeVisibleAsync();
            (await AccessibilityOnSqlite.ViolationsAsync(officer, "grid with the paused notice")).ShouldBeEmpty();

            await officer.EvaluateAsync("() => Blazor.resumeCircuit()").WaitAsync(CircuitChange);
            await Assertions.Expect(notice).ToBeHiddenAsync();
            // The resumed circuit renders the grid again and listens for pastes once it has.
            await officer.WaitForFunctionAsync(
                """
                () => {
                    const grid = document.querySelector('.outturn-grid[data-interactive=true][data-paste=ready]');
                    return !!grid && !!grid.pasteListener && grid.pasteListener !== window.__pausedListener;
                }
                """);
            var ids = await officer.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.outturn-grid tbody tr')].map(r => r.querySelector('td.grid-cell input')).filter(i => i).slice(0, 2).map(i => i.id)");
            await PasteAsync(officer, ids[0], "21\r\n22\r\n");
            await Assertions.Expect(officer.Locator("#paste-summary")).ToContainTextAsync("Pasted 2 figures into 2 measures.");
        });
    }

    private static async Task PasteAsync(IPage page, string cellId, string text) =>
        await page.Locator($"[id='{cellId}']").EvaluateAsync(
            """
            (input, text) => {
              const data = new DataTransfer();
              data.setData('text/plain', text);
              input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, text);

    [Fact]
    public async Task TwoPeopleSavingTheSameFigureSeeTheConflict()
    {
        const string directorate = "Resources & Corporate Services";
        var officer = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        var admin = await People.SignedInAsync(app, Roles.Admin);
        await Evidence.StepAsync(admin, "grid-conflict", async () =>
        {
            await OpenAsync(officer, directorate);
            await OpenAsync(admin, directorate);
            var id = await officer.EvaluateAsync<string>("() => document.querySelector('.outturn-grid input[data-cell]:not([disabled])').id");

            await officer.Locator($"[id='{id}']").FillAsync("41");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Save figures", Exact = true }).ClickAsync();
            await officer.GetByRole(AriaRole.Status).ShouldHaveTextAsync("1 figure saved.");

            await admin.Locator($"[id='{id}']").FillAsync("42");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save figures", Exact = true }).ClickAsync();

            await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 figure not saved");
            await Assertions.Expect(admin.Locator($"[id='error-{id}']")).ToContainTextAsync($"{People.EmailFor(Roles.PerformanceOfficer)} saved £41.00m since you opened this page.");
            await Assertions.Expect(admin.Locator($"[id='{id}']")).ToHaveValueAsync("42");
        });
    }

    private async Task OpenAsync(IPage page, string directorate)
    {
        await page.GotoAsync(GridUrl(directorate));
        await page.Locator(".outturn-grid[data-interactive=true][data-paste=ready]").WaitForAsync();
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    private static Task<int> ColumnAsync(IPage page, string id) =>
        page.EvaluateAsync<int>("id => { const c = document.getElementById(id).closest('td'); return [...c.closest('tr').querySelectorAll('td.grid-cell')].indexOf(c); }", id);

    private static Task<int> RowIndexAsync(IPage page, string id) =>
        page.EvaluateAsync<int>("id => [...document.querySelectorAll('.outturn-grid tbody tr')].indexOf(document.getElementById(id).closest('tr'))", id);
}
