using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Infrastructure;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Caching;

/// <summary>
/// Issue 14: evaluated quarters are kept per figures version and audience, and reading pages are kept for published-only
/// readers. A reader never gets figures they may not see (a draft seen by staff first, another reader's page), and never
/// figures older than the last change: each kind of change shows on the next read, cached or not.
/// </summary>
public sealed class CachedFiguresOnSqlite : IAsyncLifetime
{
    private const string Q2 = "period=2019%2F20%20Q2";
    private const string Q3 = "period=2019%2F20%20Q3";
    private readonly SqliteApp _app = new();

    private AppFactory Factory => _app.Factory;

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ADraftSeenByStaffFirstNeverReachesCouncillorsOrThePublic()
    {
        var (code, segment, marker) = await PlantDraftAsync(ApiClient.DirectorsDirectorate, "917.263");
        string[] urls =
        [
            $"/directorates/{Uri.EscapeDataString(ApiClient.DirectorsDirectorate)}?{Q2}",
            $"/measures/{code}?{Q2}",
            $"/segments/{Uri.EscapeDataString(segment)}?{Q2}",
        ];
        var anonymous = SignedInClient.Anonymous(Factory);
        var officer = await SignedInClient.AsAsync(Factory, Roles.PerformanceOfficer);
        var director = await SignedInClient.AsAsync(Factory, Roles.Director);
        var councillor = await SignedInClient.AsAsync(Factory, Roles.Councillor);

        foreach (var url in urls)
        {
            (await ReadAsync(anonymous, url)).Html.ShouldNotContain(marker, Case.Sensitive, url);
            foreach (var staff in new[] { officer, director })
            {
                var read = await ReadAsync(staff, url);
                read.Html.ShouldContain(marker, Case.Sensitive, url);
                read.FromCache.ShouldBeFalse(url);
            }

            foreach (var reader in new[] { councillor, councillor, anonymous, anonymous })
            {
                (await ReadAsync(reader, url)).Html.ShouldNotContain(marker, Case.Sensitive, url);
            }

            (await ReadAsync(officer, url)).Html.ShouldContain(marker, Case.Sensitive, url);
        }

        // The scorecard (published figures of the quarter) is kept for the public, without the draft.
        var publicScorecard = await ReadAsync(anonymous, urls[0]);
        publicScorecard.FromCache.ShouldBeTrue("the public's copy of the scorecard is kept");
        publicScorecard.Html.ShouldNotContain(marker);
    }

    [Fact]
    public async Task ACouncillorsKeptPageIsTheirsAloneAndItsSignOutFormStillWorks()
    {
        const string url = "/?" + Q2;
        var anonymous = SignedInClient.Anonymous(Factory);
        var councillor = await SignedInClient.AsAsync(Factory, Roles.Councillor);
        var otherBrowser = await SignedInClient.AsAsync(Factory, Roles.Councillor);

        (await ReadAsync(councillor, url)).FromCache.ShouldBeFalse();
        var kept = await ReadAsync(councillor, url);
        kept.FromCache.ShouldBeTrue("the councillor's second read is served from the cache");
        kept.Html.ShouldContain("Signed in as");

        var publicCopy = await ReadAsync(anonymous, url);
        publicCopy.Html.ShouldNotContain("Signed in as");
        publicCopy.Html.ShouldNotContain("__RequestVerificationToken");

        // The same councillor in another browser has another antiforgery cookie: not served the first browser's copy.
        (await ReadAsync(otherBrowser, url)).FromCache.ShouldBeFalse();

        var token = new HtmlParser().ParseDocument(kept.Html).QuerySelector("form[action='/account/sign-out'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var signOut = await councillor.PostAsync(new Uri("/account/sign-out", UriKind.Relative), form);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AFigureEnteredShowsToStaffAtOnceAndToEveryoneOncePublished()
    {
        const string url = "/directorates/Public%20Health?" + Q3;
        var officer = await SignedInClient.AsAsync(Factory, Roles.PerformanceOfficer);
        var anonymous = SignedInClient.Anonymous(Factory);
        (await ReadAsync(officer, url)).Html.ShouldNotContain("63.9");
        (await ReadAsync(anonymous, "/?" + Q2)).Status.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(anonymous, url)).Status.ShouldBe(HttpStatusCode.NotFound);

        var quarter = ReportingPeriod.Parse("2019/20 Q3");
        await WorkflowAsync(w => w.SaveAsync("Public Health", [new EntryInput("PH-HV-01", "2019/20 Q3", "63.9", null, false, null, null)], "officer@demo.council"));
        (await ReadAsync(officer, url)).Html.ShouldContain("63.9");
        (await ReadAsync(anonymous, url)).Status.ShouldBe(HttpStatusCode.NotFound);

        await WorkflowAsync(w => w.SubmitAsync("Public Health", quarter, "officer@demo.council"));
        await WorkflowAsync(w => w.ApproveAsync("Public Health", quarter, "director@demo.council"));
        await WorkflowAsync(w => w.PublishAsync(quarter, "admin@demo.council", partOfQuarter: true));

        var published = await ReadAsync(anonymous, url);
        published.Status.ShouldBe(HttpStatusCode.OK);
        published.Html.ShouldContain("63.9");
    }

    public static TheoryData<string> Changes() => ["a target changed", "the rating scheme changed", "a segment judged", "a figure corrected"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task EachKindOfChangeShowsOnTheNextPublicRead(string change)
    {
        var (url, shown) = change switch
        {
            "a target changed" => ("/directorates/Public%20Health?" + Q2, "93.7"),
            "the rating scheme changed" => ("/?" + Q2, "exceeding target by 17%"),
            "a segment judged" => ("/segments/O4.1?" + Q2, "Judged for the cache test"),
            _ => ("/measures/PH-HV-01?period=2019%2F20%20Q1", "88.4"),
        };
        var anonymous = SignedInClient.Anonymous(Factory);
        (await ReadAsync(anonymous, url)).Html.ShouldNotContain(shown);
        var kept = await ReadAsync(anonymous, url);
        kept.FromCache.ShouldBeTrue("the page is kept before the change: " + kept.Headers);

        await MakeAsync(change);

        var after = await ReadAsync(anonymous, url);
        after.FromCache.ShouldBeFalse(change);
        after.Html.ShouldContain(shown, Case.Sensitive, change);
        long.Parse(after.Version!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(long.Parse(kept.Version!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task MakeAsync(string change)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var q2 = ReportingPeriod.Parse("2019/20 Q2");
        switch (change)
        {
            case "a target changed":
                var measure = await db.Measures.Include(m => m.Targets).SingleAsync(m => m.Code == "PH-HV-01");
                measure.SetTarget(q2.Year, q2, 93.7m, null, null);
                break;
            case "the rating scheme changed":
                var council = await db.CouncilSettings.SingleAsync();
                council.ChangeScheme(17m, false, SegmentRatingMethod.Majority);
                break;
            case "a segment judged":
                var segment = await db.Segments.SingleAsync(s => s.Code == "O4.1");
                var judged = await db.SegmentAssessments.SingleOrDefaultAsync(a => a.SegmentId == segment.Id && a.Period == q2)
                    ?? db.SegmentAssessments.Add(new SegmentAssessment(segment, q2)).Entity;
                judged.Judge(RagStatus.Amber, "Judged for the cache test", Direction.Steady, "officer@demo.council", DateTimeOffset.UtcNow);
                break;
            default:
                var corrections = scope.ServiceProvider.GetRequiredService<OutturnCorrections>();
                var result = await corrections.CorrectAsync("Public Health", new CorrectionInput("PH-HV-01", "2019/20 Q1", "88.4", null, "Corrected for the cache test"), "officer@demo.council");
                result.Succeeded.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
                break;
        }

        await db.SaveChangesAsync();
    }

    private async Task<(string Code, string Segment, string Marker)> PlantDraftAsync(string directorateName, string marker)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var directorate = await db.Directorates.AsNoTracking().SingleAsync(d => d.Name == directorateName);
        var segment = (await db.Measures.AsNoTracking().Include(m => m.Segment!).ThenInclude(s => s.Committees)
            .FirstAsync(m => m.DirectorateId == directorate.Id && m.SegmentId != null)).Segment!;
        var saved = await scope.ServiceProvider.GetRequiredService<MeasureCommands>().SaveAsync(null, new MeasureDraft(
            "CACHE-1", "Draft marker for the cache test", null, null, "number", 0, Polarity.HigherIsBetter, Frequency.Quarterly,
            Aggregation.Sum, ToleranceType.Percent, 5, 0, directorate.Id, segment.Id, segment.Committees.Select(c => c.Id).ToList(), null, null), "tests@demo.council");
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Problems.Select(p => p.Message)));
        var outcome = await scope.ServiceProvider.GetRequiredService<OutturnWorkflow>()
            .SaveAsync(directorateName, [new EntryInput("CACHE-1", "2019/20 Q2", marker, null, false, null, null)], "officer@demo.council");
        outcome.ShouldHaveSingleItem().Saved.ShouldBeTrue(outcome[0].Message);
        return ("CACHE-1", segment.Code, marker);
    }

    private async Task WorkflowAsync<T>(Func<OutturnWorkflow, Task<T>> step)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await step(scope.ServiceProvider.GetRequiredService<OutturnWorkflow>());
    }

    /// <summary>A page as a reader gets it: whether it came from the page cache (an Age header) and the figures version it was made at.</summary>
    private static async Task<(HttpStatusCode Status, string Html, bool FromCache, string? Version, string Headers)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var version = response.Headers.TryGetValues(PageCache.VersionHeader, out var values) ? values.First() : null;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Age is not null, version, response.Headers.ToString());
    }
}
