using BenchmarkDotNet.Attributes;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks;

/// <summary>
/// (d) The same quarter through PerformanceReader against a SQLite file holding the large council (scale 1), loaded once
/// and cached (LargeCouncilDatabase.CachedSqliteAsync). Published figures only, as anonymous readers see them.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private PerformanceReader _reader = null!;
    private string _directorate = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var options = LargeCouncilDatabase.CachedSqliteAsync(1, new Progress<string>(Console.WriteLine)).GetAwaiter().GetResult();
        var factory = LargeCouncilDatabase.Factory(options);
        _reader = new PerformanceReader(factory, new DatabaseFiguresVersion(factory), EvaluatedQuarters.Uncached());
        _directorate = "Adult Social Care";
    }

    [Benchmark(Description = "PerformanceReader.EvaluateAsync (SQLite, 2025/26 Q4)")]
    public async Task<int> EvaluateQuarter() =>
        (await _reader.EvaluateAsync(LargeCouncil.LargeCouncil.LatestQuarter, FigureScope.Published)).Measures.Count;

    [Benchmark(Description = "PerformanceReader.ScorecardAsync (SQLite, one directorate)")]
    public async Task<int> Scorecard() =>
        (await _reader.ScorecardAsync(_directorate, LargeCouncil.LargeCouncil.LatestQuarter, FigureScope.Published))!.Lines.Count;
}
