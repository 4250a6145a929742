using System.Globalization;

namespace PerformanceWheel.Web.Components.Charts;

/// <summary>One segment of the wheel: an annular sector from <see cref="StartDegrees"/> sweeping <see cref="SweepDegrees"/>.</summary>
public sealed record WheelSector(int Index, double StartDegrees, double SweepDegrees, double InnerRadius, double OuterRadius)
{
    public double MidDegrees => StartDegrees + (SweepDegrees / 2);

    /// <summary>The SVG path of the sector (a full ring when the sweep is 360°).</summary>
    public string Path()
    {
        if (SweepDegrees >= 359.999)
        {
            // A full annulus: two half arcs outside, two inside, drawn in opposite directions (even-odd fill).
            return string.Create(CultureInfo.InvariantCulture,
                $"M {F(-OuterRadius)} 0 A {F(OuterRadius)} {F(OuterRadius)} 0 1 1 {F(OuterRadius)} 0 A {F(OuterRadius)} {F(OuterRadius)} 0 1 1 {F(-OuterRadius)} 0 Z " +
                $"M {F(-InnerRadius)} 0 A {F(InnerRadius)} {F(InnerRadius)} 0 1 0 {F(InnerRadius)} 0 A {F(InnerRadius)} {F(InnerRadius)} 0 1 0 {F(-InnerRadius)} 0 Z");
        }

        var (x1, y1) = WheelGeometry.Point(OuterRadius, StartDegrees);
        var (x2, y2) = WheelGeometry.Point(OuterRadius, StartDegrees + SweepDegrees);
        var (x3, y3) = WheelGeometry.Point(InnerRadius, StartDegrees + SweepDegrees);
        var (x4, y4) = WheelGeometry.Point(InnerRadius, StartDegrees);
        var large = SweepDegrees > 180 ? 1 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"M {F(x1)} {F(y1)} A {F(OuterRadius)} {F(OuterRadius)} 0 {large} 1 {F(x2)} {F(y2)} L {F(x3)} {F(y3)} A {F(InnerRadius)} {F(InnerRadius)} 0 {large} 0 {F(x4)} {F(y4)} Z");
    }

    /// <summary>An arc along the middle of the sector for a text label; drawn right to left on the lower half so text is upright.</summary>
    public string LabelArc()
    {
        var radius = (InnerRadius + OuterRadius) / 2;
        var sweep = Math.Min(SweepDegrees, 359.0);
        var start = SweepDegrees >= 359.999 ? 180.5 : StartDegrees;
        var end = start + sweep;
        var lower = SweepDegrees < 359.999 && MidDegrees is > 90 and < 270;
        var (x1, y1) = WheelGeometry.Point(radius, lower ? end : start);
        var (x2, y2) = WheelGeometry.Point(radius, lower ? start : end);
        var large = sweep > 180 ? 1 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"M {F(x1)} {F(y1)} A {F(radius)} {F(radius)} 0 {large} {(lower ? 0 : 1)} {F(x2)} {F(y2)}");
    }

    private static string F(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// Lays out the wheel: segments share the circle equally, in group order, starting at twelve o'clock and running
/// clockwise; each group also gets an arc on an outer band spanning its segments.
/// </summary>
public static class WheelGeometry
{
    public const double Size = 520;
    public const double HubRadius = 70;
    public const double SegmentInner = 80;
    public const double SegmentOuter = 205;
    public const double BandInner = 212;
    public const double BandOuter = 250;

    public static IReadOnlyList<WheelSector> Segments(int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var sweep = 360.0 / count;
        return Enumerable.Range(0, count).Select(i => new WheelSector(i, i * sweep, sweep, SegmentInner, SegmentOuter)).ToList();
    }

    /// <summary>The outer band arcs, one per group, covering that group's segments.</summary>
    public static IReadOnlyList<WheelSector> Groups(IReadOnlyList<int> segmentsPerGroup)
    {
        ArgumentNullException.ThrowIfNull(segmentsPerGroup);
        var total = segmentsPerGroup.Sum();
        if (total == 0)
        {
            return [];
        }

        var sweep = 360.0 / total;
        var start = 0.0;
        var result = new List<WheelSector>();
        for (var i = 0; i < segmentsPerGroup.Count; i++)
        {
            var groupSweep = segmentsPerGroup[i] * sweep;
            result.Add(new WheelSector(i, start, groupSweep, BandInner, BandOuter));
            start += groupSweep;
        }

        return result;
    }

    /// <summary>A point at a radius and an angle measured clockwise from twelve o'clock.</summary>
    public static (double X, double Y) Point(double radius, double degrees)
    {
        var radians = (degrees - 90) * Math.PI / 180;
        return (radius * Math.Cos(radians), radius * Math.Sin(radians));
    }

    public static string Format(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
