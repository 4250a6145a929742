using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Suggested segment RAG = the status held by most rated children, a tie going to the worse; or WorstOf.</summary>
public class SegmentRatingSuggestion
{
    private static RagStatus? Suggest(string children, SegmentRatingMethod method = SegmentRatingMethod.Majority) =>
        SegmentRating.Suggest(children.Select(c => RagStatusExtensions.TryParseLetterOrName(c.ToString(), out var s) ? s : (RagStatus?)null), method);

    [Theory]
    [InlineData("GGA", RagStatus.Green)]
    [InlineData("GGGGAARR", RagStatus.Green)]
    [InlineData("AAG", RagStatus.Amber)]
    [InlineData("RRG", RagStatus.Red)]
    [InlineData("G", RagStatus.Green)]
    public void SuggestsTheStatusHeldByMostChildren(string children, RagStatus expected)
    {
        Suggest(children).ShouldBe(expected);
    }

    [Theory]
    [InlineData("GA", RagStatus.Amber)]
    [InlineData("AR", RagStatus.Red)]
    [InlineData("GR", RagStatus.Red)]
    [InlineData("GAR", RagStatus.Red)]
    [InlineData("GGAAR", RagStatus.Amber)]
    [InlineData("GGAARR", RagStatus.Red)]
    public void BreaksATieTowardsTheWorse(string children, RagStatus expected)
    {
        Suggest(children).ShouldBe(expected);
    }

    [Theory]
    [InlineData("BBBG", RagStatus.Green)]
    [InlineData("BBA-", RagStatus.Amber)]
    [InlineData("G--", RagStatus.Green)]
    public void IgnoresBlueAndUnratedChildren(string children, RagStatus expected)
    {
        Suggest(children).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("BB")]
    [InlineData("--")]
    public void SuggestsNothingWithoutRatedChildren(string children)
    {
        Suggest(children).ShouldBeNull();
        Suggest(children, SegmentRatingMethod.WorstOf).ShouldBeNull();
    }

    [Theory]
    [InlineData("GGGGA", RagStatus.Amber)]
    [InlineData("GGGGR", RagStatus.Red)]
    [InlineData("GGGG", RagStatus.Green)]
    [InlineData("BGA", RagStatus.Amber)]
    public void WorstOfTakesTheWorstRatedChild(string children, RagStatus expected)
    {
        Suggest(children, SegmentRatingMethod.WorstOf).ShouldBe(expected);
    }

    [Fact]
    public void CountsProjectsLatestStatusAlongsideMeasuresAndIgnoresClosedProjects()
    {
        var segment = new Plan("County Plan", Fy("2019/20"), Fy("2020/21")).AddGroup("Outcomes", 1).AddSegment("P1", "Safer communities", null, 1);
        var late = new Project("PR1", "Library review", segment);
        late.Report(P("2019/20 Q1"), RagStatus.Green, ProjectDirection.Progressing, null, null, null);
        late.Report(P("2019/20 Q2"), RagStatus.Red, ProjectDirection.MissedOrAtRisk, null, "Delayed", null);
        var stalled = new Project("PR2", "Broadband phase 2", segment);
        stalled.Report(P("2019/20 Q1"), RagStatus.Red, ProjectDirection.MissedOrAtRisk, null, null, null);
        var closed = new Project("PR3", "Hospital discharge", segment);
        closed.Report(P("2019/20 Q2"), RagStatus.Blue, ProjectDirection.MilestoneAchieved, null, null, null);
        RagStatus?[] measures = [RagStatus.Green, RagStatus.Green];

        var children = measures.Concat(new[] { late, stalled, closed }.Select(p => p.LatestAt(P("2019/20 Q2"))?.Brag));

        // Two measures Green, two projects Red (one closed, Blue, apart): a tie going to the worse.
        SegmentRating.Suggest(children).ShouldBe(RagStatus.Red);
        SegmentRating.Suggest(measures.Concat([late.LatestAt(P("2019/20 Q1"))?.Brag])).ShouldBe(RagStatus.Green);
    }
}
