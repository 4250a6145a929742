using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

[Collection(DemoCouncilCollection.Name)]
public sealed class DirectorateAndMeasurePackSqliteTests(DemoCouncilFixture demo)
{
    [Fact]
    public async Task DirectorateScorecardPackListsTheDirectoratesMeasures()
    {
        var pdf = await demo.PdfAsync("adults", b => b.DirectorateAsync("Adults Services", "2019/20 Q2"));
        (await Tools.PdfInfoAsync(pdf))["Tagged"].ShouldBe("yes");
        var text = Tools.Squash(await Tools.PdfTextAsync(pdf));
        text.ShouldContain("Adults Services scorecard");
        text.ShouldContain("ASC-CQC-01");
        text.ShouldContain("Key to ratings");
        text.ShouldNotContain("PH-HV-01");
    }

    [Fact]
    public async Task MeasureSheetShowsTheTrendAndFooter()
    {
        var pdf = await demo.PdfAsync("measure", b => b.MeasureAsync("PH-HV-01", "2019/20 Q2"));
        var text = Tools.Squash(await Tools.PdfTextAsync(pdf));
        text.ShouldContain("PH-HV-01 Health visitor new birth visits within 14 days");
        text.ShouldContain("2019/20 Q2");
        text.ShouldContain("Page 1 of");
        (await Tools.PdfInfoAsync(pdf))["Tagged"].ShouldBe("yes");
    }
}
