using Bunit;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Web.Components.Pages.Admin;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The council's colours (a section of the Settings page, rendered on its own): a colour that gives white text too little
/// contrast is refused with the ratio it has and the one it needs, in the preview as it is typed and beside the field
/// when saved, and nothing is saved; a colour with enough contrast is previewed in the app bar and saved (audited).
/// </summary>
public sealed class CouncilBrandingFormTests
{
    [Fact]
    public async Task AColourWithTooLittleContrastWithWhiteIsRefusedWithAMessageAndNothingIsSaved()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var form = ctx.Render<CouncilBrandingForm>(p => p.Add(f => f.CouncilName, PeopleContext.CouncilName));
        const string Refusal = "Primary colour: #ffcc00 against white has a contrast ratio of 1.51:1; it needs at least 4.5:1 (WCAG 2.2 AA) for the white text drawn on it. Choose a darker colour.";

        await form.Find("#primary-colour").InputAsync(new() { Value = "#FFCC00" });
        form.WaitForAssertion(() => form.Find("#primary-contrast").TextContent.ShouldBe(Refusal));
        form.Find(".preview-app-bar").GetAttribute("style").ShouldBe("background-color:#1d4f91;color:#ffffff", "the preview keeps the site's own colour");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => FrameworkFormsTests.Field(form, "#primary-colour").ShouldContain(Refusal));
        var settings = await ctx.QueryAsync(db => db.CouncilSettings.SingleAsync());
        (settings.PrimaryColour, settings.SecondaryColour).ShouldBe((null, null));
        (await ctx.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
        ctx.Snackbars.Markup.ShouldNotContain("Colours saved.");
    }

    [Fact]
    public async Task AColourWithEnoughContrastIsPreviewedAndSaved()
    {
        await using var ctx = await PeopleContext.NewCouncilAsync();
        var form = ctx.Render<CouncilBrandingForm>(p => p.Add(f => f.CouncilName, PeopleContext.CouncilName));
        form.Find("#primary-contrast").TextContent.ShouldBe("Primary colour: the site's own.");

        await form.Find("#primary-colour").InputAsync(new() { Value = "#6A1B9A" });

        form.WaitForAssertion(() => form.Find(".preview-app-bar").GetAttribute("style").ShouldBe("background-color:#6a1b9a;color:#ffffff"));
        form.Find(".preview-app-bar").TextContent.ShouldContain(PeopleContext.CouncilName);
        form.Find("#primary-contrast").TextContent.ShouldStartWith("Primary colour: #6a1b9a against white has a contrast ratio of ");
        form.Find("#primary-contrast").TextContent.ShouldEndWith(", which meets WCAG 2.2 AA (4.5:1).");
        await form.Find("form").SubmitAsync();

        ctx.Snackbars.WaitForAssertion(() => ctx.Snackbars.Markup.ShouldContain("Colours saved."));
        var settings = await ctx.QueryAsync(db => db.CouncilSettings.SingleAsync());
        (settings.PrimaryColour, settings.SecondaryColour).ShouldBe(("#6a1b9a", null));
        var audit = await ctx.QueryAsync(db => db.AuditEntries.SingleAsync());
        audit.User.ShouldBe(PeopleContext.Admin);
        audit.Changes.ShouldBe("Primary colour: the site's own → #6a1b9a");
        FrameworkFormsTests.Field(form, "#primary-colour").ShouldNotContain("contrast ratio");
    }
}
