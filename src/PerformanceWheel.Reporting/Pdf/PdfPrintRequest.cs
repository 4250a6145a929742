namespace PerformanceWheel.Reporting.Pdf;

/// <summary>A document to print: complete HTML (CSS inlined) and the footer line printed before "Page x of y".</summary>
public sealed record PdfPrintRequest(string Html, string FooterText);
