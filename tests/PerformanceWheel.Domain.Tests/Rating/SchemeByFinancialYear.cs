using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>
/// A scheme change applies from its financial year on: earlier years keep the original scheme, the change's own year and
/// later ones take it; a change from an earlier year replaces the changes after it.
/// </summary>
public class SchemeByFinancialYear
{
    private static readonly RagScheme Blue10 = RagScheme.Create(10m, true, SegmentRatingMethod.Majority);
    private static readonly RagScheme WorstOf = RagScheme.Create(null, false, SegmentRatingMethod.WorstOf);

    private static CouncilSettings Council()
    {
        var council = new CouncilSettings("Test Council");
        council.ChangeSchemeFrom(FinancialYear.Parse("2025/26"), 10m, true, SegmentRatingMethod.Majority, "admin", DateTimeOffset.UnixEpoch);
        council.ChangeSchemeFrom(FinancialYear.Parse("2027/28"), null, false, SegmentRatingMethod.WorstOf, "admin", DateTimeOffset.UnixEpoch);
        return council;
    }

    [Theory]
    [InlineData("2019/20", "original", null)]
    [InlineData("2024/25", "original", null)]
    [InlineData("2025/26", "blue10", "2025/26")]
    [InlineData("2026/27", "blue10", "2025/26")]
    [InlineData("2027/28", "worst", "2027/28")]
    [InlineData("2040/41", "worst", "2027/28")]
    public void EachYearIsRatedUnderTheSchemeInForceThen(string year, string expected, string? from)
    {
        var history = Council().SchemeHistory;

        history.For(FinancialYear.Parse(year)).ShouldBe(expected switch { "blue10" => Blue10, "worst" => WorstOf, _ => RagScheme.Default });
        (history.EffectiveFrom(FinancialYear.Parse(year))?.Label).ShouldBe(from);
    }

    [Fact]
    public void AChangeFromAnEarlierYearReplacesTheLaterChanges()
    {
        var council = Council();

        council.ChangeSchemeFrom(FinancialYear.Parse("2026/27"), 5m, false, SegmentRatingMethod.Majority, "admin", DateTimeOffset.UnixEpoch);

        council.SchemeHistory.Changes.Select(c => c.From.Label).ShouldBe(["2025/26", "2026/27"]);
        council.SchemeHistory.For(FinancialYear.Parse("2030/31")).BlueExceedsTargetByPercent.ShouldBe(5m);
        council.SchemeHistory.For(FinancialYear.Parse("2025/26")).ShouldBe(Blue10);
    }

    [Fact]
    public void APreviewedChangeLeavesTheHistoryItCameFromAsItWas()
    {
        var history = Council().SchemeHistory;

        var proposed = history.With(FinancialYear.Parse("2024/25"), WorstOf);

        proposed.Changes.Select(c => c.From.Label).ShouldBe(["2024/25"]);
        history.Changes.Select(c => c.From.Label).ShouldBe(["2025/26", "2027/28"]);
    }

    [Fact]
    public void TheSchemeIsStatedInWords()
    {
        Blue10.Description.ShouldBe("Blue when exceeding target by 10%; Red only when also worse than the same period last year; segments rated by majority");
        RagScheme.Default.Description.ShouldBe("Blue for discontinued measures; Red when beyond tolerance; segments rated by majority");
    }
}
