using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Outturns;

/// <summary>
/// A judged segment RAG needs a rationale when it differs from the suggestion (seed 000: C4 Managing our Business,
/// mostly green indicators, judged Red because of the budget overspend).
/// </summary>
public class SegmentAssessmentJudgement
{
    private static SegmentAssessment C4SuggestedGreen()
    {
        var plan = new Plan("County Plan 2016-20", Fy("2016/17"), Fy("2019/20"));
        var segment = plan.AddGroup("The Council", 2).AddSegment("C4", "Managing our Business", null, 4);
        var assessment = new SegmentAssessment(segment, P("2017/18 Q2"));
        assessment.Suggest(RagStatus.Green);
        return assessment;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesAJudgementThatDiffersFromTheSuggestionWithoutARationale(string? rationale)
    {
        var assessment = C4SuggestedGreen();

        Should.Throw<DomainException>(() => assessment.Judge(RagStatus.Red, rationale, Direction.Steady, "lead", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe("A rationale is required: the judged rating (Red) differs from the suggested rating (Green).");
        assessment.Rag.ShouldBe(RagStatus.Green);
    }

    [Fact]
    public void AcceptsADifferentJudgementWithARationale()
    {
        var assessment = C4SuggestedGreen();

        assessment.Judge(RagStatus.Red, "Red because of the Authority's financial position.", Direction.Steady, "lead", DateTimeOffset.UnixEpoch);

        assessment.Rag.ShouldBe(RagStatus.Red);
        assessment.SuggestedRag.ShouldBe(RagStatus.Green);
        assessment.IsOverridden.ShouldBeTrue();
        assessment.Rationale.ShouldBe("Red because of the Authority's financial position.");
    }

    [Fact]
    public void NeedsNoRationaleToAgreeWithTheSuggestion()
    {
        var assessment = C4SuggestedGreen();

        assessment.Judge(RagStatus.Green, null, Direction.Improving, "lead", DateTimeOffset.UnixEpoch);

        assessment.Rag.ShouldBe(RagStatus.Green);
        assessment.IsOverridden.ShouldBeFalse();
        assessment.Direction.ShouldBe(Direction.Improving);
    }

    [Fact]
    public void NamesNoRatingWhenNothingWasSuggested()
    {
        var assessment = C4SuggestedGreen();
        assessment.Suggest(null);

        Should.Throw<DomainException>(() => assessment.Judge(RagStatus.Amber, null, null, "lead", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe("A rationale is required: the judged rating (Amber) differs from the suggested rating (no rating).");
    }

    [Fact]
    public void ShowsTheSuggestionWhenNotJudged()
    {
        var assessment = C4SuggestedGreen();

        assessment.Judge(null, null, null, "lead", DateTimeOffset.UnixEpoch);

        assessment.Rag.ShouldBe(RagStatus.Green);
        assessment.IsOverridden.ShouldBeFalse();
    }
}
