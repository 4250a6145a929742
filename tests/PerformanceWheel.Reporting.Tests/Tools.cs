using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>Chromium and poppler-utils, as scripts/test.sh installs them.</summary>
public static partial class Tools
{
    public static string Chromium => Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>pdftotext -layout of the whole file, or of one page.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf, int? page = null)
    {
        var file = await TempAsync(pdf, ".pdf");
        var pages = page is { } p ? $"-f {p} -l {p} " : string.Empty;
        return await RunAsync("pdftotext", $"-layout {pages}\"{file}\" -");
    }

    public static async Task<IReadOnlyDictionary<string, string>> PdfInfoAsync(byte[] pdf)
    {
        var file = await TempAsync(pdf, ".pdf");
        var output = await RunAsync("pdfinfo", $"\"{file}\"");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
    }

    public static int PageCount(IReadOnlyDictionary<string, string> info) => int.Parse(info["Pages"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Text of each page (pdftotext separates pages with a form feed).</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf) => (await PdfTextAsync(pdf)).Split('\f');

    public static string Squash(string text) => WhiteSpace().Replace(text, " ");

    public static async Task<string> TempAsync(byte[] bytes, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), "pw-reporting-" + Guid.NewGuid().ToString("N") + extension);
        await File.WriteAllBytesAsync(file, bytes);
        return file;
    }

    public static async Task<string> RunAsync(string fileName, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{fileName} {arguments} failed: {error}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
