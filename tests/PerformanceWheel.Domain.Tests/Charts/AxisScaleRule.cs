using PerformanceWheel.Domain.Charts;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Charts;

/// <summary>
/// Chart axes at round values: steps of 1, 2, 2.5 or 5 × 10ⁿ, ends on a multiple of the step around the values,
/// a percentage axis not past 100 unless a value is.
/// </summary>
public class AxisScaleRule
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(0.7, 1)]
    [InlineData(1.2, 2)]
    [InlineData(2, 2)]
    [InlineData(2.1, 2.5)]
    [InlineData(2.5, 2.5)]
    [InlineData(2.6, 5)]
    [InlineData(5, 5)]
    [InlineData(5.1, 10)]
    [InlineData(9.99, 10)]
    [InlineData(0.03, 0.05)]
    [InlineData(0.0013, 0.002)]
    [InlineData(0.3, 0.5)]
    [InlineData(102, 200)]
    [InlineData(240, 250)]
    [InlineData(4300, 5000)]
    public void StepIsTheSmallestRoundStepNoSmallerThanAsked(double rough, double step) =>
        AxisScale.NiceStep(rough).ShouldBe(step);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void StepMustBePositive(double rough) =>
        Should.Throw<ArgumentOutOfRangeException>(() => AxisScale.NiceStep(rough));

    // values; percent; min, max, step, the ticks.
    [Theory]
    // A count in the thousands (the demo's CO2 tonnes): 200s, not 4,094 / 4,197 / 4,301.
    [InlineData("3986 4394 4200", false, 3800, 4400, 200, "3800 4000 4200 4400")]
    // A percentage that passes 100: the axis passes it too.
    [InlineData("76.7 102.2 96", true, 70, 110, 10, "70 80 90 100 110")]
    // A percentage below 100: the axis stops at 100.
    [InlineData("81.9 99.1 96", true, 80, 100, 5, "80 85 90 95 100")]
    // Exactly 100: stops at 100.
    [InlineData("95 100", true, 94, 100, 2, "94 96 98 100")]
    // A step of 2.5.
    [InlineData("1 10", false, 0, 10, 2.5, "0 2.5 5 7.5 10")]
    // Small decimals: a step of 0.05.
    [InlineData("0.12 0.27", false, 0.1, 0.3, 0.05, "0.1 0.15 0.2 0.25 0.3")]
    // Values below zero keep the axis below zero; values at or above zero never start it below zero.
    [InlineData("-3.2 4.1", false, -4, 6, 2, "-4 -2 0 2 4 6")]
    [InlineData("0 7", false, 0, 8, 2, "0 2 4 6 8")]
    // A single value: a tenth either side of it, at round values.
    [InlineData("50", false, 45, 55, 2.5, "45 47.5 50 52.5 55")]
    // Zero alone, and no values at all: 0 to 1.
    [InlineData("0", false, 0, 1, 0.25, "0 0.25 0.5 0.75 1")]
    [InlineData("", true, 0, 1, 0.25, "0 0.25 0.5 0.75 1")]
    public void AxisEndsOnRoundValuesAroundTheFigures(string values, bool percent, double min, double max, double step, string ticks)
    {
        var scale = AxisScale.For(values.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), percent);

        scale.Min.ShouldBe(min);
        scale.Max.ShouldBe(max);
        scale.Step.ShouldBe(step);
        string.Join(' ', scale.Ticks.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(ticks);
    }

    [Theory]
    [InlineData(200, 0)]
    [InlineData(2.5, 1)]
    [InlineData(0.25, 2)]
    [InlineData(0.05, 2)]
    public void TickLabelsShowTheStepsDecimals(double step, int decimals) =>
        AxisScale.For([0, step * 4]).Decimals.ShouldBe(decimals);
}
