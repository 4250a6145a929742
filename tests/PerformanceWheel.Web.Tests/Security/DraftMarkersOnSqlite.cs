using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Web.Tests.Api;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>
/// A draft figure with a unique value (the marker) is planted in every directorate, then looked for in every read
/// channel — pages, PDF text, xlsx, open-data CSV and the API — for every role and a Director API key. Officers and
/// Admins find every marker; the Director of Adults Services finds Adults' marker only; councillors and the public none.
/// A draft that leaks into a channel fails here.
/// </summary>
public sealed partial class DraftMarkersOnSqlite(MarkedCouncil council) : IClassFixture<MarkedCouncil>
{
    private const string Quarter = MarkedCouncil.Quarter;
    private const string QuarterQuery = "period=2019%2F20%20Q2";

    private IReadOnlyList<(string Directorate, string Code, string SegmentCode, string Marker)> Markers => council.Markers;

    private IReadOnlyDictionary<string, HttpClient> Readers => council.Readers;

    /// <summary>Whether a reader may see a directorate's drafts: officers and Admins all; the Director (and their key) Adults only.</summary>
    private static bool SeesDraftsOf(string reader, string directorate) => reader switch
    {
        Roles.Admin or Roles.PerformanceOfficer or "PerformanceOfficer API key" => true,
        Roles.Director or "Director API key" => directorate == ApiClient.DirectorsDirectorate,
        _ => false,
    };

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.PerformanceOfficer)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Councillor)]
    [InlineData(MarkedCouncil.Anonymous)]
    public async Task PagesShowADraftOnlyToWhoMaySeeIt(string role)
    {
        foreach (var (directorate, code, segment, marker) in Markers)
        {
            var expected = SeesDraftsOf(role, directorate);
            await ExpectAsync(role, $"/directorates/{Uri.EscapeDataString(directorate)}?{QuarterQuery}", marker, expected);
            await ExpectAsync(role, $"/measures/{code}?{QuarterQuery}", marker, expected);
            await ExpectAsync(role, $"/segments/{Uri.EscapeDataString(segment)}?{QuarterQuery}", marker, expected);
        }

        await ExpectNoneOrOwnAsync(role, $"/exceptions?{QuarterQuery}");
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.PerformanceOfficer)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Councillor)]
    [InlineData(MarkedCouncil.Anonymous)]
    public async Task ExcelExportsShowADraftOnlyToWhoMaySeeIt(string role)
    {
        foreach (var (directorate, code, _, marker) in Markers)
        {
            var expected = SeesDraftsOf(role, directorate);
            (await XlsxTextAsync(role, $"/exports/directorates/{Uri.EscapeDataString(directorate)}.xlsx?{QuarterQuery}")).Contains(marker, StringComparison.Ordinal)
                .ShouldBe(expected, $"{role}: {directorate} scorecard export");
            (await XlsxTextAsync(role, $"/exports/measures/{code}.xlsx?{QuarterQuery}")).Contains(marker, StringComparison.Ordinal)
                .ShouldBe(expected, $"{role}: {code} history export");
        }

        var comparison = await XlsxTextAsync(role, $"/exports/directorates.xlsx?{QuarterQuery}");
        foreach (var (directorate, _, _, marker) in Markers.Where(m => !SeesDraftsOf(role, m.Directorate)))
        {
            comparison.ShouldNotContain(marker, Case.Sensitive, $"{role}: {directorate} in the directorates export");
        }
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Councillor)]
    [InlineData(MarkedCouncil.Anonymous)]
    public async Task PdfPacksShowADraftOnlyToWhoMaySeeIt(string role)
    {
        foreach (var (directorate, code, _, marker) in Markers)
        {
            foreach (var pack in new[] { $"/reports/measures/{code}.pdf", $"/reports/directorates/{Uri.EscapeDataString(directorate)}.pdf" })
            {
                var response = await Readers[role].GetAsync(new Uri($"{pack}?{QuarterQuery}", UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role}: {pack}");
                var text = Digits(await PdfTextAsync(await response.Content.ReadAsByteArrayAsync()));
                text.Contains(marker, StringComparison.Ordinal).ShouldBe(SeesDraftsOf(role, directorate), $"{role}: {pack}");
            }
        }
    }

    [Theory]
    [InlineData("PerformanceOfficer API key")]
    [InlineData("Director API key")]
    [InlineData("Councillor API key")]
    public async Task TheApiShowsADraftOnlyToKeysThatMaySeeIt(string key)
    {
        foreach (var (directorate, code, _, marker) in Markers)
        {
            var expected = SeesDraftsOf(key, directorate);
            await ExpectAsync(key, $"/api/v1/measures/{code}", marker, expected);
            await ExpectAsync(key, $"/api/v1/scorecard?period={Uri.EscapeDataString(Quarter)}&directorate={Uri.EscapeDataString(directorate)}", marker, expected);
        }
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Councillor)]
    [InlineData(MarkedCouncil.Anonymous)]
    public async Task OpenDataNeverCarriesADraft(string role)
    {
        var response = await Readers[role].GetAsync(new Uri("/open-data/2019-20-Q2.csv", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csv = Digits(await response.Content.ReadAsStringAsync());
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(10, "the quarter's published figures");
        foreach (var (directorate, _, _, marker) in Markers)
        {
            csv.ShouldNotContain(marker, Case.Sensitive, $"{role}: {directorate}'s draft in open data");
        }
    }

    [Fact]
    public async Task ADirectorIsRefusedAnotherDirectoratesGridAndCriticalItems()
    {
        foreach (var (directorate, _, _, marker) in Markers.Where(m => m.Directorate != ApiClient.DirectorsDirectorate))
        {
            foreach (var page in new[] { $"/outturns/{Uri.EscapeDataString(directorate)}?{QuarterQuery}", $"/outturns/{Uri.EscapeDataString(directorate)}/critical-items?{QuarterQuery}" })
            {
                var response = await Readers[Roles.Director].GetAsync(new Uri(page, UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, page);
                Digits(await response.Content.ReadAsStringAsync()).ShouldNotContain(marker, Case.Sensitive, page);
            }
        }

        var own = await Readers[Roles.Director].GetAsync(new Uri($"/outturns/{Uri.EscapeDataString(ApiClient.DirectorsDirectorate)}?{QuarterQuery}", UriKind.Relative));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        Digits(await own.Content.ReadAsStringAsync()).ShouldContain(Markers.Single(m => m.Directorate == ApiClient.DirectorsDirectorate).Marker);
    }

    private async Task ExpectAsync(string reader, string url, string marker, bool expected)
    {
        var response = await Readers[reader].GetAsync(new Uri(url, UriKind.Relative));
        // A reader who may not see the draft gets the page without it, or 404 where the draft would be its only figure.
        response.StatusCode.ShouldBeOneOf(expected ? [HttpStatusCode.OK] : [HttpStatusCode.OK, HttpStatusCode.NotFound], $"{reader}: {url}");
        Digits(await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal)
            .ShouldBe(expected, $"{reader}: {url} {(expected ? "should show" : "leaks")} the draft {marker}");
    }

    private async Task ExpectNoneOrOwnAsync(string reader, string url)
    {
        var response = await Readers[reader].GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{reader}: {url}");
        var text = Digits(await response.Content.ReadAsStringAsync());
        foreach (var (directorate, _, _, marker) in Markers.Where(m => !SeesDraftsOf(reader, m.Directorate)))
        {
            text.ShouldNotContain(marker, Case.Sensitive, $"{reader}: {url} leaks {directorate}'s draft");
        }
    }

    private async Task<string> XlsxTextAsync(string reader, string url)
    {
        var response = await Readers[reader].GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{reader}: {url}");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var stream = new StreamReader(entry.Open());
            text.Append(await stream.ReadToEndAsync()).Append('\n');
        }

        return Digits(text.ToString());
    }

    /// <summary>
    /// Thousands separators removed, so 913,041 and 913041 both match the marker; and the page's opaque random values
    /// taken out first (a live page's protected component descriptors, an antiforgery token): a six-digit marker turns up
    /// by chance in a thousand random base64 characters about once in seventy pages, and that is not a leak.
    /// </summary>
    private static string Digits(string text) =>
        Opaque().Replace(text, string.Empty).Replace(",", string.Empty, StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("<!--Blazor:.*?-->|name=\"__RequestVerificationToken\" value=\"[^\"]*\"", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Opaque();

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pw-leak-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", $"\"{file}\" -") { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>The demo council with one draft marker per directorate, open data on, and a client per role and key.</summary>
public sealed class MarkedCouncil : IAsyncLifetime
{
    public const string Quarter = "2019/20 Q2";

    /// <summary>A reader who has not signed in (the council allows reading without signing in).</summary>
    public const string Anonymous = "anonymous";

    private readonly SqliteApp _app = new();
    private readonly List<(string Directorate, string Code, string SegmentCode, string Marker)> _markers = [];
    private readonly Dictionary<string, HttpClient> _readers = [];

    public IReadOnlyList<(string Directorate, string Code, string SegmentCode, string Marker)> Markers => _markers;

    public IReadOnlyDictionary<string, HttpClient> Readers => _readers;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var factory = _app.Factory;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
            var framework = scope.ServiceProvider.GetRequiredService<MeasureCommands>();
            var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
            var directorates = await db.Directorates.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.Name).ToListAsync();
            var measures = await db.Measures.AsNoTracking().Include(m => m.Segment!).ThenInclude(s => s.Committees).Where(m => m.SegmentId != null).ToListAsync();
            for (var i = 0; i < directorates.Count; i++)
            {
                var directorate = directorates[i];
                var segment = (measures.FirstOrDefault(m => m.DirectorateId == directorate.Id) ?? measures[0]).Segment!;
                var code = $"LEAK-{i + 1}";
                var saved = await framework.SaveAsync(null, new MeasureDraft(
                    code, $"Draft marker of {directorate.Name}", null, null, "number", 0, Polarity.HigherIsBetter, Frequency.Quarterly,
                    Aggregation.Sum, ToleranceType.Percent, 5, 0, directorate.Id, segment.Id, segment.Committees.Select(c => c.Id).ToList(), null, null), "tests@demo.council");
                saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Problems.Select(p => p.Message)));
                var marker = (913_041 + (i * 1_010)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var outcome = await workflow.SaveAsync(directorate.Name, [new EntryInput(code, Quarter, marker, null, false, null, null)], "officer@demo.council");
                outcome.ShouldHaveSingleItem().Saved.ShouldBeTrue(outcome[0].Message);
                _markers.Add((directorate.Name, code, segment.Code, marker));
            }

            var settings = await db.CouncilSettings.SingleAsync();
            settings.ChangeOpenData(true);
            settings.ChangeReading(allowAnonymousReading: true, settings.OverdueDaysAfterPeriodEnd);
            await db.SaveChangesAsync();
        }

        foreach (var role in Roles.All)
        {
            _readers[role] = await SignedInClient.AsAsync(factory, role);
        }

        _readers[Anonymous] = SignedInClient.Anonymous(factory);
        _readers["Director API key"] = ApiClient.With(factory, await ApiClient.CreateKeyAsync(factory, Roles.Director));
        _readers["Councillor API key"] = ApiClient.With(factory, await ApiClient.CreateKeyAsync(factory, Roles.Councillor));
        _readers["PerformanceOfficer API key"] = ApiClient.With(factory, await ApiClient.CreateKeyAsync(factory, Roles.PerformanceOfficer));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _readers.Values)
        {
            client.Dispose();
        }

        await _app.DisposeAsync();
    }
}
