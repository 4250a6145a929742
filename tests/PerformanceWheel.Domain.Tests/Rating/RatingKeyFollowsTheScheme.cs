using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>The key under every page says what each rating means under the scheme of the quarter shown.</summary>
public class RatingKeyFollowsTheScheme
{
    [Fact]
    public void TheDefaultSchemesKeyCallsBlueDiscontinued()
    {
        StatusTexts.KeyLine(RagScheme.Default).ShouldBe(
            "G on or exceeding target · A off target but within tolerance · R off target and outside tolerance · B discontinued (projects: B complete or closed). Arrows: ↑ improving · → steady · ↓ declining.");
    }

    [Fact]
    public void TheBlueForExceedingSchemesKeyCallsBlueExceedingAndDiscontinuedColourless()
    {
        StatusTexts.KeyLine(RagScheme.Create(12.5m, false, SegmentRatingMethod.Majority)).ShouldBe(
            "B exceeds target by at least 12.5% · G on target, or above it by less than 12.5% · A off target but within tolerance · R off target and outside tolerance · a discontinued measure shows “Discontinued”, without a colour (projects: B complete or closed). Arrows: ↑ improving · → steady · ↓ declining.");
    }

    [Theory]
    [InlineData(RagStatus.Green, "on target")]
    [InlineData(RagStatus.Amber, "requires attention")]
    [InlineData(RagStatus.Red, "off target")]
    [InlineData(RagStatus.Blue, "complete or closed")]
    public void AProjectsBlueMeansCompleteUnderEveryScheme(RagStatus status, string meaning)
    {
        status.ProjectMeaning().ShouldBe(meaning);
    }
}
