using AngleSharp.Dom;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Components.Shared;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Components;

/// <summary>A direction of travel is an arrow for the eye and a sentence for screen readers.</summary>
public sealed class DirectionArrowRendering
{
    private static async Task<IElement> ArrowAsync(Direction? direction, string? against = null)
    {
        var parameters = new Dictionary<string, object?> { ["Value"] = direction };
        if (against is not null)
        {
            parameters["Against"] = against;
        }

        var document = await Render.DocumentAsync<DirectionArrow>(parameters);
        return document.QuerySelector("span.dot") ?? throw new InvalidOperationException("No arrow rendered.");
    }

    [Theory]
    [InlineData(Direction.Improving, "↑", "Improving against the previous period")]
    [InlineData(Direction.Steady, "→", "Steady against the previous period")]
    [InlineData(Direction.Declining, "↓", "Declining against the previous period")]
    public async Task ShowsTheArrowWithATextAlternative(Direction direction, string arrow, string text)
    {
        var span = await ArrowAsync(direction);

        span.QuerySelector("[aria-hidden=true]")!.TextContent.ShouldBe(arrow);
        span.QuerySelector(".visually-hidden")!.TextContent.ShouldBe(text);
        span.GetAttribute("title").ShouldBe(text);
    }

    [Fact]
    public async Task NamesWhatItIsComparedWith()
    {
        var span = await ArrowAsync(Direction.Declining, "same period last year");

        span.QuerySelector(".visually-hidden")!.TextContent.ShouldBe("Declining against the same period last year");
    }

    [Fact]
    public async Task NoDirectionSaysSo()
    {
        var span = await ArrowAsync(null);

        span.QuerySelector("[aria-hidden=true]")!.TextContent.ShouldBe("·");
        span.QuerySelector(".visually-hidden")!.TextContent.ShouldBe("No direction");
    }
}
