using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>The app as `dotnet run` starts it (Development, scopes validated) with the demo council and Chromium.</summary>
public sealed class DevelopmentApp : IAsyncLifetime
{
    public AppFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new AppFactory(TestDatabases.CreateSqlite(), environment: "Development");
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// Under `dotnet run` every PDF link on every page answers a PDF. The pages are walked from the wheel by following links,
/// one page of each kind (a measure, a segment, a scorecard …) per role, and every PDF link found on them is fetched.
/// </summary>
public sealed class PdfLinksInDevelopment(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    public static TheoryData<string?> Readers => new() { null, Roles.Councillor, Roles.Director, Roles.Admin };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task EveryPdfLinkOnEveryPageAnswersAPdf(string? role)
    {
        using var client = role is null ? SignedInClient.Anonymous(app.Factory) : await SignedInClient.AsAsync(app.Factory, role);
        var pdfs = await PdfLinksAsync(client);

        pdfs.ShouldContain(l => l.StartsWith("/reports/cabinet.pdf", StringComparison.Ordinal), "the wheel offers the Cabinet pack");
        pdfs.ShouldContain(l => l.StartsWith("/reports/scrutiny.pdf", StringComparison.Ordinal));
        pdfs.ShouldContain(l => l.StartsWith("/reports/measures/", StringComparison.Ordinal));
        pdfs.ShouldContain(l => l.StartsWith("/reports/directorates/", StringComparison.Ordinal));
        foreach (var link in pdfs)
        {
            var response = await client.GetAsync(new Uri(link, UriKind.Relative));
            // A Cabinet or Scrutiny pack not yet made answers 202 with a page that refreshes itself while it is made in
            // the background (docs/decisions/0015): ask again as that page does, for as long as the pack print may take.
            for (var asked = 1; response.StatusCode == HttpStatusCode.Accepted && asked < 120; asked++)
            {
                response.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(2));
                response = await client.GetAsync(new Uri(link, UriKind.Relative));
            }

            using var _ = response;
            var body = await response.Content.ReadAsByteArrayAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role ?? "anonymous"} GET {link}: {System.Text.Encoding.UTF8.GetString(body.Take(300).ToArray())}");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/pdf", link);
            System.Text.Encoding.ASCII.GetString(body, 0, 5).ShouldBe("%PDF-", link);
        }
    }

    [Fact]
    public async Task HealthReportsPdfRenderingFromARealPrint()
    {
        using var client = SignedInClient.Anonymous(app.Factory);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        var pdf = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "pdf-rendering");
        pdf.GetProperty("status").GetString().ShouldBe("Healthy");
        pdf.GetProperty("description").GetString().ShouldNotBeNull().ShouldContain("printed a 1-page test PDF");
    }

    /// <summary>Follows the links of the site from the wheel: every page of a kind not yet seen, and the PDF links on them.</summary>
    private static async Task<IReadOnlyList<string>> PdfLinksAsync(HttpClient client)
    {
        var parser = new HtmlParser();
        var seenKinds = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var pdfs = new SortedSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0 && seenKinds.Count < 60)
        {
            var url = queue.Dequeue();
            if (!seenKinds.Add(Kind(url)))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith('/')))
            {
                var path = href.Split('?')[0];
                if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    pdfs.Add(href);
                }
                else if (!path.Contains('.', StringComparison.Ordinal) && !path.StartsWith("/account", StringComparison.Ordinal) && !path.StartsWith("/api", StringComparison.Ordinal))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return pdfs.ToList();
    }

    /// <summary>"/measures/PH-HV-01?period=…" → "/measures/*": one page of each kind is enough to find the links of its kind.</summary>
    private static string Kind(string url)
    {
        var parts = url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => "/",
            1 => "/" + parts[0],
            _ => "/" + parts[0] + "/*" + (parts.Length > 2 ? "/" + string.Join('/', parts.Skip(2)) : string.Empty),
        };
    }
}
