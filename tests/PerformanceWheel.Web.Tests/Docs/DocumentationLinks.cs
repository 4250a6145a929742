using System.Text.RegularExpressions;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Docs;

/// <summary>The README and docs/ as a reader meets them: the user guide is linked, and every image and local link resolves.</summary>
public sealed partial class DocumentationLinks
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { Path.Combine(Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }

        return data;
    }

    [Fact]
    public void TheReadmeLinksTheUserGuide()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        MarkdownLink().Matches(readme).Select(m => m.Groups["target"].Value).ShouldContain("docs/user-guide.md");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryImageAndLocalLinkExists(string document)
    {
        var path = Path.Combine(Root, document);
        var folder = Path.GetDirectoryName(path)!;
        var missing = MarkdownLink().Matches(File.ReadAllText(path))
            .Select(m => m.Groups["target"].Value.Split('#')[0])
            .Where(t => t.Length > 0 && !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .Where(t => !File.Exists(Path.Combine(folder, t)) && !Directory.Exists(Path.Combine(folder, t)))
            .ToList();

        missing.ShouldBeEmpty($"{document} refers to files that do not exist");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerformanceWheel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerformanceWheel.sln was not found above the test's folder.");
    }

    // ![alt](target) and [text](target), with an optional "title".
    [GeneratedRegex("""!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+"[^"]*")?\)""")]
    private static partial Regex MarkdownLink();
}
