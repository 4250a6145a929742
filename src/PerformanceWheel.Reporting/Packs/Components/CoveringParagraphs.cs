namespace PerformanceWheel.Reporting.Packs.Components;

/// <summary>A numbered paragraph of a covering report and the bulleted lines written under it ("- ", "• ", "a) ").</summary>
public sealed record CoveringParagraph(string Text, IReadOnlyList<string> Points);

/// <summary>
/// How an officer's text becomes the covering report's numbered paragraphs (seed 001: "1. It is essential that…"): each
/// line is a paragraph; a line starting with "- ", "• " or a letter and ")" is a point under the paragraph before it.
/// </summary>
public static class CoveringParagraphs
{
    public static IReadOnlyList<CoveringParagraph> Of(string? text)
    {
        var paragraphs = new List<(string Text, List<string> Points)>();
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (IsPoint(line) && paragraphs.Count > 0)
            {
                paragraphs[^1].Points.Add(line.StartsWith('-') || line.StartsWith('•') ? line[1..].Trim() : line);
            }
            else
            {
                paragraphs.Add((line, []));
            }
        }

        return paragraphs.Select(p => new CoveringParagraph(p.Text, p.Points)).ToList();
    }

    /// <summary>The lines of a list (background papers): one item a line, bullets dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim().TrimStart('-', '•').Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Whether a point carries its own letter ("a) …"), so it prints without a bullet.</summary>
    public static bool IsLettered(string point) =>
        point.Length > 2 && char.IsAsciiLetterLower(point[0]) && point[1] == ')';

    private static bool IsPoint(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith('•') ||
        IsLettered(line);
}
