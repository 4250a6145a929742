using BenchmarkDotNet.Attributes;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Benchmarks;

/// <summary>
/// (a) The RAG rule and both directions of travel for 1,000,000 outturns: pre-generated decimal inputs (every polarity,
/// percent/absolute/zero tolerances, 2% without a value, 1% discontinued), so only the rules are timed.
/// </summary>
[MemoryDiagnoser]
public class RatingBenchmarks
{
    public const int Outturns = 1_000_000;

    private static readonly RagScheme BothOptions = RagScheme.Create(10m, true, SegmentRatingMethod.Majority);

    private RatingInput[] _inputs = [];
    private decimal?[] _previous = [];
    private decimal[] _steady = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260707);
        _inputs = new RatingInput[Outturns];
        _previous = new decimal?[Outturns];
        _steady = new decimal[Outturns];
        for (var i = 0; i < Outturns; i++)
        {
            var polarity = (Polarity)(random.Next(3) + 1);
            var target = Math.Round((decimal)(random.NextDouble() * 200) + 1m, 1);
            var value = Math.Round(target * (decimal)(0.8 + (0.4 * random.NextDouble())), 2);
            var tolerance = (i % 4) switch
            {
                0 => Tolerance.Percent(5m),
                1 => Tolerance.Percent(10m),
                2 => Tolerance.Absolute(Math.Round(target * 0.04m, 1)),
                _ => Tolerance.None,
            };
            _inputs[i] = new RatingInput
            {
                Polarity = polarity,
                Value = random.Next(50) == 0 ? null : value,
                Target = polarity == Polarity.WithinRange ? Target.Range(target * 0.9m, target * 1.1m) : Target.Single(target),
                Tolerance = tolerance,
                IsDiscontinued = random.Next(100) == 0,
                ValueSamePeriodLastYear = Math.Round(value * (decimal)(0.9 + (0.2 * random.NextDouble())), 2),
            };
            _previous[i] = Math.Round(value * (decimal)(0.95 + (0.1 * random.NextDouble())), 2);
            _steady[i] = i % 3 == 0 ? 0m : Math.Round(target * 0.01m, 2);
        }
    }

    [Benchmark(Description = "RagCalculator.Rate ×1M (default scheme)")]
    public int RateDefaultScheme()
    {
        var green = 0;
        foreach (var input in _inputs)
        {
            if (RagCalculator.Rate(input).Status == RagStatus.Green)
            {
                green++;
            }
        }

        return green;
    }

    [Benchmark(Description = "RagCalculator.Rate ×1M (Blue ≥10% + Red only if worse)")]
    public int RateBothOptions()
    {
        var red = 0;
        foreach (var input in _inputs)
        {
            if (RagCalculator.Rate(input, BothOptions).Status == RagStatus.Red)
            {
                red++;
            }
        }

        return red;
    }

    [Benchmark(Description = "DirectionCalculator.Compare ×2 ×1M (previous, last year)")]
    public int BothDirections()
    {
        var improving = 0;
        for (var i = 0; i < _inputs.Length; i++)
        {
            var input = _inputs[i];
            if (DirectionCalculator.Compare(input.Polarity, input.Value, _previous[i], _steady[i], input.Target) == Direction.Improving)
            {
                improving++;
            }

            if (DirectionCalculator.Compare(input.Polarity, input.Value, input.ValueSamePeriodLastYear, _steady[i], input.Target) == Direction.Improving)
            {
                improving++;
            }
        }

        return improving;
    }
}
