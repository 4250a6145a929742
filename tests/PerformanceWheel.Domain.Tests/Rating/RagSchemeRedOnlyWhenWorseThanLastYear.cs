using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Option (b): Red only when the value is also worse than the same period last year, otherwise Amber.</summary>
public class RagSchemeRedOnlyWhenWorseThanLastYear
{
    private static readonly RagScheme OptionB = RagScheme.Create(null, true, SegmentRatingMethod.Majority);

    private static RagStatus? Rate(Polarity polarity, string value, string target, string? lastYear, RagScheme? scheme) =>
        RagCalculator.Rate(Ratings.Input(polarity, value, target, "5") with { ValueSamePeriodLastYear = DOrNull(lastYear) }, scheme).Status;

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "70", "75", RagStatus.Red)]
    [InlineData(Polarity.HigherIsBetter, "70", "65", RagStatus.Amber)]
    [InlineData(Polarity.HigherIsBetter, "70", "70", RagStatus.Amber)]
    [InlineData(Polarity.LowerIsBetter, "110", "100", RagStatus.Red)]
    [InlineData(Polarity.LowerIsBetter, "110", "120", RagStatus.Amber)]
    public void KeepsRedOnlyWhenWorseThanTheSamePeriodLastYear(Polarity polarity, string value, string lastYear, RagStatus expected)
    {
        // Target 90, tolerance 5: every value in the table is Red under the default scheme.
        Rate(polarity, value, "90", lastYear, null).ShouldBe(RagStatus.Red);
        Rate(polarity, value, "90", lastYear, OptionB).ShouldBe(expected);
    }

    [Fact]
    public void KeepsRedWhenLastYearIsMissing()
    {
        Rate(Polarity.HigherIsBetter, "70", "90", null, OptionB).ShouldBe(RagStatus.Red);
    }

    [Fact]
    public void LeavesGreenAndAmberAlone()
    {
        Rate(Polarity.HigherIsBetter, "90", "90", "99", OptionB).ShouldBe(RagStatus.Green);
        Rate(Polarity.HigherIsBetter, "86", "90", "99", OptionB).ShouldBe(RagStatus.Amber);
    }

    [Fact]
    public void IsOffByDefaultSoRedStaysRedEvenWhenBetterThanLastYear()
    {
        Rate(Polarity.HigherIsBetter, "70", "90", "10", null).ShouldBe(RagStatus.Red);
    }

    [Theory]
    [InlineData("30", "15", RagStatus.Red)]
    [InlineData("30", "35", RagStatus.Amber)]
    [InlineData("30", "30", RagStatus.Amber)]
    public void MeasuresWorseForAWithinRangeMeasureByDistanceFromTheBand(string value, string lastYear, RagStatus expected)
    {
        var input = Ratings.RangeInput(value, "10", "20", "1") with { ValueSamePeriodLastYear = D(lastYear) };

        RagCalculator.Rate(input, OptionB).Status.ShouldBe(expected);
    }
}
