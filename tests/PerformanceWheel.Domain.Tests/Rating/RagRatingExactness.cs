using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>All arithmetic in decimal, compared exactly: no rounding nudges a value over the line.</summary>
public class RagRatingExactness
{
    [Theory]
    [InlineData(Polarity.HigherIsBetter, "89.99999999999999999999", "90", "0", RagStatus.Red)]
    [InlineData(Polarity.HigherIsBetter, "89.99999999999999999999", "90", "0.00000000000000000001", RagStatus.Amber)]
    [InlineData(Polarity.HigherIsBetter, "89.99999999999999999998", "90", "0.00000000000000000001", RagStatus.Red)]
    [InlineData(Polarity.LowerIsBetter, "90.00000000000000000001", "90", "0", RagStatus.Red)]
    [InlineData(Polarity.HigherIsBetter, "86.7", "91", "4.3", RagStatus.Amber)]
    [InlineData(Polarity.HigherIsBetter, "85.5", "90", "5%", RagStatus.Amber)]
    public void ComparesDecimalsExactly(Polarity polarity, string value, string target, string tolerance, RagStatus expected)
    {
        Ratings.Rate(polarity, value, target, tolerance).ShouldBe(expected);
    }

    [Fact]
    public void AddsTenthsWithoutFloatingPointError()
    {
        // In double, 0.1 + 0.2 is 0.30000000000000004 and would miss a lower-is-better target of 0.3.
        var input = new RatingInput { Polarity = Polarity.LowerIsBetter, Value = 0.1m + 0.2m, Target = Target.Single(0.3m) };

        RagCalculator.Rate(input).Status.ShouldBe(RagStatus.Green);
    }

    [Fact]
    public void MeetsAPercentToleranceEdgeExactly()
    {
        // 3% of 0.7 is 0.021: 0.679 is exactly on the edge.
        Ratings.Rate(Polarity.HigherIsBetter, "0.679", "0.7", "3%").ShouldBe(RagStatus.Amber);
        Ratings.Rate(Polarity.HigherIsBetter, "0.6789", "0.7", "3%").ShouldBe(RagStatus.Red);
    }
}
