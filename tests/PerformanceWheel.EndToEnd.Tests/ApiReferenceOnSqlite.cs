using Microsoft.Playwright;
using PerformanceWheel.Data.Identity;
using Shouldly;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The API reference page in a real Chromium: it draws the API's operations from the app's own OpenAPI document with
/// every request going to the app itself (no CDN, no web fonts, no telemetry) and nothing refused by its
/// Content-Security-Policy; a reader who is not signed in is sent to sign in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceOnSqlite(LiveApp app)
{
    [Fact]
    public async Task ASignedInUserSeesTheOperationsWithNoRequestToAnotherSite()
    {
        var page = await People.SignedInAsync(app, Roles.Councillor);
        var requests = new List<string>();
        var refused = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        var response = await page.GotoAsync("/api-reference");

        response!.Status.ShouldBe(200);
        await page.GetByText("Measures, scorecards, the performance wheel and outturn entry", new() { Exact = false }).First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var operation in new[] { "/api/v1/measures", "/api/v1/scorecard", "/api/v1/wheel", "/api/v1/imports/workbook", "/api/v1/outturns" })
        {
            text.ShouldContain(operation);
        }

        requests.ShouldContain(u => u.EndsWith("/openapi/v1.json", StringComparison.Ordinal), "the page reads the app's OpenAPI document");
        requests.Where(u => !u.StartsWith(app.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))
            .ShouldBeEmpty("every request goes to the app itself");
        refused.ShouldBeEmpty();
    }

    [Fact]
    public async Task AReaderWhoIsNotSignedInIsSentToSignIn()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/api-reference");

        page.Url.ShouldContain("/account/sign-in");
    }
}
