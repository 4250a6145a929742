using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Rating.RollupBuilder;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>The rollup tables printed in the seed reports, reproduced from their items.</summary>
public class RollupOfSeedReports
{
    [Fact]
    public void ReproducesSeed000sPerformanceSummaryTable()
    {
        // Q2 2017/18 segment RAGs: P1 A, P2 A, P3 R, P4 A, P5 G, P6 G, P7 G | C1 G, C2 G, C3 A, C4 R | V1 G.
        var peoplesPriorities = Of("AARAGGG", "UUSUUSU");
        var theCouncil = Of("GGAR", "USSS");
        var visionVolunteers = Of("G", "S");

        var totals = Rollup.Combine([peoplesPriorities, theCouncil, visionVolunteers]);

        Row(peoplesPriorities).ShouldBe((3, 3, 1, 5, 2, 0));
        Row(theCouncil).ShouldBe((2, 1, 1, 1, 3, 0));
        Row(visionVolunteers).ShouldBe((1, 0, 0, 0, 1, 0));
        Row(totals).ShouldBe((6, 4, 2, 6, 6, 0));
        (totals.GreenPercent, totals.AmberPercent, totals.RedPercent).ShouldBe((50, 33, 17));
        (totals.ImprovingPercent, totals.SteadyPercent, totals.DecliningPercent).ShouldBe((50, 50, 0));
    }

    [Fact]
    public void ReproducesSeed002sHighLevelSummaryAndHeadlines()
    {
        // Outcomes' G A R and ↑ → ↓ counts, Q2 2019/20.
        Rollup[] outcomes =
        [
            Of(Repeat('G', 8) + Repeat('A', 5) + "R", "UUU"),
            Of(Repeat('G', 7) + "AA", "U" + Repeat('S', 6)),
            Of(Repeat('A', 6), "UUSSD"),
            Of(Repeat('G', 5) + "AA", "UUUDDDD"),
            Of("G"),
        ];

        var total = Rollup.Combine(outcomes);

        Row(total).ShouldBe((21, 15, 1, 9, 8, 5));
        total.WithRag.ShouldBe(37);
        total.WithDirection.ShouldBe(22);
        total.GreenPercent.ShouldBe(57);
        total.ImprovingPercent.ShouldBe(41);
        Headlines.For(total).ShouldBe(
        [
            "57% of measures rated as on or exceeding target",
            "41% of measures rated as improving",
            "3% of measures rated as off target and outside tolerance",
        ]);
    }

    [Fact]
    public void ReproducesSeed001sAdultsServicesRow()
    {
        var adults = Of("RA" + Repeat('G', 6));

        adults.Measures.ShouldBe(8);
        adults.WithRag.ShouldBe(8);
        Rollup.PercentAndCount(adults.RedPercent, adults.Red).ShouldBe("13% (1)");
        Rollup.PercentAndCount(adults.AmberPercent, adults.Amber).ShouldBe("13% (1)");
        Rollup.PercentAndCount(adults.GreenPercent, adults.Green).ShouldBe("75% (6)");
    }

    [Fact]
    public void ReproducesSeed001sDirectorateWithKpisButNoneRated()
    {
        var climateAndPlace = Of(Repeat('-', 17));

        climateAndPlace.Measures.ShouldBe(17);
        climateAndPlace.WithRag.ShouldBe(0);
        climateAndPlace.NotRated.ShouldBe(17);
        climateAndPlace.GreenPercent.ShouldBeNull();
        climateAndPlace.AmberPercent.ShouldBeNull();
        climateAndPlace.RedPercent.ShouldBeNull();
        Rollup.PercentAndCount(climateAndPlace.RedPercent, climateAndPlace.Red).ShouldBeEmpty();
        Rollup.PercentAndCount(climateAndPlace.GreenPercent, climateAndPlace.Green).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("RRRRRRAAAAAGGGG" + "-------------------------", 40, 15, "40% (6)", "33% (5)", "27% (4)")]
    [InlineData("RRAAAGGGGGG" + "------", 17, 11, "18% (2)", "27% (3)", "55% (6)")]
    [InlineData("AAAGG-", 6, 5, "0% (0)", "60% (3)", "40% (2)")]
    public void ReproducesSeed001sOtherDirectorateRows(string ratings, int kpis, int withRag, string red, string amber, string green)
    {
        var row = Of(ratings);

        (row.Measures, row.WithRag).ShouldBe((kpis, withRag));
        Rollup.PercentAndCount(row.RedPercent, row.Red).ShouldBe(red);
        Rollup.PercentAndCount(row.AmberPercent, row.Amber).ShouldBe(amber);
        Rollup.PercentAndCount(row.GreenPercent, row.Green).ShouldBe(green);
    }

    [Fact]
    public void CombinesSegmentsIntoGroupsDirectoratesAndTheCouncil()
    {
        var segments = new[] { Of("GA-", "US"), Of("RB", "D") };
        var group = Rollup.Combine(segments);
        var council = Rollup.Combine([group, Of("G", "U")]);

        (group.Measures, group.Green, group.Amber, group.Red, group.Blue, group.NotRated).ShouldBe((5, 1, 1, 1, 1, 1));
        (council.Measures, council.Green, council.Improving, council.Steady, council.Declining).ShouldBe((6, 2, 2, 1, 1));
        Rollup.Combine([]).Measures.ShouldBe(0);
    }

    private static (int Green, int Amber, int Red, int Up, int Stable, int Down) Row(Rollup r) =>
        (r.Green, r.Amber, r.Red, r.Improving, r.Steady, r.Declining);
}
