using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Web.Components.Pages.Admin;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The colours and logo on the live settings page: the app bar preview takes the colour as it is typed, with its
/// contrast ratio against the white text (Branding's rule: a colour it refuses shows why and is not previewed); saving
/// stores the colours; a logo is uploaded from the page through the same checks as a posted one.
/// </summary>
public sealed class CouncilBrandingFormTests(DemoCouncil demo) : IClassFixture<DemoCouncil>
{
    [Theory]
    [InlineData("#0b6e4f", "Primary colour: #0b6e4f against white has a contrast ratio of 6.25:1, which meets WCAG 2.2 AA (4.5:1).", "#0b6e4f")]
    [InlineData("777777", "Primary colour: #777777 against white has a contrast ratio of 4.48:1; it needs at least 4.5:1", "#1d4f91")]
    [InlineData("not a colour", "Primary colour: 'not a colour' is not a colour; enter it as #rrggbb", "#1d4f91")]
    [InlineData("", "Primary colour: the site's own.", "#1d4f91")]
    public async Task ThePreviewFollowsTheColourAsItIsTypedWithItsContrastRatio(string typed, string verdict, string appBar)
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        UsersPageTests.Providers(ctx);
        var form = ctx.Render<CouncilBrandingForm>(p => p.Add(f => f.CouncilName, "Demo Borough Council"));

        await form.Find("#primary-colour").InputAsync(new() { Value = typed });

        form.WaitForAssertion(() => form.Find("#primary-contrast").TextContent.ShouldStartWith(verdict));
        form.Find(".preview-app-bar").GetAttribute("style")!.ShouldContain($"background-color:{appBar}");
        form.Find(".preview-app-bar").TextContent.ShouldContain("Demo Borough Council");
    }

    [Fact]
    public async Task SavingKeepsTheColoursAndARefusedColourChangesNothing()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (_, snackbars) = UsersPageTests.Providers(ctx);
        var form = ctx.Render<CouncilBrandingForm>(p => p.Add(f => f.CouncilName, "Demo Borough Council"));

        await form.Find("#secondary-colour").InputAsync(new() { Value = "#ffdd00" });
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => form.Find(".error-summary").TextContent.ShouldContain("Secondary colour: #ffdd00 against white has a contrast ratio of 1.35:1"));
        (await AdminContext.QueryAsync(demo.Database, db => db.CouncilSettings.Select(c => c.SecondaryColour).SingleAsync())).ShouldNotBe("#ffdd00");

        await form.Find("#primary-colour").InputAsync(new() { Value = "#0B6E4F" });
        await form.Find("#secondary-colour").InputAsync(new() { Value = "4c2c92" });
        await form.Find("form").SubmitAsync();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Colours saved."));
        var saved = await AdminContext.QueryAsync(demo.Database, db => db.CouncilSettings.Select(c => new { c.PrimaryColour, c.SecondaryColour }).SingleAsync());
        saved.PrimaryColour.ShouldBe("#0b6e4f");
        saved.SecondaryColour.ShouldBe("#4c2c92");
    }

    [Fact]
    public async Task ALogoIsUploadedFromThePageAndAnSvgWithScriptIsRefused()
    {
        await using var ctx = await AdminContext.CreateAsync(demo.Database);
        var (_, snackbars) = UsersPageTests.Providers(ctx);
        var form = ctx.Render<CouncilBrandingForm>(p => p.Add(f => f.CouncilName, "Demo Borough Council"));

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "bad.svg", contentType: "image/svg+xml"));
        form.WaitForAssertion(() => DirectorsReviewTests.Button(form.Find("#logo").Closest("form")!, "Upload the logo").HasAttribute("disabled").ShouldBeFalse());
        await DirectorsReviewTests.Button(form.Find("#logo").Closest("form")!, "Upload the logo").ClickAsync(new());
        form.WaitForAssertion(() => form.Find("#logo").Closest(".field")!.TextContent.ShouldContain("Logo: the SVG contains script; upload an image without it."));
        (await AdminContext.QueryAsync(demo.Database, db => db.CouncilSettings.Select(c => c.LogoContentType).SingleAsync())).ShouldBeNull();

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>", "crest.svg", contentType: "image/svg+xml"));
        form.WaitForAssertion(() => DirectorsReviewTests.Button(form.Find("#logo").Closest("form")!, "Upload the logo").HasAttribute("disabled").ShouldBeFalse());
        await DirectorsReviewTests.Button(form.Find("#logo").Closest("form")!, "Upload the logo").ClickAsync(new());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("Logo saved."));
        (await AdminContext.QueryAsync(demo.Database, db => db.CouncilSettings.Select(c => c.LogoContentType).SingleAsync())).ShouldBe("image/svg+xml");
        form.WaitForAssertion(() => DirectorsReviewTests.Button(form.Find("#logo").Closest("form")!, "Remove the logo").ShouldNotBeNull());
    }
}
