using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// The field names the framework commands report problems under (<see cref="FieldProblem.Field"/>): the properties of
/// <see cref="MeasureDraft"/> and <see cref="TargetDraft"/>, which the forms bind. A domain refusal names its value with a
/// <see cref="DomainFields"/> name; <see cref="ForMeasure"/> and <see cref="ForTarget"/> say which field that is.
/// </summary>
public static class FrameworkFields
{
    public const string Code = nameof(MeasureDraft.Code);
    public const string Title = nameof(MeasureDraft.Title);
    public const string Description = nameof(MeasureDraft.Description);
    public const string DataNotes = nameof(MeasureDraft.DataNotes);
    public const string Unit = nameof(MeasureDraft.UnitText);
    public const string DecimalPlaces = nameof(MeasureDraft.DecimalPlaces);
    public const string Polarity = nameof(MeasureDraft.Polarity);
    public const string Frequency = nameof(MeasureDraft.Frequency);
    public const string Aggregation = nameof(MeasureDraft.Aggregation);
    public const string ToleranceType = nameof(MeasureDraft.ToleranceType);
    public const string Tolerance = nameof(MeasureDraft.ToleranceValue);
    public const string SteadyThreshold = nameof(MeasureDraft.SteadyThreshold);
    public const string Directorate = nameof(MeasureDraft.DirectorateId);
    public const string Segment = nameof(MeasureDraft.SegmentId);
    public const string Committees = nameof(MeasureDraft.CommitteeIds);
    public const string Benchmarks = nameof(MeasureDraft.BenchmarksText);
    public const string DiscontinuedFrom = nameof(MeasureDraft.DiscontinuedFrom);

    public const string Year = nameof(TargetDraft.Year);
    public const string Period = nameof(TargetDraft.Period);
    public const string Target = nameof(TargetDraft.Value);
    public const string TargetLow = nameof(TargetDraft.Low);
    public const string TargetHigh = nameof(TargetDraft.High);

    /// <summary>The measure field a domain refusal is about (the code when it names none).</summary>
    public static string ForMeasure(DomainException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Field switch
        {
            DomainFields.Title => Title,
            DomainFields.Description => Description,
            DomainFields.DataNotes => DataNotes,
            DomainFields.Unit => Unit,
            DomainFields.DecimalPlaces => DecimalPlaces,
            DomainFields.Polarity => Polarity,
            DomainFields.Tolerance => Tolerance,
            DomainFields.ToleranceType => ToleranceType,
            DomainFields.SteadyThreshold => SteadyThreshold,
            DomainFields.Directorate => Directorate,
            DomainFields.Period => DiscontinuedFrom,
            _ => Code,
        };
    }

    /// <summary>The target field a domain refusal is about (the value, or the high end of a range, when it names none).</summary>
    public static string ForTarget(DomainException e, bool range)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Field switch
        {
            DomainFields.Year => Year,
            DomainFields.Period => Period,
            DomainFields.TargetLow => TargetLow,
            DomainFields.TargetHigh => TargetHigh,
            DomainFields.Target => Target,
            _ => range ? TargetHigh : Target,
        };
    }
}
