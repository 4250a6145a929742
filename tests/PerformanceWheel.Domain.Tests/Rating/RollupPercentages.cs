using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Percentages are of the measures that carry the attribute, rounded half away from zero to a whole percent.</summary>
public class RollupPercentages
{
    [Theory]
    [InlineData(6, 12, 50)]
    [InlineData(4, 12, 33)]
    [InlineData(2, 12, 17)]
    [InlineData(0, 12, 0)]
    [InlineData(21, 37, 57)]
    [InlineData(9, 22, 41)]
    [InlineData(3, 8, 38)]
    [InlineData(1, 8, 13)]
    [InlineData(6, 8, 75)]
    [InlineData(1, 200, 1)]
    [InlineData(1, 201, 0)]
    [InlineData(8, 8, 100)]
    public void RoundsHalfAwayFromZeroToAWholePercent(int count, int of, int expected)
    {
        Rollup.Percent(count, of).ShouldBe(expected);
    }

    [Fact]
    public void HasNoPercentageWhenNothingCarriesTheAttribute()
    {
        Rollup.Percent(0, 0).ShouldBeNull();
    }

    [Theory]
    [InlineData(13, 1, "13% (1)")]
    [InlineData(75, 6, "75% (6)")]
    [InlineData(0, 0, "0% (0)")]
    [InlineData(null, 0, "")]
    public void ShowsPercentAndCountAsInDirectorateTables(int? percent, int count, string expected)
    {
        Rollup.PercentAndCount(percent, count).ShouldBe(expected);
    }

    [Fact]
    public void CountsBlueApartFromThePercentages()
    {
        var rollup = RollupBuilder.Of("GGARBBB-");

        rollup.Measures.ShouldBe(8);
        rollup.Blue.ShouldBe(3);
        rollup.WithRag.ShouldBe(4);
        rollup.NotRated.ShouldBe(1);
        rollup.GreenPercent.ShouldBe(50);
        rollup.AmberPercent.ShouldBe(25);
        rollup.RedPercent.ShouldBe(25);
    }

    [Fact]
    public void TakesDirectionPercentagesOfMeasuresWithADirection()
    {
        var rollup = RollupBuilder.Of("GGGGG", "UUD--");

        rollup.WithDirection.ShouldBe(3);
        rollup.ImprovingPercent.ShouldBe(67);
        rollup.SteadyPercent.ShouldBe(0);
        rollup.DecliningPercent.ShouldBe(33);
    }
}
