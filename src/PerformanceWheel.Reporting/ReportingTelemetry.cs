using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PerformanceWheel.Reporting;

/// <summary>
/// Traces and metrics of pack rendering, under one name (<see cref="Name"/>) for the ActivitySource and the Meter.
/// Spans: Pack.Gather (reading the figures), Pack.Render (both passes), Pack.Html and Pdf.Print (each pass); Excel
/// exports' Export.Write is traced by <c>PerformanceWheel.Workbooks.WorkbooksTelemetry</c>. Metrics: <c>performancewheel.pack.renders</c> (by kind and outcome),
/// <c>performancewheel.pack.duration</c> (s), <c>performancewheel.pack.size</c> (bytes) and
/// <c>performancewheel.pack.joined</c> (readers who joined a render already under way). Nothing is recorded without a
/// listener (docs/decisions/0009).
/// </summary>
public static class ReportingTelemetry
{
    public const string Name = "PerformanceWheel.Reporting";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Renders = Meter.CreateCounter<long>("performancewheel.pack.renders", "{pack}", "Packs rendered to PDF, by kind and outcome.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("performancewheel.pack.duration", "s", "Time to render and print a pack (both passes).");

    internal static readonly Histogram<long> Size = Meter.CreateHistogram<long>("performancewheel.pack.size", "By", "Size of a printed pack.");

    internal static readonly Counter<long> Joined = Meter.CreateCounter<long>("performancewheel.pack.joined", "{request}", "Requests that waited for a render of the same pack already under way instead of starting another.");
}
