using PerformanceWheel.Domain.Common;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Common;

/// <summary>Counts in messages read "1 figure" and "3 figures", never "figure(s)".</summary>
public class CountedNouns
{
    [Theory]
    [InlineData(1, "1 figure")]
    [InlineData(3, "3 figures")]
    [InlineData(0, "0 figures")]
    [InlineData(2, "2 figures")]
    public void OnlyOneTakesTheSingular(int n, string expected) =>
        Counted.Of(n, "figure").ShouldBe(expected);

    [Theory]
    [InlineData(1, "1 entry")]
    [InlineData(4, "4 entries")]
    [InlineData(0, "0 entries")]
    public void AnIrregularPluralIsUsedAsGiven(int n, string expected) =>
        Counted.Of(n, "entry", "entries").ShouldBe(expected);

    [Theory]
    [InlineData(1, "1 figure is entered")]
    [InlineData(5, "5 figures are entered")]
    public void TheWordsMayCarryTheVerbSoItAgrees(int n, string expected) =>
        $"{Counted.Of(n, "figure is", "figures are")} entered".ShouldBe(expected);
}
