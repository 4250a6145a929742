using PerformanceWheel.Web.Components.Charts;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Components;

/// <summary>How the wheel is laid out: equal sectors from twelve o'clock, clockwise, with ring bands over their segments.</summary>
public sealed class WheelGeometryLayout
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(19)]
    public void SectorsStartAtTwelveOClockAndAreContiguous(int count)
    {
        var sectors = WheelGeometry.Segments(count);

        sectors.Count.ShouldBe(count);
        sectors[0].StartDegrees.ShouldBe(0);
        for (var i = 1; i < count; i++)
        {
            sectors[i].StartDegrees.ShouldBe(sectors[i - 1].StartDegrees + sectors[i - 1].SweepDegrees, tolerance: 1e-9);
        }

        (sectors[^1].StartDegrees + sectors[^1].SweepDegrees).ShouldBe(360, tolerance: 1e-9);
        sectors.Sum(s => s.SweepDegrees).ShouldBe(360, tolerance: 1e-9);
        sectors.ShouldAllBe(s => s.InnerRadius == WheelGeometry.SegmentInner && s.OuterRadius == WheelGeometry.SegmentOuter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NoSegmentsGiveNoSectors(int count) => WheelGeometry.Segments(count).ShouldBeEmpty();

    [Theory]
    [InlineData(new[] { 7, 4, 1 })]
    [InlineData(new[] { 4, 4, 4, 4, 3 })]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 2, 0, 3 })]
    public void EachRingBandSpansExactlyItsSegments(int[] perGroup)
    {
        var sectors = WheelGeometry.Segments(perGroup.Sum());
        var bands = WheelGeometry.Groups(perGroup);

        bands.Count.ShouldBe(perGroup.Length);
        var first = 0;
        for (var g = 0; g < perGroup.Length; g++)
        {
            if (perGroup[g] > 0)
            {
                var last = first + perGroup[g] - 1;
                bands[g].StartDegrees.ShouldBe(sectors[first].StartDegrees, tolerance: 1e-9);
                (bands[g].StartDegrees + bands[g].SweepDegrees).ShouldBe(sectors[last].StartDegrees + sectors[last].SweepDegrees, tolerance: 1e-9);
            }
            else
            {
                bands[g].SweepDegrees.ShouldBe(0);
            }

            bands[g].InnerRadius.ShouldBeGreaterThan(WheelGeometry.SegmentOuter);
            first += perGroup[g];
        }
    }

    [Fact]
    public void NoGroupsGiveNoBands() => WheelGeometry.Groups([0, 0]).ShouldBeEmpty();

    [Fact]
    public void ASingleSegmentIsAFullRingOfTwoCircles()
    {
        var path = WheelGeometry.Segments(1)[0].Path();

        // Outer circle and inner circle, each two half arcs; no straight edges (a sector would have them).
        path.ShouldBe("M -205 0 A 205 205 0 1 1 205 0 A 205 205 0 1 1 -205 0 Z M -80 0 A 80 80 0 1 0 80 0 A 80 80 0 1 0 -80 0 Z");
    }

    [Fact]
    public void ASectorRunsClockwiseFromItsStartOnTheOuterEdgeBackAlongTheInnerEdge()
    {
        // A quarter of the wheel: from twelve o'clock to three o'clock.
        var path = WheelGeometry.Segments(4)[0].Path();

        path.ShouldBe("M 0 -205 A 205 205 0 0 1 205 0 L 80 0 A 80 80 0 0 0 0 -80 Z");
    }

    [Fact]
    public void ASweepOverHalfTheCircleUsesTheLargeArc()
    {
        var bands = WheelGeometry.Groups([3, 1]);

        bands[0].Path().ShouldContain("0 1 1");
        bands[1].Path().ShouldContain("0 0 1");
    }

    [Theory]
    [InlineData(0, 0, -100)]
    [InlineData(90, 100, 0)]
    [InlineData(180, 0, 100)]
    [InlineData(270, -100, 0)]
    public void AnglesAreMeasuredClockwiseFromTwelveOClock(double degrees, double x, double y)
    {
        var (px, py) = WheelGeometry.Point(100, degrees);

        px.ShouldBe(x, tolerance: 1e-9);
        py.ShouldBe(y, tolerance: 1e-9);
    }

    [Theory]
    [InlineData(18.947368, "18.95")]
    [InlineData(0.004, "0")]
    [InlineData(360, "360")]
    [InlineData(-102.5, "-102.5")]
    public void FormatsCoordinatesWithAtMostTwoDecimalsAndAPoint(double value, string text) =>
        WheelGeometry.Format(value).ShouldBe(text);
}
