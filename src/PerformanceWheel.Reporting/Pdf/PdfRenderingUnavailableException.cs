namespace PerformanceWheel.Reporting.Pdf;

/// <summary>No browser to print with: the message says what to install or configure.</summary>
public sealed class PdfRenderingUnavailableException : Exception
{
    public PdfRenderingUnavailableException()
    {
    }

    public PdfRenderingUnavailableException(string message)
        : base(message)
    {
    }

    public PdfRenderingUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
