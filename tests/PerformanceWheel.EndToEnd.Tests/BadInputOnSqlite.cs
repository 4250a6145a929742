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
/// Journey 4: bad input in the browser shows its message next to what is wrong, and nothing is saved.
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
            var percent = officer.GetByLabel($"Value for {percentCode} {Quarter.Label}", new() { Exact = true });
            var other = officer.GetByLabel($"Value for {otherCode} {Quarter.Label}", new() { Exact = true });
            await percent.FillAsync("105");
            await other.FillAsync("twelve");
            await other.PressAsync("Enter");

            // The summary names both rows; each field is marked invalid and described by its own message.
            var summary = officer.GetByRole(AriaRole.Alert);
            await summary.ShouldContainTextAsync("2 row(s) not saved");
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
