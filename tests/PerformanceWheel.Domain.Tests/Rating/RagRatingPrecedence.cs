using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>In order: discontinued → Blue; no value → not rated; no target → not rated ("no target set"); then by polarity.</summary>
public class RagRatingPrecedence
{
    [Theory]
    [InlineData("70", "90")]
    [InlineData(null, "90")]
    [InlineData("70", null)]
    [InlineData(null, null)]
    public void DiscontinuedBeatsEverythingAndIsBlue(string? value, string? target)
    {
        var input = Ratings.Input(Polarity.HigherIsBetter, value, target, "5") with { IsDiscontinued = true };

        RagCalculator.Rate(input).ShouldBe(RagRating.Of(RagStatus.Blue));
    }

    [Fact]
    public void DiscontinuedBeatsAnIncompleteQuarter()
    {
        var input = Ratings.Input(Polarity.HigherIsBetter, null, "90", "5") with { IsDiscontinued = true, IsIncomplete = true };

        RagCalculator.Rate(input).Status.ShouldBe(RagStatus.Blue);
    }

    [Theory]
    [InlineData("90")]
    [InlineData(null)]
    public void NoValueIsNotRatedEvenWithoutATarget(string? target)
    {
        var rating = RagCalculator.Rate(Ratings.Input(Polarity.HigherIsBetter, null, target, "5"));

        rating.IsRated.ShouldBeFalse();
        rating.Reason.ShouldBe(NotRatedReason.NoValue);
    }

    [Fact]
    public void AnIncompleteQuarterIsNotRatedAsIncomplete()
    {
        var input = Ratings.Input(Polarity.HigherIsBetter, null, null, "5") with { IsIncomplete = true };

        RagCalculator.Rate(input).Reason.ShouldBe(NotRatedReason.Incomplete);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.WithinRange)]
    public void AValueWithNoTargetIsNotRated(Polarity polarity)
    {
        var rating = RagCalculator.Rate(Ratings.Input(polarity, "70", null, "5"));

        rating.Status.ShouldBeNull();
        rating.Reason.ShouldBe(NotRatedReason.NoTarget);
        rating.Describe().ShouldBe("Not rated: no target set");
    }

    [Fact]
    public void ASingleTargetOnAWithinRangeMeasureCountsAsNoTarget()
    {
        RagCalculator.Rate(Ratings.Input(Polarity.WithinRange, "15", "15", "5")).Reason.ShouldBe(NotRatedReason.NoTarget);
    }

    [Fact]
    public void ABandOnAHigherIsBetterMeasureCountsAsNoTarget()
    {
        var input = new RatingInput { Polarity = Polarity.HigherIsBetter, Value = 15m, Target = Target.Range(10m, 20m) };

        RagCalculator.Rate(input).Reason.ShouldBe(NotRatedReason.NoTarget);
    }

    [Fact]
    public void AValueAndATargetAreRated()
    {
        var rating = RagCalculator.Rate(Ratings.Input(Polarity.HigherIsBetter, "90", "90", "5"));

        rating.IsRated.ShouldBeTrue();
        rating.IsGreenAmberRed.ShouldBeTrue();
        rating.Reason.ShouldBeNull();
        rating.Status.ShouldBe(RagStatus.Green);
    }

    [Fact]
    public void AValueOfZeroIsAValueNotAMissingOne()
    {
        RagCalculator.Rate(Ratings.Input(Polarity.LowerIsBetter, "0", "0", "0")).Status.ShouldBe(RagStatus.Green);
    }
}
