using System.ComponentModel.DataAnnotations;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>What the measure form binds: posted as Input.* without script, bound to the MudBlazor fields when live.</summary>
internal sealed class MeasureForm
{
    [Required(ErrorMessage = "Enter the measure's code, e.g. PH-HV-01")]
    [StringLength(PerformanceWheel.Domain.Common.Lengths.Code, ErrorMessage = "The code must be at most 32 characters")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the measure's title")]
    [StringLength(PerformanceWheel.Domain.Common.Lengths.Title, ErrorMessage = "The title must be at most 300 characters")]
    public string Title { get; set; } = string.Empty;

    [StringLength(PerformanceWheel.Domain.Common.Lengths.Text, ErrorMessage = "The description must be at most 8000 characters")]
    public string? Description { get; set; }

    [StringLength(PerformanceWheel.Domain.Common.Lengths.Text, ErrorMessage = "The data notes must be at most 8000 characters")]
    public string? DataNotes { get; set; }

    public string? UnitText { get; set; } = "%";

    [Range(0, Measure.MaxDecimalPlaces, ErrorMessage = "Decimal places must be between 0 and 6")]
    public int DecimalPlaces { get; set; } = 1;

    public Polarity Polarity { get; set; } = Polarity.HigherIsBetter;

    public Frequency Frequency { get; set; } = Frequency.Quarterly;

    public Aggregation Aggregation { get; set; } = Aggregation.Snapshot;

    public ToleranceType ToleranceType { get; set; } = ToleranceType.Absolute;

    public decimal ToleranceValue { get; set; }

    public decimal SteadyThreshold { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Choose the directorate that owns the measure")]
    public int DirectorateId { get; set; }

    public int? SegmentId { get; set; }

    public List<int> CommitteeIds { get; set; } = [];

    public string? BenchmarksText { get; set; }

    public string? DiscontinuedFrom { get; set; }

    public static MeasureForm From(Measure m) => new()
    {
        Code = m.Code,
        Title = m.Title,
        Description = m.Description,
        DataNotes = m.DataNotes,
        UnitText = m.Unit.Label,
        DecimalPlaces = m.DecimalPlaces,
        Polarity = m.Polarity,
        Frequency = m.Frequency,
        Aggregation = m.Aggregation,
        ToleranceType = m.ToleranceType,
        ToleranceValue = m.ToleranceValue,
        SteadyThreshold = m.SteadyThreshold,
        DirectorateId = m.DirectorateId,
        SegmentId = m.SegmentId,
        CommitteeIds = m.Committees.Select(c => c.Id).ToList(),
        BenchmarksText = FrameworkAudit.BenchmarksText(m.Benchmarks.Select(b => (b.Label, b.Value, b.Period))),
        DiscontinuedFrom = m.DiscontinuedFrom?.Label,
    };

    public MeasureDraft ToDraft() => new(
        Code, Title, Description, DataNotes, UnitText, DecimalPlaces, Polarity, Frequency, Aggregation,
        ToleranceType, ToleranceValue, SteadyThreshold, DirectorateId, SegmentId, CommitteeIds, BenchmarksText, DiscontinuedFrom);
}
