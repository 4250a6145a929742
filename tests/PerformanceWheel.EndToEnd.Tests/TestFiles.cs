using System.Diagnostics;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>Files the journeys read: the repository they run from, and the text of a downloaded PDF.</summary>
public static class TestFiles
{
    /// <summary>The folder holding PerformanceWheel.sln above the test's binaries, or null when run from elsewhere.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerformanceWheel.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>A PDF's text as pdftotext lays it out (poppler-utils; the test command installs it), or in reading order without <paramref name="layout"/>.</summary>
    public static string PdfText(string pdf, bool layout = true)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", layout ? ["-layout", pdf, "-"] : [pdf, "-"]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("pdftotext did not start (apt-get install poppler-utils; the test command installs it).");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
