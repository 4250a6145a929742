// Times the Cabinet pack (docs/performance.md).
//
//   dotnet run -c Release --project bench/PerformanceWheel.PackTiming -- [runs] [period] [output.pdf]
//       the demo council (SQLite): one warm-up build, then median, min and max of `runs` builds (default 10, 2019/20 Q2)
//   dotnet run -c Release --project bench/PerformanceWheel.PackTiming -- --large [--scale N] [--runs N] [--period P] [--out FILE.pdf] [--html-out FILE.html]
//       the large council (bench/PerformanceWheel.LargeCouncil, a copy of the cached SQLite file), against Chromium alone:
//       a warm-up (one measure's pack: starts the browser, puts a page in the pool), then one staged build that times
//       reading and the first render (no page map yet: printed twice) and saves the pack's final HTML to disk; then each
//       run times (1) the whole pack as it is made (read, render, print once with the last page map) and (2) the same
//       printer — same browser, page pool and print options — printing that HTML read back from disk.
//       Prints the medians and their ratio (goal ≤ 1.5, issue #7). The large pack takes minutes: hence few runs.
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.LargeCouncil;
using PerformanceWheel.Reporting;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.Reporting.Pdf;
using PerformanceWheel.TestSupport;

var large = args.Contains("--large");
int runs;
string period;
string? output;
string? htmlOutput = null;
var scale = 1;
if (large)
{
    runs = 5;
    period = LargeCouncil.LatestQuarter.Label;
    output = null;
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--large": break;
            case "--scale": scale = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--period": period = args[++i]; break;
            case "--out": output = args[++i]; break;
            case "--html-out": htmlOutput = args[++i]; break;
            default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }
    }
}
else
{
    runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
    period = args.Length > 1 ? args[1] : "2019/20 Q2";
    output = args.Length > 2 ? args[2] : null;
}

var work = Directory.CreateTempSubdirectory("pw-pack-timing-");
TestDatabase? demo = null;
DatabaseOptions database;
try
{
    if (large)
    {
        // A copy of the cached file, migrated to the current schema (the cache may predate later migrations).
        var cached = await LargeCouncilDatabase.CachedSqliteAsync(scale, new Progress<string>(Console.WriteLine));
        var copy = Path.Combine(work.FullName, "large.db");
        File.Copy(new SqliteConnectionStringBuilder(cached.ConnectionString).DataSource, copy);
        database = LargeCouncilDatabase.Sqlite(copy);
        await using var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(database));
        await PerformanceWheel.Data.Migrations.LegacyHistory.MigrateAsync(db);
    }
    else
    {
        demo = await TestDatabases.CreateSqlite().MigrateAsync();
        await using (var db = demo.CreateContext())
        {
            await new DemoCouncilLoader(db).LoadAsync();
        }

        database = demo.Options;
    }

    var settings = new Dictionary<string, string?>
    {
        ["Reporting:BrowserExecutablePath"] = Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_CHROMIUM") is { Length: > 0 } c ? c : null,
    };
    if (large)
    {
        // The app's default (60 s) is a limit for a request, not for a measurement: whether the pack fits in it is reported.
        settings["Reporting:PackTimeoutSeconds"] = "1800";
    }

    var services = new ServiceCollection();
    services.AddLogging();
    services.AddDbContextFactory<PerformanceWheelDbContext>(o => o.UseConfiguredDatabase(database));
    services.AddPerformanceReading();
    services.AddReporting(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    await using var provider = services.BuildServiceProvider();

    if (large)
    {
        await LargeAsync(provider, runs, period, output, htmlOutput ?? Path.Combine(work.FullName, "cabinet.html"));
    }
    else
    {
        await DemoAsync(provider, runs, period, output);
    }
}
finally
{
    if (demo is not null)
    {
        await demo.DisposeAsync();
    }

    SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

static async Task<PackFile> BuildAsync(IServiceProvider provider, string period)
{
    await using var scope = provider.CreateAsyncScope();
    var packs = scope.ServiceProvider.GetRequiredService<PackBuilder>();
    return await packs.RenderAsync(await packs.CabinetAsync(period));
}

static async Task DemoAsync(IServiceProvider provider, int runs, string period, string? output)
{
    var warm = await BuildAsync(provider, period); // starts the browser (≈1.3 s), not counted
    if (output is not null)
    {
        await File.WriteAllBytesAsync(output, warm.Content);
    }

    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        var file = await BuildAsync(provider, period);
        watch.Stop();
        times.Add(watch.Elapsed.TotalMilliseconds);
        Console.WriteLine(Invariant($"run {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms ({file.Content.Length / 1024} KiB)"));
    }

    Console.WriteLine(Invariant($"Cabinet pack {period}: median {Median(times):F0} ms, min {times.Min():F0} ms, max {times.Max():F0} ms over {runs} runs ({warm.FileName}, {warm.Content.Length / 1024} KiB)"));
}

static async Task LargeAsync(IServiceProvider provider, int runs, string period, string? output, string htmlPath)
{
    var printer = provider.GetRequiredService<ChromiumPdfPrinter>();
    var html = provider.GetRequiredService<PackHtmlRenderer>();

    // Warm-up and the staged build: reading, then rendering and printing as PackBuilder.RenderAsync does (the first print
    // of this pack in this process: no page map yet, so it prints twice), each timed.
    var stages = new List<(string Stage, double Ms)>();
    PackModel model;
    string finalHtml;
    byte[] pdf;
    double readMs;
    int firstPrints;
    await using (var scope = provider.CreateAsyncScope())
    {
        var packs = scope.ServiceProvider.GetRequiredService<PackBuilder>();
        var clock = Stopwatch.StartNew();
        model = await packs.CabinetAsync(period);
        readMs = clock.Elapsed.TotalMilliseconds;

        // Warm-up, not counted: one measure's pack starts the browser (≈1.3 s) and leaves a page in the pool.
        var warm = await packs.RenderAsync(await packs.MeasureAsync(model.Measures[0].Code, period));
        Console.WriteLine(Invariant($"warm-up: {warm.FileName}, {warm.Content.Length / 1024} KiB"));
        clock.Restart();
        model = await packs.CabinetAsync(period);
        stages.Add(("reading the figures (PackBuilder.CabinetAsync: one PackFiguresReader snapshot)", clock.Elapsed.TotalMilliseconds));
        clock.Restart();
        var first = await packs.RenderAsync(model);
        firstPrints = first.Prints;
        stages.Add(($"rendering and printing, no page map yet ({first.Prints} prints)", clock.Elapsed.TotalMilliseconds));
        pdf = first.Content;
        clock.Restart();
        finalHtml = await html.RenderAsync(model);
        stages.Add(("rendering the final HTML again (to save it for Chromium alone; not part of a build)", clock.Elapsed.TotalMilliseconds));
    }

    // The pre-rendered document: the pack's own final HTML (CSS inlined, contents page numbers filled in).
    await File.WriteAllTextAsync(htmlPath, finalHtml);
    var footerText = PackBuilder.Footer(model);
    if (output is not null)
    {
        await File.WriteAllBytesAsync(output, pdf);
    }

    var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
    Console.WriteLine(Invariant($"pack: {pages} pages, {pdf.Length / 1024} KiB PDF, {new FileInfo(htmlPath).Length / 1024} KiB HTML ({htmlPath}); {model.Segments.Count} segments, {model.Measures.Count} measures"));

    var packTimes = new List<double>();
    var prints = new List<int>();
    var chromiumTimes = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        var file = await BuildAsync(provider, period);
        packTimes.Add(clock.Elapsed.TotalMilliseconds);
        prints.Add(file.Prints);

        clock.Restart();
        var saved = await File.ReadAllTextAsync(htmlPath);
        var alone = await printer.PrintAsync(new PdfPrintRequest(saved, footerText));
        chromiumTimes.Add(clock.Elapsed.TotalMilliseconds);
        Console.WriteLine(Invariant($"run {i + 1}: pack {packTimes[^1]:F0} ms ({file.Content.Length / 1024} KiB, printed {file.Prints}×), Chromium alone {chromiumTimes[^1]:F0} ms ({alone.Length / 1024} KiB)"));
    }

    var pack = Median(packTimes);
    var chromium = Median(chromiumTimes);
    var ratio = pack / chromium;
    Console.WriteLine();
    Console.WriteLine(Invariant($"| | median (ms) | min | max |"));
    Console.WriteLine("|---|---:|---:|---:|");
    Console.WriteLine(Invariant($"| Cabinet pack, end to end ({runs} runs) | {pack:F0} | {packTimes.Min():F0} | {packTimes.Max():F0} |"));
    Console.WriteLine(Invariant($"| Chromium alone: the same HTML from disk, same printer ({runs} runs) | {chromium:F0} | {chromiumTimes.Min():F0} | {chromiumTimes.Max():F0} |"));
    Console.WriteLine();
    Console.WriteLine(Invariant($"RATIO pack / Chromium alone = {ratio:F2} (goal ≤ 1.5: {(ratio <= 1.5 ? "met" : "not met")}); the timed builds printed {string.Join(", ", prints)} time(s) each (the page map of the build before held)"));
    Console.WriteLine();
    Console.WriteLine(Invariant($"Where the first build's time goes (the staged build, after a first read of the figures and the warm-up; it printed {firstPrints}×):"));
    Console.WriteLine();
    Console.WriteLine("| stage | ms | share |");
    Console.WriteLine("|---|---:|---:|");
    var total = stages.Sum(s => s.Ms);
    foreach (var (stage, ms) in stages)
    {
        Console.WriteLine(Invariant($"| {stage} | {ms:F0} | {ms / total:P0} |"));
    }

    Console.WriteLine(Invariant($"| total | {total:F0} | |"));
    Console.WriteLine(Invariant($"(The first, cold read of the figures took {readMs:F0} ms.)"));
    var timeout = new ReportingOptions().PackTimeoutSeconds;
    Console.WriteLine(Invariant($"Each print must finish within Reporting:PackTimeoutSeconds (default {timeout} s, raised here) when a request makes it; the slowest build here took {Math.Max(packTimes.Max(), stages[1].Ms) / 1000:F1} s (packs are now made in the background: docs/decisions/0015)."));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
