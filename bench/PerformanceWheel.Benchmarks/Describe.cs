using System.Diagnostics;
using PerformanceWheel.Benchmarks.Rollups;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Benchmarks;

/// <summary>Prints what the generator makes at a scale: counts, mixes, commentary lengths and the latest quarter's ratings.</summary>
internal static class Describe
{
    public static void Run(int scale)
    {
        var clock = Stopwatch.StartNew();
        var council = LargeCouncil.LargeCouncil.Generate(scale);
        Console.WriteLine($"Generated scale {scale} in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  directorates {council.Directorates.Count}, rings {council.Plan.Groups.Count}, segments {council.Plan.Groups.Sum(g => g.Segments.Count)}, " +
                          $"measures {council.Measures.Count}, targets {council.Measures.Sum(m => m.Targets.Count)}, outturns {council.Outturns.Count:N0}, assessments {council.Assessments.Count}");
        Console.WriteLine("  frequency/aggregation: " + string.Join(", ", council.Measures.GroupBy(m => m.Frequency == Frequency.Monthly ? $"Monthly {m.Aggregation}" : m.Frequency.ToString()).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine("  polarity: " + string.Join(", ", council.Measures.GroupBy(m => m.Polarity).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine("  units: " + string.Join(", ", council.Measures.GroupBy(m => m.Unit.Label).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine("  tolerances: " + string.Join(", ", council.Measures.GroupBy(m => m.Tolerance.ToString().StartsWith('±') ? (m.ToleranceValue == 0 ? "none" : "absolute") : m.Tolerance.ToString()).Select(g => $"{g.Key} {g.Count()}")));
        var texts = council.Outturns.Where(o => o.Commentary is not null).Select(o => o.Commentary!.Length).ToList();
        Console.WriteLine($"  commentary on {texts.Count:N0} outturns, {texts.Min()}–{texts.Max()} chars (mean {texts.Average():F0}); {council.Outturns.Count(o => o.Value is null):N0} without a value");
        Console.WriteLine("  sample: " + council.Outturns[12345].Commentary);
        clock.Restart();
        var quarter = InMemoryPeriodRollup.Evaluate(council, LargeCouncil.LargeCouncil.LatestQuarter);
        var t = quarter.MeasureTotals;
        Console.WriteLine($"  {LargeCouncil.LargeCouncil.LatestQuarter.Label}: {t.Measures} measures: G {t.Green} A {t.Amber} R {t.Red} B {t.Blue} not rated {t.NotRated}; " +
                          $"improving {t.Improving} steady {t.Steady} declining {t.Declining} (in {clock.Elapsed.TotalMilliseconds:F0} ms)");
        Console.WriteLine("  not rated because: " + string.Join(", ", quarter.Measures.Where(m => !m.Result.Rating.IsRated).GroupBy(m => m.Result.Rating.Reason).Select(g => $"{g.Key} {g.Count()}")));
        Console.WriteLine("  segments suggested: " + string.Join(", ", quarter.Groups.SelectMany(g => g.Segments).GroupBy(s => s.Suggested?.ToString() ?? "none").Select(g => $"{g.Key} {g.Count()}")));
        foreach (var line in quarter.Headlines)
        {
            Console.WriteLine("  headline: " + line);
        }

        foreach (var kind in Enum.GetValues<Polarity>())
        {
            var rated = quarter.Measures.Where(m => m.Measure.Polarity == kind).Select(m => m.Result.Rating.Status?.ToString() ?? "-").GroupBy(s => s);
            Console.WriteLine($"  {kind}: " + string.Join(", ", rated.Select(g => $"{g.Key} {g.Count()}")));
        }
    }
}
