using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>Seed 002's projects: status history and the narrative of each update.</summary>
public sealed class ProjectPageOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string? Section(IElement narrative, string heading)
    {
        var h3 = narrative.QuerySelectorAll("h3").SingleOrDefault(h => h.Text() == heading);
        return h3?.NextElementSibling?.Text();
    }

    [Fact]
    public async Task ShowsTheMediumTermFinancialPlansUpdate()
    {
        var page = await Page.OkAsync(app.Factory.CreateClient(), "/projects/PRJ-MTFP");
        var narrative = page.QuerySelector("section.narrative")!;

        page.QuerySelector("h1")!.Text().ShouldBe("Develop Medium Term Financial Plan 2020–2023");
        page.Table("Status history").Row("2019/20 Q2").Cell("Status").Badge().ShouldBe(Page.Meaning("G"));
        page.Table("Status history").Row("2019/20 Q2").CellText("Progress").ShouldBe("→ Progressing");
        narrative.QuerySelector("h2")!.Text().ShouldBe("Update for 2019/20 Q2");
        Section(narrative, "What is working well")!.ShouldStartWith("The MTFP assumptions have been updated");
        Section(narrative, "Areas of concern").ShouldBe("Nothing recorded.");
        Section(narrative, "Focus for the next period")!.ShouldStartWith("The strategy for factoring in the financial implications of the Spending Round 2019");
    }

    [Fact]
    public async Task EveryProjectInTheSeedHasAPageWithItsNarrative()
    {
        var client = app.Factory.CreateClient();
        var projects = DemoSeed.Array("projects").ToList();
        projects.Count.ShouldBe(23);

        foreach (var project in projects)
        {
            var code = project.Text("code")!;
            var page = await Page.OkAsync(client, $"/projects/{Uri.EscapeDataString(code)}");
            page.QuerySelector("h1")!.Text().ShouldBe(project.Text("title"), code);

            foreach (var update in project.GetProperty("updates").EnumerateArray())
            {
                var period = update.Text("period")!;
                page.Table("Status history").Row(period).Cell("Status").Letter().ShouldBe(update.Text("brag")![..1], code);
                var narrative = page.QuerySelectorAll("section.narrative").Single(s => s.QuerySelector("h2")!.Text() == $"Update for {period}");
                Section(narrative, "What is working well").ShouldBe(Expected(update, "workingWell"), code);
                Section(narrative, "Areas of concern").ShouldBe(Expected(update, "concerns"), code);
                Section(narrative, "Focus for the next period").ShouldBe(Expected(update, "nextFocus"), code);
            }
        }
    }

    [Fact]
    public async Task LinksBackToItsSegment()
    {
        var client = app.Factory.CreateClient();
        var page = await Page.OkAsync(client, "/projects/PRJ-BROADBAND");
        var segmentLink = page.QuerySelectorAll("nav.breadcrumb a").Single(a => a.Text().StartsWith("O1.4 ", StringComparison.Ordinal));

        var segment = await Page.OkAsync(client, segmentLink.Href());
        segment.QuerySelector("h1")!.Text().ShouldStartWith("O1.4 ");
        segment.Table("Projects of O1.4").Row(page.QuerySelector("h1")!.Text()).Cell("Status").Badge().ShouldBe(Page.Meaning("R"));
    }

    [Fact]
    public async Task AnUnknownProjectIsNotFound()
    {
        var (response, page) = await Html.GetAsync(app.Factory.CreateClient(), "/projects/NOPE");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("main")!.Text().ShouldContain("There is no project with the code 'NOPE'.");
        page.QuerySelector("main a[href='/']").ShouldNotBeNull();
    }

    private static string Expected(JsonElement update, string field) =>
        update.Text(field) is { } text ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : "Nothing recorded.";
}
