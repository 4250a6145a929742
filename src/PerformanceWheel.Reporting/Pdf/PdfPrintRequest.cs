namespace PerformanceWheel.Reporting.Pdf;

/// <summary>
/// A document to print: complete HTML (CSS inlined) and the footer line printed before "Page x of y"; a pack made in
/// the background may take longer than <see cref="ReportingOptions.PackTimeoutSeconds"/> (<paramref name="Timeout"/>).
/// </summary>
public sealed record PdfPrintRequest(string Html, string FooterText, TimeSpan? Timeout = null);
