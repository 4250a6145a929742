using System.Net;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>Reading a page as a user does: a table's cell under a column heading, a badge's accessible text, a link.</summary>
internal static class Page
{
    /// <summary>Fetches a page and fails unless it answers 200.</summary>
    public static async Task<IDocument> OkAsync(HttpClient client, string url)
    {
        var (response, document) = await Html.GetAsync(client, url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return document;
    }

    /// <summary>Text with whitespace collapsed.</summary>
    public static string Text(this INode node) =>
        string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The table whose caption starts with the given text.</summary>
    public static IElement Table(this IDocument document, string captionStart) =>
        document.QuerySelectorAll("table").FirstOrDefault(t => t.QuerySelector("caption")?.Text().StartsWith(captionStart, StringComparison.Ordinal) == true)
        ?? throw new InvalidOperationException($"No table captioned '{captionStart}…'. Captions: {string.Join(" | ", document.QuerySelectorAll("caption").Select(c => c.Text()))}");

    /// <summary>The column headings of a table's last header row.</summary>
    public static IReadOnlyList<string> Columns(this IElement table)
    {
        var headerRows = table.QuerySelectorAll("thead tr");
        return headerRows[headerRows.Length - 1].QuerySelectorAll("th").Select(th => th.Text()).ToList();
    }

    /// <summary>Body and footer rows of a table headed by a row header (th scope=row).</summary>
    public static IReadOnlyList<IElement> Rows(this IElement table) =>
        table.QuerySelectorAll("tbody tr, tfoot tr").Where(r => r.QuerySelector("th[scope=row]") is not null).ToList();

    /// <summary>A row's header text (the th scope=row).</summary>
    public static string Header(this IElement row) => row.QuerySelector("th[scope=row]")!.Text();

    public static IElement Row(this IElement table, string header) =>
        table.Rows().FirstOrDefault(r => r.Header() == header)
        ?? throw new InvalidOperationException($"No row headed '{header}'. Rows: {string.Join(", ", table.Rows().Select(r => r.Header()))}");

    /// <summary>
    /// The cell of a row under a column heading. Rows are aligned from the right, so a row without the spanning
    /// row-group header of its first sibling still lines up.
    /// </summary>
    public static IElement Cell(this IElement row, string column)
    {
        var table = row.Closest("table")!;
        var columns = table.Columns();
        var index = columns.ToList().IndexOf(column);
        if (index < 0)
        {
            throw new InvalidOperationException($"No column '{column}'. Columns: {string.Join(", ", columns)}");
        }

        var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
        return cells[index - (columns.Count - cells.Count)];
    }

    public static string CellText(this IElement row, string column) => row.Cell(column).Text();

    /// <summary>What a screen reader hears for the rating badge in an element ("Red: off target and outside tolerance").</summary>
    public static string? Badge(this IElement element) => element.QuerySelector(".rag .visually-hidden")?.Text();

    /// <summary>The letter printed on the rating badge in an element (R, A, G, B or –).</summary>
    public static string? Letter(this IElement element) => element.QuerySelector(".rag [aria-hidden=true]")?.Text();

    public static string Href(this IElement element) =>
        (element.LocalName == "a" ? element : element.QuerySelector("a[href]"))?.GetAttribute("href")
        ?? throw new InvalidOperationException($"No link in '{element.Text()}'.");

    /// <summary>A link's path and its decoded query values.</summary>
    public static (string Path, Dictionary<string, string> Query) Parse(string href)
    {
        var uri = new Uri(new Uri("http://localhost"), href);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        return (Uri.UnescapeDataString(uri.AbsolutePath), query);
    }

    /// <summary>The full name of a rating as badges say it.</summary>
    public static string Meaning(string letter) => letter switch
    {
        "R" => "Red: off target and outside tolerance",
        "A" => "Amber: off target but within tolerance",
        "G" => "Green: on or exceeding target",
        "B" => "Blue: discontinued or complete",
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "R, A, G or B"),
    };

    public static string Url(string path, string? period) => period is null ? path : $"{path}?period={Uri.EscapeDataString(period)}";
}
