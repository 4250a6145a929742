using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Figures;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Admin;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Layout;

/// <summary>
/// An Admin gives the council its colours and logo on the settings page: the theme every page uses takes the colours, a
/// colour too light for white text is refused naming the field and its ratio, and the logo shows in the app bar with the
/// council's name as its text alternative. Each change raises the figures version, so kept pages are made again.
/// </summary>
public sealed class CouncilBrandingOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Settings = "/admin/settings";

    // The smallest valid PNG: a 1×1 transparent pixel.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task ColoursSavedInTheSettingsAreTheThemeOfEveryPage()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var before = await VersionAsync();

        var saved = await PageForms.SubmitAsync(admin, Settings, "council-colours", new Dictionary<string, string>
        {
            ["Colours.PrimaryColour"] = "#0B6E4F",
            ["Colours.SecondaryColour"] = "4c2c92",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await VersionAsync()).ShouldBeGreaterThan(before, "pages kept under the old version are made again in the new colours");
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/account/sign-in");
        var theme = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/theme.css", StringComparison.Ordinal));
        theme.ShouldBe("/theme.css?c=0b6e4f-4c2c92", "the address changes with the colours, so browsers fetch the new theme");
        var css = await app.Factory.CreateClient().GetStringAsync(new Uri(theme, UriKind.Relative));
        css.ShouldContain("--mud-palette-primary: rgba(11,110,79,1);");
        css.ShouldContain("--mud-palette-appbar-background: rgba(11,110,79,1);");
        css.ShouldContain("--mud-palette-secondary: rgba(76,44,146,1);");
        (await Page.OkAsync(admin, Settings)).QuerySelector("#primary-colour")!.GetAttribute("value").ShouldBe("#0b6e4f");
    }

    [Theory]
    [InlineData("#f47738", "Colours.PrimaryColour", "Primary colour: #f47738 against white has a contrast ratio of 2.78:1")]
    [InlineData("#777777", "Colours.PrimaryColour", "Primary colour: #777777 against white has a contrast ratio of 4.48:1")]
    [InlineData("not a colour", "Colours.PrimaryColour", "Primary colour: 'not a colour' is not a colour")]
    [InlineData("#ffdd00", "Colours.SecondaryColour", "Secondary colour: #ffdd00 against white has a contrast ratio of 1.35:1")]
    public async Task AColourTooLightForWhiteTextIsRefusedNamingTheFieldAndTheRatio(string colour, string field, string message)
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var before = await ColoursAsync();

        var refused = await PageForms.SubmitAsync(admin, Settings, "council-colours", new Dictionary<string, string> { [field] = colour });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        FrameworkForms.MessageNextTo(await refused.Content.ReadAsStringAsync(), field).ShouldStartWith(message);
        (await ColoursAsync()).ShouldBe(before, "nothing is saved");
    }

    [Fact]
    public async Task AnUploadedLogoShowsInTheAppBarNamedForTheCouncil()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        var saved = await UploadAsync(admin, Png, "logo.png", "image/png");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/account/sign-in");
        var logo = page.QuerySelector("header.mud-appbar a.brand img")!;
        logo.GetAttribute("alt").ShouldBe(await CouncilNameAsync());
        var image = await app.Factory.CreateClient().GetAsync(new Uri(logo.GetAttribute("src")!, UriKind.Relative));
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await image.Content.ReadAsByteArrayAsync()).ShouldBe(Png);

        var removed = await PageForms.SubmitAsync(admin, Settings, "council-logo", new Dictionary<string, string> { ["Logo.Action"] = "remove" });
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Page.OkAsync(app.Factory.CreateClient(), "/account/sign-in")).QuerySelector("header.mud-appbar a.brand")!.Text().ShouldBe(await CouncilNameAsync());
    }

    [Theory]
    [InlineData("notes.txt", "text/plain", "Logo: the file is neither a PNG nor an SVG image.")]
    [InlineData("big.png", "image/png", "Logo: the file is 300 KB; a logo may be at most 200 KB.")]
    [InlineData("script.svg", "image/svg+xml", "Logo: the SVG contains script; upload an image without it.")]
    public async Task AFileThatIsNotASmallPngOrSvgIsRefused(string name, string type, string message)
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var bytes = name switch
        {
            "big.png" => [.. Png, .. new byte[300 * 1024 - Png.Length]],
            "script.svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            _ => "Not an image"u8.ToArray(),
        };

        var refused = await UploadAsync(admin, bytes, name, type);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        FrameworkForms.MessageNextTo(await refused.Content.ReadAsStringAsync(), "Logo").ShouldBe(message);
        (await app.Factory.CreateClient().GetAsync(new Uri("/council/logo", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ButtonsKeepTheCaseTheyAreWrittenIn()
    {
        var css = await app.Factory.CreateClient().GetStringAsync(new Uri("/theme.css", UriKind.Relative));

        css.ShouldContain("--mud-typography-button-text-transform: none;");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name, string type)
    {
        var (_, page) = await Html.GetAsync(client, Settings);
        var fields = PageForms.Fields(PageForms.Form(page, "council-logo"));
        fields["Logo.Action"] = "upload";
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(part, "Logo", name);
        return await client.PostAsync(new Uri(Settings, UriKind.Relative), content);
    }

    private async Task<long> VersionAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await FiguresVersions.CurrentAsync(scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>(), CancellationToken.None);
    }

    private async Task<(string?, string?)> ColoursAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().CouncilSettings.AsNoTracking().SingleAsync();
        return (settings.PrimaryColour, settings.SecondaryColour);
    }

    private async Task<string> CouncilNameAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().CouncilSettings.Select(c => c.Name).SingleAsync();
    }
}
