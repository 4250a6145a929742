using AngleSharp;
using AngleSharp.Dom;

namespace PerformanceWheel.Web.Tests;

/// <summary>Fetches a page and parses it, as a user's browser would see the markup.</summary>
internal static class Html
{
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(body));
        return (response, document);
    }

    /// <summary>The text of a table row whose header cell is the given code.</summary>
    public static IElement Row(IDocument document, string rowHeader) =>
        document.QuerySelectorAll("tr").FirstOrDefault(r => r.QuerySelector("th[scope=row]")?.TextContent.Trim() == rowHeader)
        ?? throw new InvalidOperationException($"No row headed '{rowHeader}'.");
}
