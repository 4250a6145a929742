using System.Globalization;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>
/// The rating rule in words, as the measure form previews it: the edges it names are where the calculator's rating
/// changes, for every polarity, with and without tolerance, and under the council's scheme options.
/// </summary>
public class RatingRuleInWords
{
    private static string Percent(decimal v) => v.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 80, ToleranceType.Percent, 5, "Higher is better: Green at or above 80.0%, Amber from 76.0% (tolerance 5%), Red below 76.0%.")]
    [InlineData(Polarity.HigherIsBetter, 80, ToleranceType.Absolute, 2, "Higher is better: Green at or above 80.0%, Amber from 78.0% (tolerance ±2), Red below 78.0%.")]
    [InlineData(Polarity.HigherIsBetter, 80, ToleranceType.Absolute, 0, "Higher is better: Green at or above 80.0%, Red below 80.0% (no tolerance, so never Amber).")]
    [InlineData(Polarity.LowerIsBetter, 10, ToleranceType.Percent, 10, "Lower is better: Green at or below 10.0%, Amber up to 11.0% (tolerance 10%), Red above 11.0%.")]
    [InlineData(Polarity.LowerIsBetter, 10, ToleranceType.Absolute, 0, "Lower is better: Green at or below 10.0%, Red above 10.0% (no tolerance, so never Amber).")]
    public void ASingleTargetIsDescribedByItsEdges(Polarity polarity, int target, ToleranceType type, int tolerance, string expected)
    {
        RatingRule.Describe(polarity, Target.Single(target), Tolerance.Create(type, tolerance), null, Percent).ShouldBe(expected);
    }

    [Theory]
    [InlineData(ToleranceType.Absolute, 2, "Within range: Green from 40.0% to 60.0%, Amber from 38.0% to 62.0% (tolerance ±2), Red outside that.")]
    [InlineData(ToleranceType.Percent, 10, "Within range: Green from 40.0% to 60.0%, Amber from 36.0% to 66.0% (tolerance 10%), Red outside that.")]
    [InlineData(ToleranceType.Absolute, 0, "Within range: Green from 40.0% to 60.0%, Red outside it (no tolerance, so never Amber).")]
    public void ARangeIsDescribedByItsBands(ToleranceType type, int tolerance, string expected)
    {
        RatingRule.Describe(Polarity.WithinRange, Target.Range(40, 60), Tolerance.Create(type, tolerance), null, Percent).ShouldBe(expected);
    }

    [Fact]
    public void UnderBlueForExceedingTargetTheBlueEdgeComesFirst()
    {
        var scheme = RagScheme.Create(10m, redOnlyWhenWorseThanLastYear: true, SegmentRatingMethod.Majority);

        RatingRule.Describe(Polarity.HigherIsBetter, Target.Single(80), Tolerance.Percent(5), scheme, Percent).ShouldBe(
            "Higher is better: Blue at or above 88.0% (exceeding target by 10%), Green at or above 80.0%, Amber from 76.0% (tolerance 5%), Red below 76.0%."
            + " Under the council's scheme a Red is shown as Amber when the figure is not worse than the same period last year.");
    }

    // The edges named are where the calculator's rating changes: a hair beyond each is the next rating.
    [Theory]
    [InlineData(Polarity.HigherIsBetter, 80, 76, -0.001)]
    [InlineData(Polarity.LowerIsBetter, 10, 11, 0.001)]
    public void TheEdgesAreWhereTheCalculatorChangesItsRating(Polarity polarity, int target, int amberEdge, double step)
    {
        var tolerance = Tolerance.Percent(polarity == Polarity.HigherIsBetter ? 5 : 10);
        RagStatus? Rate(decimal v) => RagCalculator.Rate(new RatingInput { Polarity = polarity, Value = v, Target = Target.Single(target), Tolerance = tolerance }).Status;
        var hair = (decimal)step;

        (Rate(target), Rate(target + hair), Rate(amberEdge), Rate(amberEdge + hair))
            .ShouldBe((RagStatus.Green, RagStatus.Amber, RagStatus.Amber, RagStatus.Red));
    }
}
