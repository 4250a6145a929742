using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Option (a): Blue means "exceeds target by at least X%", and a discontinued measure shows "Discontinued" without a colour.</summary>
public class RagSchemeBlueForExceedingTarget
{
    private static readonly RagScheme BlueAtTenPercent = RagScheme.Create(10m, false, SegmentRatingMethod.Majority);

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "88", "80", RagStatus.Blue)]
    [InlineData(Polarity.HigherIsBetter, "87.99", "80", RagStatus.Green)]
    [InlineData(Polarity.HigherIsBetter, "80", "80", RagStatus.Green)]
    [InlineData(Polarity.HigherIsBetter, "79", "80", RagStatus.Amber)]
    [InlineData(Polarity.LowerIsBetter, "72", "80", RagStatus.Blue)]
    [InlineData(Polarity.LowerIsBetter, "72.01", "80", RagStatus.Green)]
    [InlineData(Polarity.LowerIsBetter, "81", "80", RagStatus.Amber)]
    public void RatesBlueWhenTheValueBeatsTheTargetByAtLeastThePercent(Polarity polarity, string value, string target, RagStatus expected)
    {
        Ratings.Rate(polarity, value, target, "5", BlueAtTenPercent).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "200", "80")]
    [InlineData(Polarity.LowerIsBetter, "0", "80")]
    public void IsOffByDefault(Polarity polarity, string value, string target)
    {
        Ratings.Rate(polarity, value, target, "5").ShouldBe(RagStatus.Green);
        RagScheme.Default.BlueExceedsTargetByPercent.ShouldBeNull();
        RagScheme.Default.RedOnlyWhenWorseThanLastYear.ShouldBeFalse();
    }

    [Fact]
    public void NeverRatesAWithinRangeMeasureBlue()
    {
        RagCalculator.Rate(Ratings.RangeInput("15", "10", "20", "1"), BlueAtTenPercent).Status.ShouldBe(RagStatus.Green);
    }

    [Fact]
    public void ShowsADiscontinuedMeasureAsDiscontinuedWithoutAColour()
    {
        var input = Ratings.Input(Polarity.HigherIsBetter, "95", "80", "5") with { IsDiscontinued = true };

        var rating = RagCalculator.Rate(input, BlueAtTenPercent);

        rating.Status.ShouldBeNull();
        rating.Reason.ShouldBe(NotRatedReason.Discontinued);
        rating.Describe().ShouldBe("Discontinued");
    }

    [Fact]
    public void DoesNotDescribeABlueForExceedingTargetAsDiscontinued()
    {
        var rating = RagCalculator.Rate(Ratings.Input(Polarity.HigherIsBetter, "95", "80", "5"), BlueAtTenPercent);

        rating.Status.ShouldBe(RagStatus.Blue);
        rating.Describe(BlueAtTenPercent).ShouldBe("Blue: exceeds target by at least 10%");
    }

    [Fact]
    public void RejectsANegativePercent()
    {
        Should.Throw<DomainException>(() => RagScheme.Create(-1m, false, SegmentRatingMethod.Majority));
    }
}
