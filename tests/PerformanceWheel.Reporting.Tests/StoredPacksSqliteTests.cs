using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data.Packs;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Reporting.Packs;
using Shouldly;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>
/// Cabinet and Scrutiny packs are made in the background, stored and served from the store (issue 14,
/// docs/decisions/0015): the first request says the pack is being made, a ready pack is the stored file, a pack of
/// older figures is never served, the queue survives a restart, and a reader only gets their own audience's pack.
/// </summary>
[Collection(DemoCouncilCollection.Name)]
public sealed class StoredPacksSqliteTests(DemoCouncilFixture demo)
{
    private const string AdultsAndHealth = "/reports/scrutiny.pdf?committee=A%26H&period=2019/20%20Q2";
    private const string AudienceHeader = "X-Test-Audience";

    [Fact]
    public async Task TheFirstRequestSaysThePackIsBeingMadeThenTheStoredFileIsServed()
    {
        await ClearAsync();
        var version = new TestFiguresVersion(7);
        await using var app = await StartAsync(version);
        var client = app.GetTestClient();

        var first = await client.GetAsync(new Uri(AdultsAndHealth, UriKind.Relative));

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await first.Content.ReadAsStringAsync();
        page.ShouldContain("<h1>The A&amp;H Scrutiny pack for 2019/20 Q2 is being made</h1>");
        page.ShouldContain("<meta http-equiv=\"refresh\" content=\"5\">");
        page.ShouldContain("<title>The A&amp;H Scrutiny pack for 2019/20 Q2 is being made</title>");
        page.ShouldContain($"<link rel=\"stylesheet\" href=\"{StoredPacks.StylesheetPath}\">");
        page.ShouldContain("role=\"status\"");
        page.ShouldNotContain("<script");
        first.Headers.GetValues(StoredPacks.ProgressHeader).Single().ShouldNotBeNullOrWhiteSpace();

        var ready = await UntilReadyAsync(client, AdultsAndHealth);
        ready.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Scrutiny-AH-2019-20-Q2.pdf");
        var pdf = await ready.Content.ReadAsByteArrayAsync();
        pdf.Take(5).ShouldBe("%PDF-"u8.ToArray());
        Tools.Squash(await Tools.PdfTextAsync(pdf)).ShouldContain("ASC-CQC-01");

        var again = await client.GetAsync(new Uri(AdultsAndHealth, UriKind.Relative));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        var job = await JobAsync("all|Scrutiny|A&H|2019/20 Q2");
        job.State.ShouldBe(PackJobState.Ready);
        job.FiguresVersion.ShouldBe(7);
    }

    [Fact]
    public async Task APackOfOlderFiguresIsNeverServedAndIsMadeAgain()
    {
        await ClearAsync();
        var version = new TestFiguresVersion(1);
        await using var app = await StartAsync(version);
        var client = app.GetTestClient();
        await client.GetAsync(new Uri(AdultsAndHealth, UriKind.Relative));
        await UntilReadyAsync(client, AdultsAndHealth);

        version.Value = 2;
        var stale = await client.GetAsync(new Uri(AdultsAndHealth, UriKind.Relative));

        stale.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("is being made");
        (await UntilReadyAsync(client, AdultsAndHealth)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JobAsync("all|Scrutiny|A&H|2019/20 Q2")).FiguresVersion.ShouldBe(2);
    }

    [Fact]
    public async Task QueuedPacksAndPacksWhoseMakerStoppedAreMadeAfterARestart()
    {
        await ClearAsync();
        var store = new PackStore(demo.Services.GetRequiredService<IDbContextFactory<Data.PerformanceWheelDbContext>>(), TimeProvider.System);
        var quarter = ReportingPeriod.Parse("2019/20 Q1");
        var queued = new StoredPackRequest(PackKind.Scrutiny, "A&H", quarter, "all");
        var interrupted = new StoredPackRequest(PackKind.Scrutiny, "P", quarter, "all");
        await store.EnqueueAsync(interrupted, 3);
        (await store.ClaimAsync()).ShouldNotBeNull().Request.Key.ShouldBe(interrupted.Key);
        await store.EnqueueAsync(queued, 3);
        // The node making it stopped a while ago: its lease has run out.
        await using (var db = demo.Database.CreateContext())
        {
            await db.PackJobs.Where(j => j.Key == interrupted.Key).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, DateTimeOffset.UtcNow.AddMinutes(-5)));
        }

        await using var app = await StartAsync(new TestFiguresVersion(3));

        await UntilAsync(async () => (await JobAsync(queued.Key)).State == PackJobState.Ready && (await JobAsync(interrupted.Key)).State == PackJobState.Ready);
        var response = await app.GetTestClient().GetAsync(new Uri("/reports/scrutiny.pdf?committee=P&period=2019/20%20Q1", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JobAsync(interrupted.Key)).Attempts.ShouldBe(2, "claimed before the restart and again after it");
    }

    [Fact]
    public async Task AReaderOfPublishedFiguresIsNeverServedThePackMadeWithDrafts()
    {
        await ClearAsync();
        await using var app = await StartAsync(new TestFiguresVersion(5));
        var client = app.GetTestClient();
        await client.GetAsync(new Uri(AdultsAndHealth, UriKind.Relative));
        await UntilReadyAsync(client, AdultsAndHealth);

        using var request = new HttpRequestMessage(HttpMethod.Get, AdultsAndHealth);
        request.Headers.Add(AudienceHeader, "published");
        var published = await client.SendAsync(request);

        published.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await JobAsync("published|Scrutiny|A&H|2019/20 Q2")).State.ShouldBeOneOf(PackJobState.Queued, PackJobState.Running);
    }

    [Fact]
    public async Task ThePublishedQuartersPacksAreQueuedWithoutAnyRequest()
    {
        await ClearAsync();
        await using var app = await StartAsync(new TestFiguresVersion(9), makeAhead: true);

        // The maker queues the Cabinet pack, then each committee's in turn: wait for the last of them.
        await UntilAsync(async () => await CountAsync("published|Cabinet|") == 1 && await CountAsync("published|Scrutiny|P|") == 1);
        await using var db = demo.Database.CreateContext();
        var keys = await db.PackJobs.Select(j => j.Key).ToListAsync();
        keys.ShouldContain(k => k.StartsWith("published|Scrutiny|A&H|", StringComparison.Ordinal));
        keys.ShouldAllBe(k => k.StartsWith("published|", StringComparison.Ordinal), "only packs of published figures are made ahead");
    }

    [Fact]
    public async Task ThePackMakerStopsQuietlyWhenTheAppsServicesAreDisposedUnderIt()
    {
        // A host disposed without being stopped first (as a test host is) takes the maker's database and signal away. The
        // maker used to wait for ever on the disposed signal, or (disposed while it read the queue) log an error and then
        // fail, which stops a host with a critical "BackgroundService failed".
        await ClearAsync();
        var app = await StartAsync(new TestFiguresVersion(4));
        var maker = app.Services.GetServices<IHostedService>().OfType<PackMaker>().Single();

        await app.DisposeAsync();

        // The maker polls every second here; it notices on its next look, well within this guard against a hang.
        await maker.ExecuteTask.ShouldNotBeNull().WaitAsync(TimeSpan.FromSeconds(30));
        maker.ExecuteTask.Status.ShouldBe(TaskStatus.RanToCompletion);
    }

    private Task<WebApplication> StartAsync(TestFiguresVersion version, bool makeAhead = false) =>
        ReportEndpointsSqliteTests.StartAsync(demo.Database, configure: b =>
        {
            b.Configuration["Reporting:MakePacksAhead"] = makeAhead ? "true" : "false";
            b.Services.AddSingleton<IFiguresVersion>(version);
            b.Services.AddHttpContextAccessor();
            b.Services.AddScoped<IFigureAudience>(sp => new HeaderAudience(sp.GetRequiredService<IHttpContextAccessor>()));
        });

    private async Task ClearAsync()
    {
        await using var db = demo.Database.CreateContext();
        await db.PackJobs.ExecuteDeleteAsync();
    }

    private async Task<PackJob> JobAsync(string key)
    {
        await using var db = demo.Database.CreateContext();
        return await db.PackJobs.AsNoTracking().SingleAsync(j => j.Key == key);
    }

    private async Task<int> CountAsync(string keyStart)
    {
        await using var db = demo.Database.CreateContext();
        return await db.PackJobs.CountAsync(j => j.Key.StartsWith(keyStart));
    }

    private static async Task<HttpResponseMessage> UntilReadyAsync(HttpClient client, string url)
    {
        HttpResponseMessage? response = null;
        await UntilAsync(async () =>
        {
            response = await client.GetAsync(new Uri(url, UriKind.Relative));
            return response.StatusCode != HttpStatusCode.Accepted;
        });
        response!.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response;
    }

    // Printing is slow on a busy machine: wait up to ten minutes, looking every second.
    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException("Not done after ten minutes.");
    }

    private sealed class TestFiguresVersion(long value) : IFiguresVersion
    {
        public long Value { get; set; } = value;

        public ValueTask<long> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Value);
    }

    // Every figure, or published figures only when the request says so.
    private sealed class HeaderAudience(IHttpContextAccessor accessor) : IFigureAudience
    {
        public FigureScope Scope => accessor.HttpContext?.Request.Headers[AudienceHeader].ToString() == "published" ? FigureScope.Published : FigureScope.Everything;
    }
}
