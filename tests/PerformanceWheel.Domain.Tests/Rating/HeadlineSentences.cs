using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Rating.RollupBuilder;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Headline sentences generated from the rollup, as on the front of council reports.</summary>
public class HeadlineSentences
{
    [Fact]
    public void StatesGreenImprovingRedAndNotRated()
    {
        var rollup = Of("GGGAR--B", "UUSD");

        Headlines.For(rollup).ShouldBe(
        [
            "60% of measures rated as on or exceeding target",
            "50% of measures rated as improving",
            "20% of measures rated as off target and outside tolerance",
            "2 of 8 measures not rated (no value or no target yet)",
        ]);
    }

    [Fact]
    public void LeavesOutTheRedSentenceWhenNothingIsRed()
    {
        Headlines.For(Of("GA", "SS")).ShouldBe(
        [
            "50% of measures rated as on or exceeding target",
            "0% of measures rated as improving",
        ]);
    }

    [Fact]
    public void SaysOnlyHowManyAreNotRatedWhenNoneIs()
    {
        Headlines.For(Of(Repeat('-', 17))).ShouldBe(["17 of 17 measures not rated (no value or no target yet)"]);
    }

    [Fact]
    public void NamesTheSubject()
    {
        Headlines.For(Of("GGGGGGAAAARR", "UUUUUUSSSSSS"), "objectives").ShouldBe(
        [
            "50% of objectives rated as on or exceeding target",
            "50% of objectives rated as improving",
            "17% of objectives rated as off target and outside tolerance",
        ]);
    }
}
