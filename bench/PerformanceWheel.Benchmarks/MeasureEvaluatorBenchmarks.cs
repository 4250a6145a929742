using BenchmarkDotNet.Attributes;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Benchmarks;

/// <summary>The kinds of series a measure can have.</summary>
public enum SeriesShape
{
    MonthlySnapshot = 1,
    MonthlySum = 2,
    MonthlyAverage = 3,
    MonthlyYearToDate = 4,
    Quarterly = 5,
    Annual = 6,
}

/// <summary>(b) MeasureEvaluator over one measure's ten-year series: the measure evaluated for each of its 40 quarters.</summary>
[MemoryDiagnoser]
public class MeasureEvaluatorBenchmarks
{
    private Measure _measure = null!;
    private IReadOnlyDictionary<ReportingPeriod, Outturn> _series = null!;
    private List<ReportingPeriod> _quarters = [];

    [Params(SeriesShape.MonthlySnapshot, SeriesShape.MonthlySum, SeriesShape.MonthlyAverage, SeriesShape.MonthlyYearToDate, SeriesShape.Quarterly, SeriesShape.Annual)]
    public SeriesShape Shape { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var council = LargeCouncil.LargeCouncil.Generate(1);
        _measure = council.Measures.First(m => m.DiscontinuedFrom is null && Matches(m));
        _series = council.OutturnsOf(_measure);
        _quarters = Enumerable.Range(0, LargeCouncil.LargeCouncil.Years)
            .SelectMany(y => ReportingPeriod.ForYear(new FinancialYear(LargeCouncil.LargeCouncil.FirstYear.StartYear + y)).Quarters())
            .ToList();
    }

    private bool Matches(Measure m) => Shape switch
    {
        SeriesShape.MonthlySnapshot => m is { Frequency: Frequency.Monthly, Aggregation: Aggregation.Snapshot },
        SeriesShape.MonthlySum => m is { Frequency: Frequency.Monthly, Aggregation: Aggregation.Sum },
        SeriesShape.MonthlyAverage => m is { Frequency: Frequency.Monthly, Aggregation: Aggregation.Average },
        SeriesShape.MonthlyYearToDate => m is { Frequency: Frequency.Monthly, Aggregation: Aggregation.YearToDate },
        SeriesShape.Quarterly => m.Frequency == Frequency.Quarterly,
        _ => m.Frequency == Frequency.Annual,
    };

    [Benchmark(Description = "MeasureEvaluator.Evaluate ×40 quarters")]
    public int EvaluateSeries()
    {
        var rated = 0;
        foreach (var quarter in _quarters)
        {
            if (MeasureEvaluator.Evaluate(_measure, _series, quarter).Rating.IsRated)
            {
                rated++;
            }
        }

        return rated;
    }
}
