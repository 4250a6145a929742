using AngleSharp.Dom;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Components.Shared;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Components;

/// <summary>A rating is shown as a chip with its letter and its meaning for screen readers, never by colour alone.</summary>
public sealed class RagBadgeRendering
{
    private static async Task<IElement> BadgeAsync(RagStatus? status, string? notRatedText = null)
    {
        var parameters = new Dictionary<string, object?> { ["Status"] = status };
        if (notRatedText is not null)
        {
            parameters["NotRatedText"] = notRatedText;
        }

        var document = await Render.DocumentAsync<RagBadge>(parameters);
        return document.QuerySelector(".mud-chip.rag") ?? throw new InvalidOperationException("No badge rendered.");
    }

    [Theory]
    [InlineData(RagStatus.Red, "R", "Red: off target and outside tolerance", "rag-red", "mud-chip-color-error")]
    [InlineData(RagStatus.Amber, "A", "Amber: off target but within tolerance", "rag-amber", "mud-chip-color-warning")]
    [InlineData(RagStatus.Green, "G", "Green: on or exceeding target", "rag-green", "mud-chip-color-success")]
    [InlineData(RagStatus.Blue, "B", "Blue: discontinued or complete", "rag-blue", "mud-chip-color-info")]
    public async Task ShowsTheLetterAndSaysWhatItMeans(RagStatus status, string letter, string meaning, string css, string themeColour)
    {
        var badge = await BadgeAsync(status);

        badge.QuerySelector("[aria-hidden=true]")!.TextContent.ShouldBe(letter);
        badge.QuerySelector(".visually-hidden")!.TextContent.ShouldBe(meaning);
        badge.GetAttribute("title").ShouldBe(meaning);
        badge.ClassList.ShouldContain(css);
        badge.ClassList.ShouldContain(themeColour, "the chip takes the theme's colour, whose contrast is checked");
    }

    [Fact]
    public async Task NoRatingShowsADashAndSaysNotRated()
    {
        var badge = await BadgeAsync(null);

        badge.QuerySelector("[aria-hidden=true]")!.TextContent.ShouldBe("–");
        badge.QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Not rated");
        badge.ClassList.ShouldContain("rag-none");
    }

    [Fact]
    public async Task NoRatingCanSayWhy()
    {
        var badge = await BadgeAsync(null, "Not rated: no target set");

        badge.QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Not rated: no target set");
        badge.GetAttribute("title").ShouldBe("Not rated: no target set");
    }
}
