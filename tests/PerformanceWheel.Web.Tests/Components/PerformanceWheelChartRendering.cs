using System.Globalization;
using AngleSharp.Dom;
using Microsoft.AspNetCore.WebUtilities;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Components.Charts;
using Shouldly;
using static PerformanceWheel.Web.Tests.Components.WheelBuilder;

namespace PerformanceWheel.Web.Tests.Components;

/// <summary>The wheel drawn from a hand-built evaluation: one linked, labelled sector per segment, filled by its rating.</summary>
public sealed class PerformanceWheelChartRendering
{
    private static readonly PeriodEvaluation Wheel = new WheelBuilder("2019/20 Q2")
        .Ring("Economy",
            Segment("O1.1", RagStatus.Green, direction: Direction.Improving, title: "Financially sustainable"),
            Segment("O1.2", RagStatus.Green, judged: RagStatus.Red, direction: Direction.Steady),
            Segment("O1.3", suggested: null))
        .Ring("Communities",
            Segment("O2.1", RagStatus.Amber, direction: Direction.Declining),
            Segment("O2.2", RagStatus.Red, judged: RagStatus.Amber),
            Segment("O2.3", RagStatus.Blue))
        .Ring("Challenges",
            Segment("CH1", RagStatus.Red, direction: Direction.Improving))
        .Build();

    private static Task<IDocument> RenderAsync(PeriodEvaluation evaluation) =>
        Render.DocumentAsync<PerformanceWheelChart>(new Dictionary<string, object?> { ["Evaluation"] = evaluation });

    private static List<IElement> Sectors(IDocument svg) => svg.QuerySelectorAll("path.sector").ToList();

    private static IElement LinkOf(IElement sector) => sector.Closest("a") ?? throw new InvalidOperationException("Sector not inside a link.");

    [Fact]
    public async Task DrawsOneSectorPerSegmentInRingOrder()
    {
        var svg = await RenderAsync(Wheel);

        Sectors(svg).Select(s => s.GetAttribute("data-code")).ShouldBe(["O1.1", "O1.2", "O1.3", "O2.1", "O2.2", "O2.3", "CH1"]);
    }

    [Fact]
    public async Task SectorsShareTheWholeCircle()
    {
        var sweeps = Sectors(await RenderAsync(Wheel))
            .Select(s => double.Parse(s.GetAttribute("data-sweep")!, CultureInfo.InvariantCulture))
            .ToList();

        sweeps.Sum().ShouldBe(360, tolerance: 0.05);
        sweeps.ShouldAllBe(s => Math.Abs(s - (360.0 / 7)) < 0.01);
    }

    [Theory]
    [InlineData("O1.1", "sector-green", "G")]
    [InlineData("O1.2", "sector-red", "R")]
    [InlineData("O1.3", "sector-none", "–")]
    [InlineData("O2.1", "sector-amber", "A")]
    [InlineData("O2.2", "sector-amber", "A")]
    [InlineData("O2.3", "sector-blue", "B")]
    [InlineData("CH1", "sector-red", "R")]
    public async Task FillAndPrintedLetterFollowTheRatingJudgedBeforeSuggested(string code, string fill, string letter)
    {
        var sector = Sectors(await RenderAsync(Wheel)).Single(s => s.GetAttribute("data-code") == code);
        var printed = LinkOf(sector).QuerySelector("text.sector-letter")!.TextContent.Trim();

        sector.ClassList.ShouldContain("sector");
        sector.ClassList.ShouldContain(fill);
        printed.Split(' ')[0].ShouldBe(letter);
        LinkOf(sector).QuerySelector("text.sector-code")!.TextContent.ShouldBe(code);
    }

    [Fact]
    public async Task PrintsTheDirectionArrowBesideTheLetter()
    {
        var svg = await RenderAsync(Wheel);

        string Printed(string code) => LinkOf(Sectors(svg).Single(s => s.GetAttribute("data-code") == code)).QuerySelector("text.sector-letter")!.TextContent.Trim();
        Printed("O1.1").ShouldBe("G ↑");
        Printed("O1.2").ShouldBe("R →");
        Printed("O2.1").ShouldBe("A ↓");
        Printed("O1.3").ShouldBe("–");
    }

    [Fact]
    public async Task EverySectorLinksToItsSegmentForTheSamePeriod()
    {
        var svg = await RenderAsync(Wheel);

        foreach (var sector in Sectors(svg))
        {
            var href = LinkOf(sector).GetAttribute("href")!;
            var uri = new Uri(new Uri("http://localhost"), href);
            Uri.UnescapeDataString(uri.AbsolutePath).ShouldBe($"/segments/{sector.GetAttribute("data-code")}");
            QueryHelpers.ParseQuery(uri.Query)["period"].ToString().ShouldBe("2019/20 Q2");
        }
    }

    [Theory]
    [InlineData("O1.1", "O1.1 Financially sustainable: Green: on or exceeding target, improving")]
    [InlineData("O1.2", "O1.2 Segment O1.2: Red: off target and outside tolerance (judged; suggested Green), steady")]
    [InlineData("O1.3", "O1.3 Segment O1.3: not rated")]
    [InlineData("O2.1", "O2.1 Segment O2.1: Amber: off target but within tolerance, declining")]
    public async Task EverySectorIsNamedWithCodeRatingAndDirection(string code, string label)
    {
        var sector = Sectors(await RenderAsync(Wheel)).Single(s => s.GetAttribute("data-code") == code);

        LinkOf(sector).HasAttribute("aria-label").ShouldBeFalse("the link is named by the sector's title");
        sector.QuerySelector("title")!.TextContent.ShouldBe(label);
    }

    [Fact]
    public async Task TheWheelHasATitleAndATextDescriptionOfEverySegment()
    {
        var svg = await RenderAsync(Wheel);

        svg.QuerySelector("svg title")!.TextContent.ShouldBe("Performance wheel, 2019/20 Q2");
        svg.QuerySelector("svg desc")!.TextContent.ShouldBe("7 segments: O1.1 Green; O1.2 Red; O1.3 not rated; O2.1 Amber; O2.2 Amber; O2.3 Blue; CH1 Red.");
        svg.QuerySelector("svg")!.GetAttribute("aria-labelledby").ShouldBe("wheel-title wheel-desc");
    }

    [Fact]
    public async Task NamesEachRingOnAnOuterBand()
    {
        var svg = await RenderAsync(Wheel);

        svg.QuerySelectorAll("path.band").Select(b => b.QuerySelector("title")!.TextContent).ShouldBe(["Economy", "Communities", "Challenges"]);
    }

    [Fact]
    public async Task ASingleSegmentIsAFullRing()
    {
        var svg = await RenderAsync(new WheelBuilder().Ring("Only", Segment("X1", RagStatus.Green)).Build());

        var sector = Sectors(svg).ShouldHaveSingleItem();
        sector.GetAttribute("data-sweep").ShouldBe("360");
        sector.GetAttribute("d").ShouldBe(WheelGeometry.Segments(1)[0].Path());
        sector.GetAttribute("d")!.ShouldNotContain(" L ");
    }

    [Fact]
    public async Task NoSegmentsDrawsNoSectorsAndSaysSo()
    {
        var svg = await RenderAsync(new WheelBuilder().Build());

        Sectors(svg).ShouldBeEmpty();
        svg.QuerySelector("svg desc")!.TextContent.ShouldBe("No segments in this period.");
    }
}
