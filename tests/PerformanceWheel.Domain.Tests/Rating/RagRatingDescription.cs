using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>What a reader sees in place of a colour, from the councils' keys to ratings.</summary>
public class RagRatingDescription
{
    [Theory]
    [InlineData(RagStatus.Green, "Green: on or exceeding target", "G")]
    [InlineData(RagStatus.Amber, "Amber: off target but within tolerance", "A")]
    [InlineData(RagStatus.Red, "Red: off target and outside tolerance", "R")]
    [InlineData(RagStatus.Blue, "Blue: discontinued or complete", "B")]
    public void DescribesEachStatusWithItsLetter(RagStatus status, string text, string letter)
    {
        RagRating.Of(status).Describe().ShouldBe(text);
        status.Letter().ShouldBe(letter);
    }

    [Theory]
    [InlineData(NotRatedReason.NoValue, "Not rated: no value")]
    [InlineData(NotRatedReason.NoTarget, "Not rated: no target set")]
    [InlineData(NotRatedReason.Incomplete, "Not rated: incomplete quarter")]
    [InlineData(NotRatedReason.Discontinued, "Discontinued")]
    public void DescribesWhyAMeasureIsNotRated(NotRatedReason reason, string text)
    {
        RagRating.NotRated(reason).Describe().ShouldBe(text);
    }

    [Theory]
    [InlineData("G", RagStatus.Green)]
    [InlineData("amber", RagStatus.Amber)]
    [InlineData(" R ", RagStatus.Red)]
    [InlineData("Blue", RagStatus.Blue)]
    public void ReadsALetterOrName(string text, RagStatus expected)
    {
        RagStatusExtensions.TryParseLetterOrName(text, out var status).ShouldBeTrue();
        status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsWhatIsNotAStatus(string? text)
    {
        RagStatusExtensions.TryParseLetterOrName(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Direction.Improving, "↑", "improving")]
    [InlineData(Direction.Steady, "→", "steady")]
    [InlineData(Direction.Declining, "↓", "declining")]
    public void ShowsADirectionAsAnArrowAndAWord(Direction direction, string arrow, string word)
    {
        direction.Arrow().ShouldBe(arrow);
        direction.Describe().ShouldBe(word);
    }
}
