using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>
/// Either value missing → none. Improving when the change is in the better direction by more than the steady
/// threshold; Declining when in the worse direction by more than it; otherwise Steady.
/// </summary>
public class DirectionOfTravel
{
    private static Direction? Compare(Polarity polarity, string? current, string? earlier, string threshold) =>
        DirectionCalculator.Compare(polarity, DOrNull(current), DOrNull(earlier), D(threshold));

    [Theory]
    [InlineData("85", "80", "1", Direction.Improving)]
    [InlineData("81.01", "80", "1", Direction.Improving)]
    [InlineData("81", "80", "1", Direction.Steady)]
    [InlineData("80", "80", "1", Direction.Steady)]
    [InlineData("79", "80", "1", Direction.Steady)]
    [InlineData("78.99", "80", "1", Direction.Declining)]
    [InlineData("80.01", "80", "0", Direction.Improving)]
    [InlineData("80", "80", "0", Direction.Steady)]
    [InlineData("79.99", "80", "0", Direction.Declining)]
    public void HigherIsBetterImprovesWhenTheValueRises(string current, string earlier, string threshold, Direction expected)
    {
        Compare(Polarity.HigherIsBetter, current, earlier, threshold).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2.0", "2.5", "0.5", Direction.Steady)]
    [InlineData("1.99", "2.5", "0.5", Direction.Improving)]
    [InlineData("3.0", "2.5", "0.5", Direction.Steady)]
    [InlineData("3.01", "2.5", "0.5", Direction.Declining)]
    public void LowerIsBetterImprovesWhenTheValueFalls(string current, string earlier, string threshold, Direction expected)
    {
        Compare(Polarity.LowerIsBetter, current, earlier, threshold).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, "80")]
    [InlineData("80", null)]
    [InlineData(null, null)]
    public void HasNoDirectionWhenEitherValueIsMissing(string? current, string? earlier)
    {
        Compare(Polarity.HigherIsBetter, current, earlier, "0").ShouldBeNull();
    }

    [Theory]
    [InlineData("12", "15", Direction.Steady)]
    [InlineData("10", "20", Direction.Steady)]
    [InlineData("9", "5", Direction.Improving)]
    [InlineData("22", "25", Direction.Improving)]
    [InlineData("15", "25", Direction.Improving)]
    [InlineData("5", "9", Direction.Declining)]
    [InlineData("25", "15", Direction.Declining)]
    [InlineData("8", "22", Direction.Steady)]
    [InlineData("8.5", "9", Direction.Steady)]
    [InlineData("8.49", "9", Direction.Declining)]
    public void WithinRangeImprovesWhenTheDistanceToTheBandShrinks(string current, string earlier, Direction expected)
    {
        // Band 10–20, steady threshold 0.5.
        DirectionCalculator.Compare(Polarity.WithinRange, D(current), D(earlier), 0.5m, Target.Range(10m, 20m)).ShouldBe(expected);
    }

    [Fact]
    public void WithinRangeHasNoDirectionWithoutABand()
    {
        DirectionCalculator.Compare(Polarity.WithinRange, 5m, 15m, 0m).ShouldBeNull();
    }
}
