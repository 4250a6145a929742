using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>LowerIsBetter: Green if value ≤ target; Amber if value ≤ target + tolerance; else Red.</summary>
public class RagRatingLowerIsBetter
{
    [Theory]
    [InlineData("2.5", "2.5", "0.5", RagStatus.Green)]
    [InlineData("2.46", "2.5", "0.5", RagStatus.Green)]
    [InlineData("2.51", "2.5", "0.5", RagStatus.Amber)]
    [InlineData("3", "2.5", "0.5", RagStatus.Amber)]
    [InlineData("3.0000001", "2.5", "0.5", RagStatus.Red)]
    public void RatesAgainstAnAbsoluteTolerance(string value, string target, string tolerance, RagStatus expected)
    {
        Ratings.Rate(Polarity.LowerIsBetter, value, target, tolerance).ShouldBe(expected);
    }

    [Theory]
    [InlineData("200", "200", "10%", RagStatus.Green)]
    [InlineData("220", "200", "10%", RagStatus.Amber)]
    [InlineData("220.01", "200", "10%", RagStatus.Red)]
    [InlineData("0", "200", "10%", RagStatus.Green)]
    public void RatesAgainstAPercentToleranceOfTheTarget(string value, string target, string tolerance, RagStatus expected)
    {
        Ratings.Rate(Polarity.LowerIsBetter, value, target, tolerance).ShouldBe(expected);
    }

    [Theory]
    [InlineData("200", "200", "0", RagStatus.Green)]
    [InlineData("200.01", "200", "0", RagStatus.Red)]
    [InlineData("200.01", "200", "0%", RagStatus.Red)]
    public void NeverRatesAmberWithZeroTolerance(string value, string target, string tolerance, RagStatus expected)
    {
        Ratings.Rate(Polarity.LowerIsBetter, value, target, tolerance).ShouldBe(expected);
    }
}
