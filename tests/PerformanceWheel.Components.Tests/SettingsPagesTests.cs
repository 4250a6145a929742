using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Covering;
using PerformanceWheel.Web.Components.Pages.Admin;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The Admin's council settings and covering-report template while they are live, on MudBlazor's fields: a change is
/// saved through the page's own administration service and said in a snackbar; a refused change (or a number out of
/// range, as it is typed) is named next to its field and saves nothing.
/// </summary>
public sealed class SettingsPagesTests
{
    [Fact]
    public async Task TheCouncilsNameIsSavedAndTheSnackbarSaysSo()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<Settings>();

        await page.Find("#council-name").InputAsync(new() { Value = "Riverside Borough Council" });
        await FormOf(page, "#council-name").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Council name saved."));
        (await ctx.SettingsAsync()).Name.ShouldBe("Riverside Borough Council");
    }

    [Fact]
    public async Task AnEmptyNameIsNamedNextToTheFieldAndNotSaved()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<Settings>();

        await page.Find("#council-name").InputAsync(new() { Value = "   " });
        await FormOf(page, "#council-name").SubmitAsync();

        page.WaitForAssertion(() => FrameworkFormsTests.Field(page, "#council-name").ShouldContain("Council name is required."));
        ctx.Snackbars.Markup.ShouldContain("Nothing was saved: Council name is required.");
        (await ctx.SettingsAsync()).Name.ShouldBe(SettingsContext.CouncilName);

        await page.Find("#council-name").InputAsync(new() { Value = "Riverside" });
        page.WaitForAssertion(() => FrameworkFormsTests.Field(page, "#council-name").ShouldNotContain("is required"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ReadingSettingsAreSavedFromTheCheckboxesAndTheNumberOfDays()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<Settings>();

        await page.Find("#open-data").ChangeAsync(new() { Value = true });
        await page.Find("#anonymous-reading").ChangeAsync(new() { Value = true });
        await page.Find("#overdue-days").InputAsync(new() { Value = "45" });
        await FormOf(page, "#overdue-days").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Settings saved."));
        var saved = await ctx.SettingsAsync();
        (saved.OpenDataEnabled, saved.AllowAnonymousReading, saved.OverdueDaysAfterPeriodEnd).ShouldBe((true, true, 45));
    }

    [Fact]
    public async Task ANumberOfDaysOutOfRangeIsNamedAsItIsTypedAndNothingIsSaved()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<Settings>();

        await page.Find("#open-data").ChangeAsync(new() { Value = true });
        await page.Find("#overdue-days").InputAsync(new() { Value = "400" });

        page.WaitForAssertion(() => FrameworkFormsTests.Field(page, "#overdue-days").ShouldContain("Enter a number of days from 0 to 365"));
        await FormOf(page, "#overdue-days").SubmitAsync();
        page.WaitForAssertion(() => FormOf(page, "#overdue-days").QuerySelector(".error-summary")!.TextContent.ShouldContain("Enter a number of days from 0 to 365"));
        var saved = await ctx.SettingsAsync();
        (saved.OpenDataEnabled, saved.OverdueDaysAfterPeriodEnd).ShouldBe((false, 30));
        ctx.Snackbars.Markup.ShouldNotContain("Settings saved.");
    }

    [Fact]
    public async Task SeparationOfDutiesIsTurnedOff()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<Settings>();
        page.Find("#separate-duties").HasAttribute("checked").ShouldBeTrue("a new council starts with separation of duties on");

        await page.Find("#separate-duties").ChangeAsync(new() { Value = false });
        await FormOf(page, "#separate-duties").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Separation of duties turned off."));
        (await ctx.SettingsAsync()).SeparatesDuties.ShouldBeFalse();
    }

    [Fact]
    public async Task ASchemeIsPreviewedThenSavedFromTheYearTyped()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<Settings>();
        var year = PerformanceWheel.Web.Components.Shared.ClockPeriods.CurrentYear(TimeProvider.System).Next;

        await page.Find("#scheme-from").InputAsync(new() { Value = year.Label });
        await page.Find("#scheme-blue").InputAsync(new() { Value = "12.5" });
        await page.Find("#scheme-last-year").ChangeAsync(new() { Value = true });
        await Button(page, "Preview the change").ClickAsync(new());
        await FormOf(page, "#scheme-from").SubmitAsync();

        page.WaitForAssertion(() => page.Markup.ShouldContain("There are no figures yet, so the change alters no rating."));
        (await ctx.QueryAsync(db => db.SchemeChanges.CountAsync())).ShouldBe(0, "a preview saves nothing");

        await Button(page, "Save the scheme").ClickAsync(new());
        await FormOf(page, "#scheme-from").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain($"Rating scheme saved, from {year.Label}."));
        var change = await ctx.QueryAsync(db => db.SchemeChanges.AsNoTracking().SingleAsync());
        (change.EffectiveFrom, change.Scheme.BlueExceedsTargetByPercent, change.Scheme.RedOnlyWhenWorseThanLastYear).ShouldBe((year, 12.5m, true));
        page.WaitForAssertion(() => page.Find("table.data").TextContent.ShouldContain(year.Label));
    }

    [Fact]
    public async Task ASchemeFromAYearThatIsNotOneIsNamedNextToTheYearAndNotSaved()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<Settings>();

        await page.Find("#scheme-from").InputAsync(new() { Value = "2025" });
        await Button(page, "Save the scheme").ClickAsync(new());
        await FormOf(page, "#scheme-from").SubmitAsync();

        page.WaitForAssertion(() => FrameworkFormsTests.Field(page, "#scheme-from").ShouldContain("'2025' is not a financial year"));
        (await ctx.QueryAsync(db => db.SchemeChanges.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task TheCoveringTemplateIsSavedFromItsFields()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<CoveringTemplatePage>();

        await page.Find("#template-cabinetmeeting").InputAsync(new() { Value = "Executive" });
        await page.Find("#template-signoffroles").InputAsync(new() { Value = "Chief Executive\nHead of Finance" });
        await page.Find("#template-signoffroles").BlurAsync(new());
        await page.Find("form").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("The covering-report template was saved."));
        var template = await new CoveringReportReader(ctx.Database.Factory()).TemplateAsync();
        template.CabinetMeeting.ShouldBe("Executive");
        var roles = CoveringTemplateCommands.RolesText(template);
        roles.ShouldContain("Head of Finance");
        roles.ShouldNotContain("Scrutiny Chairs", Case.Sensitive, "the list typed replaces the default one");
    }

    [Fact]
    public async Task AnEmptySignOffListIsNamedNextToItAndInTheSummaryLinkedToItAndNothingIsSaved()
    {
        await using var ctx = await SettingsContext.NewCouncilAsync();
        var page = ctx.Render<CoveringTemplatePage>();

        await page.Find("#template-cabinetmeeting").InputAsync(new() { Value = "Executive" });
        await page.Find("#template-signoffroles").InputAsync(new() { Value = "  " });
        await page.Find("#template-signoffroles").BlurAsync(new());
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => FrameworkFormsTests.Field(page, "#template-signoffroles").ShouldContain("The sign-off list needs at least one role, one a line."));
        var link = page.Find(".error-summary a");
        link.TextContent.ShouldBe("The sign-off list needs at least one role, one a line.");
        link.GetAttribute("href").ShouldEndWith("#template-signoffroles");
        link.GetAttribute("href")!.ShouldNotStartWith("#", Case.Sensitive, "under <base href=\"/\"> a bare #id would leave the page");
        (await new CoveringReportReader(ctx.Database.Factory()).TemplateAsync()).CabinetMeeting.ShouldBe("Cabinet");
    }

    private static IElement FormOf<T>(IRenderedComponent<T> page, string selector)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find(selector).Closest("form")!;

    private static IElement Button<T>(IRenderedComponent<T> page, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
