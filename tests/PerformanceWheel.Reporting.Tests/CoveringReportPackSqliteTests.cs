using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Covering;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// The pack as a committee paper (issue 17): the covering report first, in seed 001's order, with the sign-off table,
/// then the performance report as appendix A. Read back from the PDF with poppler.
/// </summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class CoveringReportPackSqliteTests(DemoCouncilFixture demo)
{
    private static readonly string[] SeedOrder =
    [
        "Decision report – Cabinet", "Decision date – 18 November 2019", "Forward plan reference – FP/19/10/05", "Key decision – yes",
        "Cabinet performance report, 2019/20 Q2", "Executive member(s): Cllr Alex Morgan", "Lead officer: Sam Taylor", "Author: Jo Davies",
        "Contact details: performance@demo.council", "Background", "Summary", "The headline figures for 2019/20 Q2 (appendix A):",
        "Recommendations", "Reasons for recommendations", "Other options considered", "Financial and risk implications",
        "Legal implications", "HR implications", "Equalities implications", "Community safety implications",
        "Climate change and sustainability implications", "Health and safety implications", "Health and wellbeing implications",
        "Social value implications", "Scrutiny comments / recommendations", "Background papers", "Appendices",
        "Appendix A: Cabinet performance report for 2019/20 Q2", "Report sign-off",
    ];

    private Task<byte[]> CabinetAsync() => demo.PdfAsync("cabinet", b => b.CabinetAsync("2019/20 Q2"));

    [Fact]
    public async Task TheCoveringReportComesFirstInTheSeedsOrderThenTheAppendix()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));

        var appendix = text.IndexOf("Appendix A Cabinet performance report", StringComparison.Ordinal);
        appendix.ShouldBeGreaterThan(0, "the performance report's cover says it is appendix A");
        var at = -1;
        foreach (var part in SeedOrder)
        {
            var next = text.IndexOf(part, at + 1, StringComparison.Ordinal);
            next.ShouldBeGreaterThan(at, $"'{part}' should follow what comes before it in seed 001's order");
            next.ShouldBeLessThan(appendix, $"'{part}' belongs to the covering report, before the appendix");
            at = next;
        }

        text.IndexOf("Contents", StringComparison.Ordinal).ShouldBeGreaterThan(appendix);
        (await Tools.PagesAsync(await CabinetAsync()))[0].ShouldContain("Decision report");
    }

    [Fact]
    public async Task TheAppendicesListNamesTheAppendixNotEachOfItsSections()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));
        var appendices = text.IndexOf("Appendices", text.IndexOf("Background papers", StringComparison.Ordinal), StringComparison.Ordinal);
        appendices.ShouldBeGreaterThan(0);

        var list = text[appendices..text.IndexOf("Report sign-off", appendices, StringComparison.Ordinal)];

        list.ShouldContain("Appendix A: Cabinet performance report for 2019/20 Q2");
        foreach (var section in new[] { "Summary", "Quarter comparison", "Exceptions", "Finance summary", "Key to ratings" })
        {
            list.ShouldNotContain(section);
        }
    }

    [Fact]
    public async Task TheSummaryStartsFromTheHeadlineSentencesOfThePack()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<PackBuilder>().CabinetAsync("2019/20 Q2");
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));
        var summary = text.IndexOf("The headline figures for 2019/20 Q2", StringComparison.Ordinal);

        model.Headlines.ShouldNotBeEmpty();
        text.IndexOf(model.Headlines[0], summary, StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Recommendations", summary, StringComparison.Ordinal));
        text.ShouldContain("The Cabinet is asked to endorse the Q2 2019/20 performance report (appendix A)");
    }

    [Fact]
    public async Task TheSignOffTableNamesEachRoleAndSaysWhichHaveNotYetSignedOff()
    {
        var text = Tools.Squash(await Tools.PdfTextAsync(await CabinetAsync()));

        text.ShouldContain("1 of 10 roles have not yet signed off this report.");
        text.ShouldContain("Asset Management Not yet signed off");
        text.ShouldContain("Communications Chris Palmer 23/10/2019");
        text.ShouldContain("Consulted: Councillor name Date completed");
        text.ShouldContain("Opposition Spokesperson (circulated) Cllr Jordan Blake 23/10/2019");
    }

    [Fact]
    public async Task AQuarterWithoutACoveringReportPrintsThePerformanceReportAlone()
    {
        var pdf = await demo.PdfAsync("cabinet-2017/18 Q2", b => b.CabinetAsync("2017/18 Q2"));

        var first = Tools.Squash((await Tools.PagesAsync(pdf))[0]);
        first.ShouldNotContain("Decision report");
        first.ShouldNotContain("Appendix A");
    }

    [Fact]
    public async Task FromAnEmptyDatabaseAnOfficerStartsAndPrintsACoveringReport()
    {
        await using var database = await TestDatabases.CreateSqlite().MigrateAsync();
        var quarter = ReportingPeriod.Parse("2024/25 Q1");
        await using (var db = database.CreateContext())
        {
            db.CouncilSettings.Add(new CouncilSettings("New Council"));
            var directorate = new Directorate("Public Health");
            var measure = new Measure("PH-01", "Health checks", directorate, Polarity.HigherIsBetter, Frequency.Quarterly, MeasureUnit.Parse("%"));
            var outturn = measure.NewOutturn(quarter);
            outturn.Record(71m, null, false, null, "officer@council.test", new DateTimeOffset(2024, 7, 10, 9, 0, 0, TimeSpan.Zero));
            db.AddRange(directorate, measure, outturn);
            await db.SaveChangesAsync();
        }

        await using var services = DemoCouncilFixture.BuildServices(database);
        await using var scope = services.CreateAsyncScope();
        var officer = new WorkflowUser(null, "officer@council.test", IsOfficer: true, IsDirector: false);
        var commands = ActivatorUtilities.CreateInstance<CoveringReportCommands>(scope.ServiceProvider);
        (await commands.StartAsync(CoveringSections.CabinetPack, quarter, officer)).Succeeded.ShouldBeTrue();
        var view = (await scope.ServiceProvider.GetRequiredService<CoveringReportReader>().ForPackAsync(CoveringSections.CabinetPack, quarter))!;
        var texts = new Dictionary<CoveringSection, string?> { [CoveringSection.Recommendations] = "The Cabinet is asked to note the first quarter's report." };
        (await commands.SaveAsync(CoveringSections.CabinetPack, quarter, new CoveringReportInput(view.Details with { ForwardPlanReference = "FP/24/07/01" }, texts, view.Version), officer))
            .Succeeded.ShouldBeTrue();

        var builder = scope.ServiceProvider.GetRequiredService<PackBuilder>();
        var pdf = (await builder.RenderAsync(await builder.CabinetAsync(quarter.Label))).Content;

        var text = Tools.Squash(await Tools.PdfTextAsync(pdf));
        text.ShouldContain("Decision report – Cabinet");
        text.ShouldContain("Forward plan reference – FP/24/07/01");
        text.ShouldContain("The Cabinet is asked to note the first quarter's report.");
        text.ShouldContain("There are no legal implications to this recommendation being accepted.");
        text.ShouldContain("10 of 10 roles have not yet signed off this report.");
        text.ShouldContain("Legal & Governance Implications Not yet signed off");
    }
}
