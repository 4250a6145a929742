using System.Globalization;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Reporting.Packs.Components;

/// <summary>How packs write figures, targets and settings in words.</summary>
public static class PackFormat
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Figure(Measure measure, MeasureResult result)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(result);
        return Figure(FigureFormat.For(measure, [result.Value]), result);
    }

    /// <summary>A figure in a table where all of a measure's figures share <paramref name="format"/>.</summary>
    public static string Figure(FigureFormat format, MeasureResult result)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(result);
        return result.Value is { } v ? format.Value(v) + (result.IsProvisional ? " (provisional)" : string.Empty)
            : result.Status is { } s ? Status(s)
            : result.IsIncomplete ? "Incomplete"
            : "No figure";
    }

    public static string Figure(MeasureLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var r = line.Result;
        return r.Value is { } v ? line.FormatValue(v) + (r.IsProvisional ? " (provisional)" : string.Empty)
            : r.Status is { } s ? Status(s)
            : r.IsIncomplete ? "Incomplete"
            : "No figure";
    }

    public static string Target(MeasureUnit unit, int decimals, Target? target) => new FigureFormat(unit, decimals).Target(target);

    public static string Status(OutturnStatus status) => OutturnStatusText.Label(status);

    public static string Polarity(Polarity polarity) => polarity switch
    {
        Domain.Rating.Polarity.HigherIsBetter => "Higher is better",
        Domain.Rating.Polarity.LowerIsBetter => "Lower is better",
        _ => "Within a range",
    };

    public static string Millions(decimal value) => (value < 0 ? "-£" : "£") + Math.Abs(value).ToString("N1", EnGb) + "m";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string PeriodSpan(Domain.Periods.ReportingPeriod period) =>
        $"{period.Start.ToString("MMMM yyyy", EnGb)} to {period.End.ToString("MMMM yyyy", EnGb)}";

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The key's arrow for a project's progress: ↑ milestone achieved, → progressing, ↓ missed or at risk.</summary>
    public static string ProjectArrow(Domain.Projects.ProjectDirection direction) => direction switch
    {
        Domain.Projects.ProjectDirection.MilestoneAchieved => Direction.Improving.Arrow(),
        Domain.Projects.ProjectDirection.Progressing => Direction.Steady.Arrow(),
        _ => Direction.Declining.Arrow(),
    };

    /// <summary>
    /// Under a Scrutiny pack's wheel: which segments are highlighted (in words, not colour alone) and that the rest are pale.
    /// </summary>
    public static string HighlightNote(string? committee, IReadOnlyList<string> segments) =>
        segments.Count == 0
            ? $"No segment of the wheel is tagged for {committee ?? "this committee"}: every segment is drawn pale."
            : $"Highlighted: the {(segments.Count == 1 ? "segment" : $"{segments.Count} segments")} for {committee ?? "this committee"} ({string.Join(", ", segments)}), drawn in full colour with a dark outline; the other segments are drawn pale.";

    public static string ProjectDirection(Domain.Projects.ProjectDirection direction) => direction switch
    {
        Domain.Projects.ProjectDirection.MilestoneAchieved => "Milestone achieved",
        Domain.Projects.ProjectDirection.Progressing => "Progressing",
        _ => "Missed or at risk",
    };
}
