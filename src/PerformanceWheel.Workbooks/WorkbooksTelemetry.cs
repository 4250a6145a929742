using System.Diagnostics;

namespace PerformanceWheel.Workbooks;

/// <summary>
/// Traces of workbook writing under <see cref="Name"/>: Export.Write (tagged with its sheets and rows). Nothing is
/// recorded without a listener (docs/decisions/0009).
/// </summary>
public static class WorkbooksTelemetry
{
    public const string Name = "PerformanceWheel.Workbooks";

    internal static readonly ActivitySource Source = new(Name);
}
