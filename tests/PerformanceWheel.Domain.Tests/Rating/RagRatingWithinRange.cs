using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>
/// WithinRange [low, high]: Green if low ≤ value ≤ high; Amber if outside by no more than the tolerance; else Red.
/// A percent tolerance is that percent of the nearer bound.
/// </summary>
public class RagRatingWithinRange
{
    [Theory]
    [InlineData("10", RagStatus.Green)]
    [InlineData("15", RagStatus.Green)]
    [InlineData("20", RagStatus.Green)]
    [InlineData("9", RagStatus.Amber)]
    [InlineData("8.99", RagStatus.Red)]
    [InlineData("21", RagStatus.Amber)]
    [InlineData("21.01", RagStatus.Red)]
    public void RatesAgainstAnAbsoluteTolerance(string value, RagStatus expected)
    {
        RagCalculator.Rate(Ratings.RangeInput(value, "10", "20", "1")).Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("9", RagStatus.Amber)]
    [InlineData("8.99", RagStatus.Red)]
    [InlineData("22", RagStatus.Amber)]
    [InlineData("22.01", RagStatus.Red)]
    public void TakesAPercentToleranceOfTheNearerBound(string value, RagStatus expected)
    {
        // 10% of the low bound 10 is 1; 10% of the high bound 20 is 2.
        RagCalculator.Rate(Ratings.RangeInput(value, "10", "20", "10%")).Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("10", RagStatus.Green)]
    [InlineData("9.99", RagStatus.Red)]
    [InlineData("20.01", RagStatus.Red)]
    public void NeverRatesAmberWithZeroTolerance(string value, RagStatus expected)
    {
        RagCalculator.Rate(Ratings.RangeInput(value, "10", "20", "0")).Status.ShouldBe(expected);
    }

    [Fact]
    public void RatesAGreenBandOfOneValue()
    {
        RagCalculator.Rate(Ratings.RangeInput("10", "10", "10", "0")).Status.ShouldBe(RagStatus.Green);
    }
}
