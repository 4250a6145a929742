using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Admin;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Pages;

/// <summary>The assessments page over HTTP: who may open it, the form's round trip, a bad row and a conflict keeping what was typed.</summary>
public sealed class AssessmentsPageOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Url = "/assessments?period=2019/20%20Q2";

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.PerformanceOfficer, true)]
    [InlineData(Roles.Director, false)]
    [InlineData(Roles.Councillor, false)]
    public async Task OnlyAdminsAndOfficersJudgeSegments(string role, bool allowed)
    {
        var client = await SignedInClient.AsAsync(app.Factory, role);

        var response = await client.GetAsync(new Uri(Url, UriKind.Relative));

        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            page.QuerySelector("h1")!.Text().ShouldBe("Segment assessments, 2019/20 Q2");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
        }
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "assessments", ["Rows[0].SegmentCode"] = "O1.1", ["Rows[0].Judged"] = "Red", ["Rows[0].Rationale"] = "Forged", ["Rows[0].Reason"] = "Forged",
        });

        var response = await officer.PostAsync(new Uri(Url, UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AssessmentAsync("O1.1")).ShouldBeNull();
    }

    [Fact]
    public async Task EachSegmentShowsItsSuggestionWithTheCountsBehindItAndLabelledFields()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var page = await Page.OkAsync(officer, Url);
        var o11 = page.QuerySelectorAll("fieldset.assessment").Single(f => f.QuerySelector("legend")!.Text().StartsWith("O1.1 ", StringComparison.Ordinal));

        o11.QuerySelectorAll("dl.facts > div")[0].QuerySelector("dd")!.Badge().ShouldBe(Page.Meaning("A"));
        o11.Text().ShouldContain("Measures: 1 Amber, 1 Red, 1 not rated; projects: 2 Green, 1 Amber");
        foreach (var field in page.QuerySelectorAll("form select, form textarea"))
        {
            page.QuerySelector($"label[for='{field.Id}']").ShouldNotBeNull($"{field.Id} has a label");
        }

        page.QuerySelectorAll("main h1").Length.ShouldBe(1);
        page.QuerySelector("nav[aria-label=Main] a[aria-current=page]")!.Text().ShouldBe("Assessments");
    }

    [Fact]
    public async Task AJudgementMadeOnTheFormShowsOnTheWheelAndTheSegmentPageAsJudged()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var (_, page) = await Html.GetAsync(officer, Url);

        var response = await PageForms.SubmitAsync(officer, Url, page, "assessments", new Dictionary<string, string>
        {
            [PageForms.NameOf(page, "judged-O1-2")] = "Red",
            [PageForms.NameOf(page, "direction-O1-2")] = "Declining",
            [PageForms.NameOf(page, "rationale-O1-2")] = "Housing completions have stalled since the summer.",
            [PageForms.NameOf(page, "reason-O1-2")] = "Agreed by the performance board",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reader = app.Factory.CreateClient();
        var segment = await Page.OkAsync(reader, "/segments/O1.2?period=2019/20%20Q2");
        segment.QuerySelector(".callout h2")!.Text().ShouldBe("Judged Red (suggested Green)");
        segment.QuerySelector(".callout p")!.Text().ShouldBe("Housing completions have stalled since the summer.");
        segment.QuerySelector("dl.facts .tag")!.Text().ShouldBe("judged");
        var wheel = await Page.OkAsync(reader, "/?period=2019/20%20Q2");
        var row = wheel.Table("Segments of A county infrastructure").Row("O1.2");
        row.Cell("Rating").Badge().ShouldBe(Page.Meaning("R"));
        row.Cell("Rating").QuerySelector(".tag")!.Text().ShouldBe("judged");
        row.Cell("Suggested").Badge().ShouldBe(Page.Meaning("G"));
        row.Cell("Segment").QuerySelector("details summary")!.Text().ShouldBe("Why O1.2 is judged Red");
        wheel.QuerySelector("svg.wheel path[data-code='O1.2']")!.QuerySelector("title")!.TextContent.ShouldContain("(judged; suggested Green), declining");

        var location = response.Headers.Location!;
        var after = await Page.OkAsync(officer, location.IsAbsoluteUri ? location.PathAndQuery : location.ToString());
        after.QuerySelector(".notice")!.Text().ShouldBe("1 judgement saved.");
        var change = after.Table("Changes to the judgements of 2019/20 Q2").QuerySelectorAll("tbody tr").Single(r => r.Children[1].Text() == "O1.2");
        change.Children[2].Text().ShouldBe("officer@demo.council");
        change.Children[3].Text().ShouldBe("Corrected");
        change.Children[4].Text().ShouldBe(
            "Judged: suggestion → Red (suggested Green); Rationale: none → Housing completions have stalled since the summer.; Direction: suggested → Declining; Reason: Agreed by the performance board");
    }

    [Fact]
    public async Task ABadRowShowsItsMessageNextToTheFieldAndKeepsEveryonesInput()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var (_, page) = await Html.GetAsync(officer, Url);
        var rationale = PageForms.NameOf(page, "rationale-O2-1");

        var response = await PageForms.SubmitAsync(officer, Url, page, "assessments", new Dictionary<string, string>
        {
            [PageForms.NameOf(page, "judged-O2-1")] = "Red",
            [rationale] = string.Empty,
            [PageForms.NameOf(page, "reason-O2-1")] = "Board review",
            [PageForms.NameOf(page, "judged-O2-2")] = "Amber",
            [PageForms.NameOf(page, "rationale-O2-2")] = "Waste targets missed twice",
            [PageForms.NameOf(page, "reason-O2-2")] = "Board review",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        FrameworkForms.MessageNextTo(html, rationale).ShouldBe("A rationale is required: the judged rating (Red) differs from the suggested rating (Green).");
        var again = new HtmlParser().ParseDocument(html);
        again.GetElementById("judged-O2-1")!.QuerySelector("option[selected]")!.GetAttribute("value").ShouldBe("Red");
        again.GetElementById("reason-O2-1")!.TextContent.ShouldBe("Board review");
        again.GetElementById("rationale-O2-1")!.GetAttribute("aria-describedby")!.ShouldContain("error-O2-1");
        again.QuerySelector(".error-summary")!.Text().ShouldContain("O2.1: A rationale is required");
        again.QuerySelector(".error-summary a")!.GetAttribute("href").ShouldBe($"{Url}#rationale-O2-1", "a jump within this page, not to /#…");
        (await AssessmentAsync("O2.1")).ShouldBeNull();
        (await AssessmentAsync("O2.2"))!.Rationale.ShouldBe("Waste targets missed twice");
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesJudgementIsRefusedAndKeepsWhatWasTyped()
    {
        var officer = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        var (_, page) = await Html.GetAsync(officer, Url);

        // Someone else judges O2.4 after the page was opened.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<SegmentAssessments>()
                .SaveAsync(ReportingPeriod.Parse("2019/20 Q2"), [new AssessmentInput("O2.4", "Green", "Heritage visits up", null, "Board", null)], "admin@demo.council");
            outcome.ShouldHaveSingleItem().Saved.ShouldBeTrue();
        }

        var response = await PageForms.SubmitAsync(officer, Url, page, "assessments", new Dictionary<string, string>
        {
            [PageForms.NameOf(page, "judged-O2-4")] = "Red",
            [PageForms.NameOf(page, "rationale-O2-4")] = "Museum closures",
            [PageForms.NameOf(page, "reason-O2-4")] = "Board review",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        FrameworkForms.MessageNextTo(html, PageForms.NameOf(page, "judged-O2-4"))
            .ShouldBe("admin@demo.council judged it Green since you opened this page. Your choices are kept below: save again to replace theirs.");
        var again = new HtmlParser().ParseDocument(html);
        again.GetElementById("rationale-O2-4")!.TextContent.ShouldBe("Museum closures");
        (await AssessmentAsync("O2.4"))!.Rationale.ShouldBe("Heritage visits up");

        // Saving again replaces theirs.
        var retry = await PageForms.SubmitAsync(officer, Url, again, "assessments", new Dictionary<string, string>());
        retry.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AssessmentAsync("O2.4"))!.Rationale.ShouldBe("Museum closures");
    }

    private async Task<PerformanceWheel.Domain.Outturns.SegmentAssessment?> AssessmentAsync(string segment)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var quarter = ReportingPeriod.Parse("2019/20 Q2");
        return await db.SegmentAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Segment.Code == segment && a.Period == quarter);
    }
}
