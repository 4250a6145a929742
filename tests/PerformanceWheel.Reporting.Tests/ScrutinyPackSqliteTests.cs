using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Reporting.Packs;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>A Scrutiny pack holds only the segments and measures tagged for its committee (seed 000's P, A&amp;H, C&amp;F).</summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class ScrutinyPackSqliteTests(DemoCouncilFixture demo)
{
    [Fact]
    public async Task ChildrenAndFamiliesPackHoldsNoMeasureTaggedOnlyForPlace()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await demo.PdfAsync("scrutiny-cf", b => b.ScrutinyAsync("C&F", "2019/20 Q2"))));
        text.ShouldContain("Scrutiny for Policies, Children & Families performance report");
        text.ShouldContain("PH-HV-01");
        text.ShouldContain("PH-BF-01");
        text.ShouldNotContain("PH-VOL-01");
        text.ShouldNotContain("ASC-CQC-01");
        var pdf = await demo.PdfAsync("scrutiny-cf", b => b.ScrutinyAsync("C&F", "2019/20 Q2"));
        var sections = Pdf.PdfOutline.Read(pdf).Select(b => b.Title).ToList();
        sections.ShouldContain(t => t.StartsWith("O3.2 ", StringComparison.Ordinal));
        sections.ShouldNotContain(t => t.StartsWith("O2.1 ", StringComparison.Ordinal));
        sections.ShouldNotContain(t => t.StartsWith("O4.1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdultsAndHealthPackHoldsItsOwnMeasuresOnly()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await demo.PdfAsync("scrutiny-ah", b => b.ScrutinyAsync("A&H", "2019/20 Q2"))));
        text.ShouldContain("ASC-CQC-01");
        text.ShouldNotContain("PH-HV-01");
        text.ShouldNotContain("PH-WB-01");
    }

    [Fact]
    public async Task FileNameNamesTheCommittee()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().ScrutinyAsync("C&F", "2019/20 Q2");
        model.FileName.ShouldBe("Scrutiny-CF-2019-20-Q2.pdf");
        model.Measures.ShouldAllBe(m => m.Committees.Contains("C&F"));
    }

    [Fact]
    public async Task AnUnknownCommitteeIsNotFound()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        await Should.ThrowAsync<PackNotFoundException>(() => scope.ServiceProvider.GetRequiredService<PackBuilder>().ScrutinyAsync("XYZ", null));
    }
}
