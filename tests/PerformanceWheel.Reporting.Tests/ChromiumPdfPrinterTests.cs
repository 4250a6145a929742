using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerformanceWheel.Reporting.Pdf;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>The shared browser: reused between documents, started again after a crash.</summary>
public sealed class ChromiumPdfPrinterTests
{
    private const string Html = "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Test</title></head><body><h1>Hello</h1></body></html>";

    [Fact]
    public async Task ReusesOneBrowserAndRestartsItAfterACrash()
    {
        await using var printer = new ChromiumPdfPrinter(Options.Create(new ReportingOptions { BrowserExecutablePath = Tools.Chromium }), NullLogger<ChromiumPdfPrinter>.Instance);
        (await printer.PrintAsync(new PdfPrintRequest(Html, "f"))).Length.ShouldBeGreaterThan(1000);
        (await printer.PrintAsync(new PdfPrintRequest(Html, "f"))).Length.ShouldBeGreaterThan(1000);
        printer.Launches.ShouldBe(1);

        await printer.SimulateCrashAsync();
        var pdf = await printer.PrintAsync(new PdfPrintRequest(Html, "f"));
        (await Tools.PdfTextAsync(pdf)).ShouldContain("Hello");
        printer.Launches.ShouldBe(2);
    }

    [Fact]
    public async Task PacksArePrintedWithJavaScriptOff()
    {
        const string scripted = "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Test</title></head><body><h1 id=\"h\">Static heading</h1>" +
            "<script>document.getElementById('h').textContent = 'Script ran';</script></body></html>";
        await using var printer = new ChromiumPdfPrinter(Options.Create(new ReportingOptions { BrowserExecutablePath = Tools.Chromium }), NullLogger<ChromiumPdfPrinter>.Instance);

        var text = await Tools.PdfTextAsync(await printer.PrintAsync(new PdfPrintRequest(scripted, "f")));

        text.ShouldContain("Static heading");
        text.ShouldNotContain("Script ran");
    }

    [Fact]
    public void AMissingBrowserIsReportedWithWhatToInstall()
    {
        var printer = new ChromiumPdfPrinter(Options.Create(new ReportingOptions { BrowserExecutablePath = "/nope/chromium" }), NullLogger<ChromiumPdfPrinter>.Instance);
        printer.UnavailableReason()!.ShouldContain("apt-get install chromium");
    }

    [Fact]
    public void TheDefaultBrowserOnLinuxIsAptsChromium()
    {
        if (OperatingSystem.IsLinux())
        {
            new ReportingOptions().ResolveExecutable().ShouldBe("/usr/bin/chromium");
        }

        new ReportingOptions { BrowserChannel = "msedge" }.ResolveExecutable().ShouldBeNull();
    }
}
