using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Framework;

/// <summary>A key performance indicator.</summary>
public sealed class Measure : Entity
{
    public const int MaxDecimalPlaces = 6;

    private readonly List<Committee> _committees = [];
    private readonly List<Benchmark> _benchmarks = [];
    private readonly List<MeasureTarget> _targets = [];

    private Measure() { }

    public Measure(string code, string title, Directorate directorate, Polarity polarity, Frequency frequency, MeasureUnit unit)
    {
        Code = Guard.Required(code, "Measure code", Lengths.Code);
        Directorate = directorate ?? throw new DomainException(DomainFields.Directorate, "A measure needs an owning directorate.");
        Describe(title, null, null);
        Polarity = polarity;
        Frequency = frequency;
        Unit = unit;
        DecimalPlaces = unit.Kind == UnitKind.Percent ? 1 : 0;
    }

    public string Code { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public string? DataNotes { get; private set; }

    public MeasureUnit Unit { get; private set; }

    public int DecimalPlaces { get; private set; }

    public Polarity Polarity { get; private set; }

    public Frequency Frequency { get; private set; }

    /// <summary>How a monthly measure is reported for a quarter.</summary>
    public Aggregation Aggregation { get; private set; } = Aggregation.Snapshot;

    public ToleranceType ToleranceType { get; private set; } = ToleranceType.Absolute;

    /// <summary>The tolerance amount: a percent of the target, or an absolute amount in the measure's unit.</summary>
    public decimal ToleranceValue { get; private set; }

    public Tolerance Tolerance => Tolerance.Create(ToleranceType, ToleranceValue);

    /// <summary>Absolute change at or below which the direction of travel is Steady.</summary>
    public decimal SteadyThreshold { get; private set; }

    public int DirectorateId { get; private set; }

    public Directorate Directorate { get; private set; } = null!;

    public int? SegmentId { get; private set; }

    public Segment? Segment { get; private set; }

    /// <summary>The first period in which the measure is no longer reported; null = active.</summary>
    public ReportingPeriod? DiscontinuedFrom { get; private set; }

    public IReadOnlyCollection<Committee> Committees => _committees.AsReadOnly();

    public IReadOnlyCollection<Benchmark> Benchmarks => _benchmarks.AsReadOnly();

    public IReadOnlyCollection<MeasureTarget> Targets => _targets.AsReadOnly();

    public PeriodKind PeriodKind => Frequency.PeriodKind();

    public void Describe(string title, string? description, string? dataNotes)
    {
        Title = Guard.Required(title, "Measure title", Lengths.Title);
        Description = Guard.Optional(description, "Description", Lengths.Text);
        DataNotes = Guard.Optional(dataNotes, "Data notes", Lengths.Text);
    }

    public void Classify(Polarity polarity, Frequency frequency, Aggregation aggregation, MeasureUnit unit, int decimalPlaces)
    {
        if (decimalPlaces is < 0 or > MaxDecimalPlaces)
        {
            throw new DomainException(DomainFields.DecimalPlaces, $"Decimal places must be between 0 and {MaxDecimalPlaces}.");
        }

        if (polarity != Polarity && _targets.Count > 0 && (polarity == Polarity.WithinRange || Polarity == Polarity.WithinRange))
        {
            throw new DomainException(DomainFields.Polarity, "Polarity cannot change between Within range and a single target while targets exist; remove the targets first.");
        }

        Polarity = polarity;
        Frequency = frequency;
        Aggregation = aggregation;
        Unit = unit;
        DecimalPlaces = decimalPlaces;
    }

    public void SetTolerance(Tolerance tolerance, decimal steadyThreshold)
    {
        if (steadyThreshold < 0)
        {
            throw new DomainException(DomainFields.SteadyThreshold, "Steady threshold must be zero or more.");
        }

        ToleranceType = tolerance.Type;
        ToleranceValue = tolerance.Value;
        SteadyThreshold = steadyThreshold;
    }

    public void AssignTo(Directorate directorate, Segment? segment)
    {
        Directorate = directorate ?? throw new DomainException(DomainFields.Directorate, "A measure needs an owning directorate.");
        Segment = segment;
        SegmentId = segment?.Id;
    }

    public void Discontinue(ReportingPeriod? from) => DiscontinuedFrom = from;

    public bool IsDiscontinuedIn(ReportingPeriod period) => DiscontinuedFrom is { } from && period.End >= from.Start;

    public void TagCommittee(Committee committee)
    {
        if (!_committees.Contains(committee))
        {
            _committees.Add(committee);
        }
    }

    public void UntagCommittee(Committee committee) => _committees.Remove(committee);

    public Benchmark AddBenchmark(string label, decimal value, string? period)
    {
        var benchmark = new Benchmark(label, value, period);
        _benchmarks.Add(benchmark);
        return benchmark;
    }

    public void ClearBenchmarks() => _benchmarks.Clear();

    /// <summary>Sets the target for a financial year, or for one period within it when <paramref name="period"/> is given.</summary>
    public MeasureTarget SetTarget(FinancialYear year, ReportingPeriod? period, decimal? value, decimal? low, decimal? high)
    {
        var target = Rating.Target.For(Polarity, value, low, high);
        if (period is { } p && p.Year != year)
        {
            throw new DomainException(DomainFields.Period, $"Period {p.Label} is not in financial year {year.Label}.");
        }

        var existing = _targets.FirstOrDefault(t => t.Year == year && t.Period == period);
        if (existing is null)
        {
            existing = new MeasureTarget(year, period, target);
            _targets.Add(existing);
        }
        else
        {
            existing.Change(target);
        }

        return existing;
    }

    public void RemoveTarget(MeasureTarget target) => _targets.Remove(target);

    /// <summary>The target in force for a period: a target set for that very period, else the financial year's.</summary>
    public Target? TargetFor(ReportingPeriod period) =>
        (_targets.FirstOrDefault(t => t.Period == period) ?? _targets.FirstOrDefault(t => t.Period is null && t.Year == period.Year))?.Target;

    /// <summary>Checks a value against what the database stores and the unit (e.g. a percentage from 0 to 100) and returns the problem, if any.</summary>
    public string? ValidateValue(decimal value) => StoredNumber.Problem(value) ?? Unit.Validate(value);

    /// <summary>A number of this measure, with as many decimals as its targets and benchmarks need (see <see cref="FigureFormat"/>).</summary>
    public string Format(decimal value) => FigureFormat.For(this, []).Value(value);

    public Outturn NewOutturn(ReportingPeriod period)
    {
        if (period.Kind != PeriodKind)
        {
            throw new DomainException(DomainFields.Period, $"{Code} is reported {Frequency.ToString().ToLowerInvariant()}; {period.Label} is not one of its periods.");
        }

        return new Outturn(this, period);
    }
}

/// <summary>A comparator for a measure, e.g. "National average 89.7%" for 2018/19.</summary>
public sealed class Benchmark : Entity
{
    private Benchmark() { }

    internal Benchmark(string label, decimal value, string? period)
    {
        Label = Guard.Required(label, "Benchmark label", Lengths.Name);
        Value = value;
        Period = Guard.Optional(period, "Benchmark period", Lengths.Label);
    }

    public int MeasureId { get; private set; }

    public string Label { get; private set; } = string.Empty;

    public decimal Value { get; private set; }

    public string? Period { get; private set; }
}

/// <summary>A measure's target for a financial year, optionally overridden for one period.</summary>
public sealed class MeasureTarget : Entity
{
    private MeasureTarget() { }

    internal MeasureTarget(FinancialYear year, ReportingPeriod? period, Target target)
    {
        Year = year;
        Period = period;
        Change(target);
    }

    public int MeasureId { get; private set; }

    public FinancialYear Year { get; private set; }

    /// <summary>Null: the whole year's target. Set: this period only.</summary>
    public ReportingPeriod? Period { get; private set; }

    public decimal? Value { get; private set; }

    public decimal? Low { get; private set; }

    public decimal? High { get; private set; }

    public Target Target => Low.HasValue && High.HasValue ? Target.Range(Low.Value, High.Value) : Target.Single(Value ?? 0m);

    internal void Change(Target target)
    {
        Value = target.Value;
        Low = target.Low;
        High = target.High;
    }
}
