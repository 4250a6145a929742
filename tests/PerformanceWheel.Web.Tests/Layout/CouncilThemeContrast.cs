using MudBlazor.Utilities;
using PerformanceWheel.Web.Components.Layout;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Layout;

/// <summary>Every text colour of the council's theme is readable on its background: WCAG 2.2 AA, 4.5:1 or more.</summary>
public sealed class CouncilThemeContrast
{
    public static TheoryData<string> Pairs => [.. CouncilTheme.TextPairs(CouncilTheme.Create()).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EveryTextAndBackgroundPairMeetsAA(string pair)
    {
        var (_, foreground, background) = CouncilTheme.TextPairs(CouncilTheme.Create()).Single(p => p.Name == pair);

        CouncilTheme.ContrastRatio(foreground, background).ShouldBeGreaterThanOrEqualTo(4.5, $"{pair}: {foreground} on {background}");
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#f47738", "#ffffff", 2.78)]
    public void TheRatioIsWcags(string a, string b, double expected)
    {
        CouncilTheme.ContrastRatio(new MudColor(a), new MudColor(b)).ShouldBe(expected, 0.01);
        CouncilTheme.ContrastRatio(new MudColor(b), new MudColor(a)).ShouldBe(expected, 0.01);
    }
}
