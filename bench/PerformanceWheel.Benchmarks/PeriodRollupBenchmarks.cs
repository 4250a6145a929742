using BenchmarkDotNet.Attributes;
using PerformanceWheel.Benchmarks.Rollups;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks;

/// <summary>(c) A full quarter for the large council in memory: every measure rated, rolled up by segment, ring, directorate and overall.</summary>
[MemoryDiagnoser]
public class PeriodRollupBenchmarks
{
    private LargeCouncilModel _council = null!;

    /// <summary>1 = 600 measures / 69,852 outturns; 10 = 6,000 measures / 698,520 outturns.</summary>
    [Params(1, 10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup() => _council = LargeCouncil.LargeCouncil.Generate(Scale);

    [Benchmark(Description = "Quarter rollup in memory (2025/26 Q4)")]
    public int EvaluateQuarter() => InMemoryPeriodRollup.Evaluate(_council, LargeCouncil.LargeCouncil.LatestQuarter).MeasureTotals.Measures;
}
