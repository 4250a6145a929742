using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// axe-core (WCAG 2.0/2.1/2.2 A and AA rule tags) on every page type, as every role that can see it, plus the checks axe
/// cannot make on its own: a skip link that is the first stop and lands on main, one h1 and no skipped heading levels,
/// a visible focus indicator, and text alternatives for the wheel and the charts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityOnSqlite(LiveApp app)
{
    private const string Anonymous = "anonymous";
    private const string MissingPage = "/measures/NO-SUCH-MEASURE";
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    public static TheoryData<string> Everyone => new() { Anonymous, Roles.Councillor, Roles.Director, Roles.PerformanceOfficer, Roles.Admin };

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task EveryPageThisPersonCanSeeHasNoWcagViolations(string who)
    {
        var page = who == Anonymous ? await app.NewPageAsync() : await People.SignedInAsync(app, who);
        var failures = new List<string>();

        // The pages run under the app's Content-Security-Policy: Chromium reports anything it refused on the console.
        // Playwright raises console events on its own thread, so they go to a concurrent queue of their own (adding to the
        // list the loop below adds to could corrupt it, and a counter bumped there could lose counts).
        var refused = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        foreach (var path in await PagesForAsync(who))
        {
            var response = await page.GotoAsync(path);
            var expected = path == MissingPage ? 404 : 200;
            if (response is null || response.Status != expected)
            {
                failures.Add($"{path}: answered {(int?)response?.Status} to {who}");
                continue;
            }

            if (!(await response.AllHeadersAsync()).TryGetValue("content-security-policy", out var policy) || !policy.Contains("script-src 'self'", StringComparison.Ordinal))
            {
                failures.Add($"{path}: no Content-Security-Policy");
            }

            failures.AddRange(await ViolationsAsync(page, $"{path} as {who}"));

            failures.AddRange(await StructureProblemsAsync(page, path));
        }

        if (failures.Count > 0 || !refused.IsEmpty)
        {
            await Evidence.SaveAsync(page, $"axe-{who}");
        }

        refused.ToArray().ShouldBeEmpty("nothing refused by the Content-Security-Policy");
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenDataAndTheApiKeyPageHaveNoWcagViolationsInEveryState()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
            (await db.CouncilSettings.SingleAsync()).ChangeOpenData(true);
            await db.SaveChangesAsync();
        }

        var reader = await app.NewPageAsync();
        (await reader.GotoAsync("/open-data"))!.Status.ShouldBe(200);
        var failures = new List<string>(await ViolationsAsync(reader, "/open-data"));
        failures.AddRange(await StructureProblemsAsync(reader, "/open-data"));

        // A Director key without directorates: the problem is shown at the field; then a key, shown once.
        // Without script (blazor.web.js refused), so the page stays the plain form a no-script browser gets: its states
        // are checked here; the live page's dialogs are checked in AdminPagesInTheBrowserOnSqlite.
        var admin = await People.SignedInAsync(app, Roles.Admin);
        await admin.RouteAsync("**/_framework/blazor.web.js", route => route.AbortAsync());
        await admin.GotoAsync("/admin/api-keys");
        await admin.GetByLabel("Name (what the key is for)").FillAsync("Accessibility check");
        await admin.GetByLabel("Role").SelectOptionAsync(Roles.Director);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await admin.GetByText("Choose at least one directorate for a Director key").First.WaitForAsync();
        failures.AddRange(await ViolationsAsync(admin, "/admin/api-keys with an error"));

        await admin.GetByLabel("Role").SelectOptionAsync(Roles.Councillor);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await admin.GetByLabel("API key “Accessibility check”").WaitForAsync();
        failures.AddRange(await ViolationsAsync(admin, "/admin/api-keys with a new key"));
        failures.AddRange(await StructureProblemsAsync(admin, "/admin/api-keys"));

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheSkipLinkIsTheFirstStopAndFocusIsVisible()
    {
        var page = await People.SignedInAsync(app, Roles.PerformanceOfficer);
        foreach (var path in new[] { "/", $"/outturns/{Uri.EscapeDataString("Adults Services")}", "/admin/framework/measures" })
        {
            await page.GotoAsync(path);
            // A live page re-renders when its circuit connects (its markers turn data-interactive="true"): start
            // tabbing once it has, as a person does who waits for the page to finish loading.
            await page.WaitForFunctionAsync("() => !document.querySelector('[data-interactive=false]')");
            await page.Keyboard.PressAsync("Tab");
            (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Skip to main content", path);
            (await IsFocusVisibleAsync(page)).ShouldBeTrue($"{path}: the skip link shows when focused");
            await page.Keyboard.PressAsync("Enter");
            (await page.EvaluateAsync<string>("() => location.hash")).ShouldBe("#main", path);
            // The skip link stays on the page (a bare "#main" under <base href="/"> went to the wheel) and takes focus
            // to the main content, so the next Tab starts there.
            (await page.EvaluateAsync<string>("() => location.pathname")).ShouldBe(path.Split('?')[0], path);
            (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main", path);

            // Every further stop draws a visible focus indicator (outline or box shadow).
            for (var i = 0; i < 12; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 80)");
                (await IsFocusVisibleAsync(page)).ShouldBeTrue($"{path}: no visible focus on {focused}");
            }
        }
    }

    [Fact]
    public async Task TheWheelAndChartsHaveTextAlternatives()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        // The wheel holds a link per segment, so it is a named graphic (title + description), not a flat image.
        var wheel = page.Locator("figure.wheel-figure svg");
        (await wheel.EvaluateAsync<string>("svg => svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' ')"))
            .ShouldContain("Performance wheel");
        var links = await wheel.Locator("a").AllAsync();
        links.Count.ShouldBeGreaterThan(10);
        foreach (var link in links)
        {
            // Named (as the browser computes it) by code, name and rating, e.g. "O1.1 Ensure …: Amber: off target but within tolerance, steady".
            await Assertions.Expect(link).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex(@"^\S+ .+: (Green|Amber|Red|Blue|not rated)"));
        }
        (await page.Locator(".summary table caption").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();

        await page.GotoAsync($"/measures/{Uri.EscapeDataString(await AnyAsync(db => db.Measures.Select(m => m.Code)))}");
        var charts = await page.Locator("main svg").AllAsync();
        charts.Count.ShouldBeGreaterThan(0);
        foreach (var chart in charts)
        {
            var name = await chart.EvaluateAsync<string>(
                "svg => svg.getAttribute('aria-hidden') === 'true' ? 'decorative' : (svg.getAttribute('aria-label') || (svg.getAttribute('aria-labelledby') || '').split(' ').map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim())");
            name.ShouldNotBeNullOrWhiteSpace("a chart needs an accessible name (or is hidden as decoration)");
        }

        (await page.Locator("main table").CountAsync()).ShouldBeGreaterThan(0, "the trend is also given as a table");
    }

    private async Task<IReadOnlyList<string>> PagesForAsync(string who)
    {
        var measure = await AnyAsync(db => db.Measures.OrderBy(m => m.Code).Select(m => m.Code));
        var segment = await AnyAsync(db => db.Segments.OrderBy(s => s.Code).Select(s => s.Code));
        var project = await AnyAsync(db => db.Projects.OrderBy(p => p.Code).Select(p => p.Code));
        var measureId = await AnyAsync(db => db.Measures.OrderBy(m => m.Code).Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var planId = await AnyAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var directorate = Uri.EscapeDataString("Adults Services");
        var reading = new List<string>
        {
            "/", "/?committee=A%26H", "/comparison", "/directorates", $"/directorates/{directorate}", $"/segments/{Uri.EscapeDataString(segment)}",
            $"/measures/{Uri.EscapeDataString(measure)}", $"/projects/{Uri.EscapeDataString(project)}", "/finance", "/exceptions",
        };
        var staff = new List<string> { "/outturns", $"/outturns/{directorate}", $"/outturns/{directorate}/critical-items", $"/project-updates/{directorate}", "/account/password" };
        var ids = new Dictionary<string, string>
        {
            ["committees"] = await AnyAsync(db => db.Committees.OrderBy(c => c.Id).Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ["directorates"] = await AnyAsync(db => db.Directorates.OrderBy(d => d.Id).Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ["groups"] = await AnyAsync(db => db.SegmentGroups.OrderBy(g => g.Id).Select(g => g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ["segments"] = await AnyAsync(db => db.Segments.OrderBy(g => g.Id).Select(g => g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ["projects"] = await AnyAsync(db => db.Projects.OrderBy(g => g.Id).Select(g => g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        // Every framework editor, new and existing, and the finance entry page.
        var editors = ids.SelectMany(kv => new[] { $"/admin/framework/{kv.Key}/new", $"/admin/framework/{kv.Key}/{kv.Value}" }).Append("/finance/entry").ToList();
        var framework = new List<string>
        {
            "/admin/framework", "/admin/framework/measures", "/admin/framework/measures/new", $"/admin/framework/measures/{measureId}",
            $"/admin/framework/measures/{measureId}/targets", "/admin/framework/directorates", "/admin/framework/committees",
            "/admin/framework/segments", "/admin/framework/projects", "/assessments", "/admin/import",
            "/admin/framework/plans/new", $"/admin/framework/plans/{planId}",
        };
        framework.AddRange(editors);
        return who switch
        {
            Anonymous => [.. reading, "/account/sign-in", "/account/access-denied", MissingPage, "/error", "/not-found"],
            Roles.Councillor => [.. reading, "/account/password", "/account/access-denied"],
            Roles.Director => [.. reading, .. staff],
            Roles.PerformanceOfficer => [.. reading, .. staff, .. framework],
            _ => [.. reading, .. staff, .. framework, "/admin/users", $"/admin/users/{await AnyAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Id))}",
                "/admin/api-keys", "/admin/settings", "/account/access-denied"],
        };
    }

    /// <summary>axe-core's WCAG A and AA violations on the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        return result.Violations
            .Select(v => $"{where}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>One h1, headings that never skip a level, a main landmark, a page title, and a language.</summary>
    private static async Task<IEnumerable<string>> StructureProblemsAsync(IPage page, string path)
    {
        var problems = new List<string>();
        var levels = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])");
        if (levels.Count(l => l == 1) != 1)
        {
            problems.Add($"{path}: {levels.Count(l => l == 1)} h1 headings");
        }

        for (var i = 1; i < levels.Length; i++)
        {
            if (levels[i] > levels[i - 1] + 1)
            {
                problems.Add($"{path}: heading h{levels[i]} follows h{levels[i - 1]}");
            }
        }

        if (await page.Locator("main#main").CountAsync() != 1)
        {
            problems.Add($"{path}: no main landmark with id 'main' for the skip link");
        }

        if (string.IsNullOrWhiteSpace(await page.TitleAsync()))
        {
            problems.Add($"{path}: no page title");
        }

        return problems;
    }

    private static Task<bool> IsFocusVisibleAsync(IPage page) => page.EvaluateAsync<bool>(
        """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return false;
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          const r = e.getBoundingClientRect();
          return (outline || shadow) && r.width > 0 && r.height > 0;
        }
        """);

    private async Task<string> AnyAsync(Func<PerformanceWheelDbContext, IQueryable<string>> query)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PerformanceWheelDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db).FirstAsync();
    }
}
