using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PerformanceWheel.Reporting.Pdf;

/// <summary>
/// Reads the bookmarks Chromium writes for headings (<c>Outline = true</c>) and the page each one points to, so a
/// contents page can print real page numbers after a first pass. Skia writes the page tree and outline items as plain
/// (uncompressed) objects, which is all this reads.
/// </summary>
public static partial class PdfOutline
{
    /// <summary>Each bookmark's title with its 1-based page number, in file order.</summary>
    public static IReadOnlyList<(string Title, int Page)> Read(byte[] pdf)
    {
        var (objects, pages) = PageTree(pdf);
        var pageIndex = pages.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i + 1);
        var result = new List<(string, int)>();
        foreach (var body in objects.OrderBy(o => o.Key).Select(o => o.Value))
        {
            var title = TitlePattern().Match(body);
            var dest = DestPattern().Match(body);
            if (title.Success && dest.Success && pageIndex.TryGetValue(int.Parse(dest.Groups[1].Value, CultureInfo.InvariantCulture), out var page))
            {
                result.Add((DecodeString(title.Groups[1].Value), page));
            }
        }

        return result;
    }

    /// <summary>How many pages the page tree holds (0 when it cannot be read).</summary>
    public static int PageCount(byte[] pdf) => PageTree(pdf).Pages.Count;

    private static (Dictionary<int, string> Objects, List<int> Pages) PageTree(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var objects = new Dictionary<int, string>();
        foreach (Match m in ObjectPattern().Matches(text))
        {
            objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = m.Groups[2].Value;
        }

        var catalog = objects.Values.FirstOrDefault(o => o.Contains("/Type /Catalog", StringComparison.Ordinal));
        var root = catalog is null ? null : PagesRefPattern().Match(catalog);
        var pages = new List<int>();
        if (root is { Success: true })
        {
            Collect(int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture), objects, pages, 0);
        }

        return (objects, pages);
    }

    private static void Collect(int id, Dictionary<int, string> objects, List<int> pages, int depth)
    {
        if (depth > 32 || !objects.TryGetValue(id, out var body))
        {
            return;
        }

        if (body.Contains("/Type /Pages", StringComparison.Ordinal))
        {
            var kids = KidsPattern().Match(body);
            if (kids.Success)
            {
                foreach (Match kid in RefPattern().Matches(kids.Groups[1].Value))
                {
                    Collect(int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), objects, pages, depth + 1);
                }
            }
        }
        else if (body.Contains("/Type /Page", StringComparison.Ordinal))
        {
            pages.Add(id);
        }
    }

    /// <summary>A PDF string: <c>(literal with \escapes)</c> or <c>&lt;FEFF… hex UTF-16BE&gt;</c>.</summary>
    internal static string DecodeString(string token)
    {
        if (token.StartsWith('<'))
        {
            var hex = token.Trim('<', '>').Replace(" ", string.Empty, StringComparison.Ordinal);
            var bytes = Convert.FromHexString(hex);
            return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
                ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
                : Encoding.Latin1.GetString(bytes);
        }

        var inner = token[1..^1];
        var sb = new StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c != '\\' || i + 1 >= inner.Length)
            {
                sb.Append(c);
                continue;
            }

            var next = inner[++i];
            switch (next)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case >= '0' and <= '7':
                    var end = i;
                    while (end < inner.Length && end - i < 3 && inner[end] is >= '0' and <= '7')
                    {
                        end++;
                    }

                    sb.Append((char)Convert.ToInt32(inner[i..end], 8));
                    i = end - 1;
                    break;
                default: sb.Append(next); break;
            }
        }

        var raw = sb.ToString();
        return raw.Length >= 2 && raw[0] == '\u00FE' && raw[1] == '\u00FF'
            ? Encoding.BigEndianUnicode.GetString(Encoding.Latin1.GetBytes(raw[2..]))
            : raw;
    }

    [GeneratedRegex(@"(?m)^(\d+) 0 obj\s*(<<.*?>>)\s*(?:endobj|stream)", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/Pages (\d+) 0 R")]
    private static partial Regex PagesRefPattern();

    [GeneratedRegex(@"/Kids \[([^\]]*)\]")]
    private static partial Regex KidsPattern();

    [GeneratedRegex(@"(\d+) 0 R")]
    private static partial Regex RefPattern();

    [GeneratedRegex(@"/Title (\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"/Dest \[(\d+) 0 R")]
    private static partial Regex DestPattern();
}
