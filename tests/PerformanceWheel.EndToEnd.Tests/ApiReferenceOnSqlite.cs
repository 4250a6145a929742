using System.Collections.Concurrent;
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
        // A page of its own in the signed-in context: the wheel that signing in lands on starts a circuit, and what it
        // logs while it is left must not be counted as the reference page's. Playwright raises these events on its own
        // thread, hence the concurrent queues (a List being added to while the asserts read it can throw).
        var signedIn = await People.SignedInAsync(app, Roles.Councillor);
        var page = await signedIn.Context.NewPageAsync();
        await signedIn.CloseAsync();
        var requests = new ConcurrentQueue<string>();
        var refused = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Type == "error")
            {
                refused.Enqueue($"{message.Location}: {message.Text}");
            }
        };

        var response = await page.GotoAsync("/api-reference");

        response!.Status.ShouldBe(200);
        await page.GetByText("Measures, scorecards, the performance wheel and outturn entry", new() { Exact = false }).First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The reference draws its operations after the document has arrived and the network is idle (on a busy CI
        // machine the tag groups were on the page and the paths not yet), so wait for the paths themselves; if they
        // never come, the assert below says which are missing and what the page held.
        string[] operations = ["/api/v1/measures", "/api/v1/scorecard", "/api/v1/wheel", "/api/v1/imports/workbook", "/api/v1/outturns"];
        try
        {
            await page.WaitForFunctionAsync(
                "paths => paths.every(p => document.body.innerText.includes(p))", operations, new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            // Reported by the asserts that follow.
        }

        var text = await page.Locator("body").InnerTextAsync();
        foreach (var operation in operations)
        {
            text.ShouldContain(operation);
        }

        var requested = requests.ToArray();
        requested.ShouldContain(u => u.EndsWith("/openapi/v1.json", StringComparison.Ordinal), "the page reads the app's OpenAPI document");
        requested.Where(u => !u.StartsWith(app.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))
            .ShouldBeEmpty("every request goes to the app itself");
        refused.ToArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task AReaderWhoIsNotSignedInIsSentToSignIn()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/api-reference");

        page.Url.ShouldContain("/account/sign-in");
    }
}
