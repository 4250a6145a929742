// Builds the Cabinet pack for the demo council (SQLite) ten times after one warm-up and prints median, min and max.
// Usage: dotnet run -c Release --project bench/PerformanceWheel.PackTiming -- [runs] [period] [output.pdf]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.Reporting;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.TestSupport;

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var period = args.Length > 1 ? args[1] : "2019/20 Q2";
var output = args.Length > 2 ? args[2] : null;

await using var database = await TestDatabases.CreateSqlite().MigrateAsync();
await using (var db = database.CreateContext())
{
    await new DemoCouncilLoader(db).LoadAsync();
}

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Reporting:BrowserExecutablePath"] = Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_CHROMIUM") is { Length: > 0 } c ? c : null,
    })
    .Build();
var services = new ServiceCollection();
services.AddLogging();
services.AddDbContextFactory<PerformanceWheelDbContext>(o => o.UseConfiguredDatabase(database.Options));
services.AddScoped<PerformanceReader>();
services.AddScoped<DetailReader>();
services.AddReporting(configuration);
await using var provider = services.BuildServiceProvider();

async Task<PackFile> BuildAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var packs = scope.ServiceProvider.GetRequiredService<PackBuilder>();
    return await packs.RenderAsync(await packs.CabinetAsync(period));
}

var warm = await BuildAsync(); // starts the browser (≈1.3 s), not counted
if (output is not null)
{
    await File.WriteAllBytesAsync(output, warm.Content);
}

var times = new List<double>();
for (var i = 0; i < runs; i++)
{
    var watch = Stopwatch.StartNew();
    var file = await BuildAsync();
    watch.Stop();
    times.Add(watch.Elapsed.TotalMilliseconds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms ({file.Content.Length / 1024} KiB)"));
}

times.Sort();
var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cabinet pack {period}: median {median:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {runs} runs ({warm.FileName}, {warm.Content.Length / 1024} KiB)"));
