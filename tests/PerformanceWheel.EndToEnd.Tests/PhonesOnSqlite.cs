using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// On a phone (390 px wide) no reading page scrolls sideways: the wheel scales down and wide tables scroll inside their
/// own box. Signed out and as a Performance Officer (who sees drafts and more columns).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhonesOnSqlite(LiveApp app)
{
    private const int PhoneWidth = 390;

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.PerformanceOfficer)]
    public async Task NoReadingPageScrollsSidewaysOnAPhone(string? role)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
            (await db.CouncilSettings.SingleAsync()).ChangeOpenData(true);
            await db.SaveChangesAsync();
        }

        var page = role is null ? await app.NewPageAsync() : await People.SignedInAsync(app, role);
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        var tooWide = new List<string>();
        foreach (var path in await ReadingPagesAsync())
        {
            (await page.GotoAsync(path))!.Status.ShouldBe(200, path);
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, innerWidth) = (size[0], size[1]);
            innerWidth.ShouldBe(PhoneWidth);
            if (scrollWidth > innerWidth)
            {
                tooWide.Add($"{path}: the page is {scrollWidth} px wide on a {innerWidth} px screen");
            }
        }

        if (tooWide.Count > 0)
        {
            await Evidence.SaveAsync(page, $"phone-{role ?? "anonymous"}");
        }

        tooWide.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheWheelFitsThePhoneAndAWideTableScrollsInItsOwnBox()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, 844);

        await page.GotoAsync("/");
        var wheel = await page.Locator("figure.wheel-figure svg").BoundingBoxAsync();
        wheel.ShouldNotBeNull();
        (wheel.X + wheel.Width).ShouldBeLessThanOrEqualTo(PhoneWidth, "the whole wheel is on the screen");

        await page.GotoAsync($"/directorates/{Uri.EscapeDataString("Adults Services")}");
        var box = page.Locator(".table-scroll:has(.scorecard table)");
        var widths = await box.EvaluateAsync<double[]>("b => [b.clientWidth, b.scrollWidth]");
        var (boxWidth, tableWidth) = (widths[0], widths[1]);
        boxWidth.ShouldBeLessThanOrEqualTo(PhoneWidth);
        tableWidth.ShouldBeGreaterThan(boxWidth, "the scorecard is wider than a phone, so its box scrolls");

        // The headings keep to one line: a heading wrapped into a narrow column out of view would make the header row
        // tall, an empty band under the headings in view.
        var header = await page.Locator(".scorecard table thead tr").BoundingBoxAsync();
        header.ShouldNotBeNull();
        header.Height.ShouldBeLessThan(60, "the scorecard's header row is one line high");

        // Scrolled to the right, the measure column (the first) is still in view.
        await box.EvaluateAsync("b => b.scrollLeft = b.scrollWidth");
        var first = await page.Locator(".scorecard table tbody tr").First.Locator("th, td").First.BoundingBoxAsync();
        first.ShouldNotBeNull();
        first.X.ShouldBeGreaterThanOrEqualTo(0);
        first.X.ShouldBeLessThan(PhoneWidth / 2f);
    }

    private async Task<IReadOnlyList<string>> ReadingPagesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var measure = await db.Measures.OrderBy(m => m.Code).Select(m => m.Code).FirstAsync();
        var segment = await db.Segments.OrderBy(s => s.Code).Select(s => s.Code).FirstAsync();
        var project = await db.Projects.OrderBy(p => p.Code).Select(p => p.Code).FirstAsync();
        var directorates = await db.Directorates.Select(d => d.Name).ToListAsync();
        return
        [
            "/", "/?committee=A%26H", "/comparison", "/directorates",
            .. directorates.Select(d => $"/directorates/{Uri.EscapeDataString(d)}"),
            $"/segments/{Uri.EscapeDataString(segment)}", $"/measures/{Uri.EscapeDataString(measure)}",
            $"/projects/{Uri.EscapeDataString(project)}", "/finance", "/exceptions", "/open-data",
        ];
    }
}
