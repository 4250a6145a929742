using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>HigherIsBetter: Green if value ≥ target; Amber if value ≥ target − tolerance; else Red.</summary>
public class RagRatingHigherIsBetter
{
    [Theory]
    [InlineData("90", "90", "5", RagStatus.Green)]
    [InlineData("95", "90", "5", RagStatus.Green)]
    [InlineData("89.9", "90", "5", RagStatus.Amber)]
    [InlineData("85", "90", "5", RagStatus.Amber)]
    [InlineData("84.99", "90", "5", RagStatus.Red)]
    [InlineData("0", "90", "5", RagStatus.Red)]
    public void RatesAgainstAnAbsoluteTolerance(string value, string target, string tolerance, RagStatus expected)
    {
        Ratings.Rate(Polarity.HigherIsBetter, value, target, tolerance).ShouldBe(expected);
    }

    [Theory]
    [InlineData("90", "90", "5%", RagStatus.Green)]
    [InlineData("85.5", "90", "5%", RagStatus.Amber)]
    [InlineData("85.49", "90", "5%", RagStatus.Red)]
    [InlineData("85", "90", "5%", RagStatus.Red)]
    [InlineData("-105", "-100", "5%", RagStatus.Amber)]
    [InlineData("-105.01", "-100", "5%", RagStatus.Red)]
    public void RatesAgainstAPercentToleranceOfTheTarget(string value, string target, string tolerance, RagStatus expected)
    {
        Ratings.Rate(Polarity.HigherIsBetter, value, target, tolerance).ShouldBe(expected);
    }

    [Theory]
    [InlineData("90", "90", "0", RagStatus.Green)]
    [InlineData("89.99", "90", "0", RagStatus.Red)]
    [InlineData("89.99", "90", "0%", RagStatus.Red)]
    public void NeverRatesAmberWithZeroTolerance(string value, string target, string tolerance, RagStatus expected)
    {
        Ratings.Rate(Polarity.HigherIsBetter, value, target, tolerance).ShouldBe(expected);
    }

    [Fact]
    public void ReturnsAmberWhenWithinTolerance()
    {
        Ratings.Rate(Polarity.HigherIsBetter, "88", "90", "5").ShouldBe(RagStatus.Amber);
    }
}
