using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Rating.RollupBuilder;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>
/// Under the scheme "Blue when exceeding target by X%", a Blue measure is rated and on or above its target: the rollup,
/// its headlines and the segment suggestion count it so. Under the default scheme Blue (discontinued) stays apart; a
/// project's Blue (complete or closed) stays apart under every scheme.
/// </summary>
public class BlueForExceedingTargetInRollups
{
    private static readonly RagScheme BlueAtTenPercent = RagScheme.Create(10m, false, SegmentRatingMethod.Majority);

    [Fact]
    public void CountsABlueMeasureAsRatedAndOnOrAboveTarget()
    {
        var rollup = Of("GGBARR", scheme: BlueAtTenPercent);

        rollup.WithRag.ShouldBe(6);
        rollup.NotRated.ShouldBe(0);
        rollup.OnOrAboveTarget.ShouldBe(3);
        rollup.OnOrAboveTargetPercent.ShouldBe(50);
        (rollup.BluePercent + rollup.GreenPercent + rollup.AmberPercent + rollup.RedPercent).ShouldBe(100);
        Headlines.For(rollup)[0].ShouldBe("50% of measures rated as on or exceeding target");
    }

    [Fact]
    public void KeepsBlueApartUnderTheDefaultScheme()
    {
        var rollup = Of("GGBARR");

        rollup.WithRag.ShouldBe(5);
        rollup.NotRated.ShouldBe(0);
        rollup.OnOrAboveTarget.ShouldBe(2);
        rollup.OnOrAboveTargetPercent.ShouldBe(40);
        rollup.BluePercent.ShouldBeNull();
        Headlines.For(rollup)[0].ShouldBe("40% of measures rated as on or exceeding target");
    }

    [Fact]
    public void AddsUpRollupsUnderTheSameScheme()
    {
        var total = Rollup.Combine([Of("GB", scheme: BlueAtTenPercent), Of("BR", scheme: BlueAtTenPercent)]);

        total.WithRag.ShouldBe(4);
        total.OnOrAboveTargetPercent.ShouldBe(75);
    }

    [Theory]
    [InlineData("BBA", SegmentRatingMethod.Majority, RagStatus.Green)]
    [InlineData("BAA", SegmentRatingMethod.Majority, RagStatus.Amber)]
    [InlineData("BBGRR", SegmentRatingMethod.Majority, RagStatus.Green)]
    [InlineData("BB", SegmentRatingMethod.WorstOf, RagStatus.Green)]
    [InlineData("B-", SegmentRatingMethod.Majority, RagStatus.Green)]
    public void SuggestsASegmentWithBlueMeasuresAsOnOrAboveTarget(string measures, SegmentRatingMethod method, RagStatus expected)
    {
        var scheme = RagScheme.Create(10m, false, method);

        SegmentRating.Suggest(Statuses(measures), [], scheme).ShouldBe(expected);
    }

    [Fact]
    public void LeavesBlueMeasuresOutOfTheSuggestionUnderTheDefaultScheme()
    {
        SegmentRating.Suggest(Statuses("BBA"), [], RagScheme.Default).ShouldBe(RagStatus.Amber);
    }

    [Fact]
    public void LeavesACompleteProjectOutOfTheSuggestionUnderTheBlueScheme()
    {
        SegmentRating.Suggest(Statuses("A"), Statuses("BB"), BlueAtTenPercent).ShouldBe(RagStatus.Amber);
        SegmentRating.Suggest([], Statuses("B"), BlueAtTenPercent).ShouldBeNull();
    }

    private static RagStatus?[] Statuses(string letters) =>
        [.. letters.Select(c => RagStatusExtensions.TryParseLetterOrName(c.ToString(), out var s) ? s : (RagStatus?)null)];
}
