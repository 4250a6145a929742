using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Support;

/// <summary>Builds a measure with only the details a test cares about.</summary>
internal sealed class MeasureBuilder
{
    private readonly List<Action<Measure>> _steps = [];
    private Polarity _polarity = Polarity.HigherIsBetter;
    private Frequency _frequency = Frequency.Quarterly;
    private Aggregation _aggregation = Aggregation.Snapshot;
    private MeasureUnit _unit = MeasureUnit.Percent;

    public static MeasureBuilder Quarterly() => new() { _frequency = Frequency.Quarterly };

    public static MeasureBuilder Monthly(Aggregation aggregation) => new() { _frequency = Frequency.Monthly, _aggregation = aggregation };

    public static MeasureBuilder Annual() => new() { _frequency = Frequency.Annual };

    public MeasureBuilder WithPolarity(Polarity polarity)
    {
        _polarity = polarity;
        return this;
    }

    public MeasureBuilder InUnit(MeasureUnit unit)
    {
        _unit = unit;
        return this;
    }

    /// <summary>A target for the whole financial year.</summary>
    public MeasureBuilder WithTarget(string year, string value)
    {
        _steps.Add(m => m.SetTarget(Fy(year), null, D(value), null, null));
        return this;
    }

    /// <summary>A target band for the whole financial year (a Within range measure).</summary>
    public MeasureBuilder WithRangeTarget(string year, string low, string high)
    {
        _steps.Add(m => m.SetTarget(Fy(year), null, null, D(low), D(high)));
        return this;
    }

    /// <summary>A target for one period only, overriding the year's.</summary>
    public MeasureBuilder WithTargetFor(string period, string value)
    {
        _steps.Add(m => m.SetTarget(P(period).Year, P(period), D(value), null, null));
        return this;
    }

    public MeasureBuilder WithTolerance(string tolerance, string steadyThreshold = "0")
    {
        _steps.Add(m => m.SetTolerance(Tol(tolerance), D(steadyThreshold)));
        return this;
    }

    public MeasureBuilder DiscontinuedFrom(string period)
    {
        _steps.Add(m => m.Discontinue(P(period)));
        return this;
    }

    public Measure Build()
    {
        var measure = new Measure("X1", "Test measure", new Directorate("Adults Services"), _polarity, _frequency, _unit);
        measure.Classify(_polarity, _frequency, _aggregation, _unit, measure.DecimalPlaces);
        foreach (var step in _steps)
        {
            step(measure);
        }

        return measure;
    }
}
