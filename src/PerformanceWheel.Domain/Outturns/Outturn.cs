using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>Why an outturn has no value.</summary>
public enum OutturnStatus
{
    /// <summary>To be confirmed: the figure is expected later.</summary>
    Tbc = 1,
    NotApplicable = 2,
    NotAvailable = 3,
}

/// <summary>Where an outturn is in the quarterly workflow.</summary>
public enum WorkflowState
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Returned = 4,
    Published = 5,
}

/// <summary>A measure's figure for one of its periods: a value or a non-value status, with commentary.</summary>
public sealed class Outturn : Entity
{
    private Outturn() { }

    internal Outturn(Measure measure, ReportingPeriod period)
    {
        Measure = measure;
        Period = period;
        State = WorkflowState.Draft;
    }

    public int MeasureId { get; private set; }

    public Measure Measure { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public decimal? Value { get; private set; }

    public OutturnStatus? Status { get; private set; }

    public bool IsProvisional { get; private set; }

    public string? Commentary { get; private set; }

    public WorkflowState State { get; private set; }

    /// <summary>Who last wrote the commentary (a user name): kept when the figure later moves through the workflow.</summary>
    public string? CommentaryBy { get; private set; }

    /// <summary>When the commentary was last written.</summary>
    public DateTimeOffset? CommentaryAt { get; private set; }

    /// <summary>
    /// Who first recorded the figure (a user name): kept when the figure later moves through the workflow or is changed
    /// (each change leaves an <see cref="OutturnRevision"/> naming who made it). Separation of duties reads it.
    /// Null for a figure entered before this was recorded.
    /// </summary>
    public string? EnteredBy { get; private set; }

    public string? UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    public bool HasValue => Value.HasValue;

    /// <summary>Records a value or a status (exactly one of them), the provisional flag and commentary.</summary>
    public void Record(decimal? value, OutturnStatus? status, bool provisional, string? commentary, string by, DateTimeOffset at)
    {
        if (State == WorkflowState.Published)
        {
            throw new DomainException($"{Measure?.Code} {Period.Label} is published; a change needs a correction with a reason.");
        }

        Apply(value, status, provisional, commentary, by, at);
    }

    /// <summary>Changes a published figure; the caller keeps the revision (old → new, who, when, why).</summary>
    public void Correct(decimal? value, OutturnStatus? status, bool provisional, string? commentary, string reason, string by, DateTimeOffset at)
    {
        if (State != WorkflowState.Published)
        {
            throw new DomainException($"{Measure?.Code} {Period.Label} is not published ({State}); change it in the entry grid instead.");
        }

        Guard.Required(reason, "Reason for the correction", Lengths.Text);
        Apply(value, status, provisional, commentary, by, at);
    }

    /// <summary>Moves the outturn to a new workflow state.</summary>
    public void MoveTo(WorkflowState state, string by, DateTimeOffset at)
    {
        var allowed = (State, state) switch
        {
            (WorkflowState.Draft or WorkflowState.Returned, WorkflowState.Submitted) => true,
            (WorkflowState.Submitted, WorkflowState.Approved or WorkflowState.Returned) => true,
            (WorkflowState.Approved, WorkflowState.Published) => true,
            (WorkflowState.Submitted or WorkflowState.Approved or WorkflowState.Returned, WorkflowState.Draft) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new DomainException($"{Measure?.Code} {Period.Label} is {State}; it cannot become {state}.");
        }

        State = state;
        Touch(by, at);
    }

    /// <summary>Loads an outturn straight into the Published state (historical import and the demo council).</summary>
    public void PublishHistorical(string by, DateTimeOffset at)
    {
        State = WorkflowState.Published;
        Touch(by, at);
    }

    private void Apply(decimal? value, OutturnStatus? status, bool provisional, string? commentary, string by, DateTimeOffset at)
    {
        if (value.HasValue == status.HasValue)
        {
            throw new DomainException(DomainFields.Value, value.HasValue ? OutturnStatusText.NotBoth : OutturnStatusText.OneNeeded);
        }

        if (value is { } v && (Measure?.ValidateValue(v) ?? StoredNumber.Problem(v)) is { } problem)
        {
            throw new DomainException(DomainFields.Value, problem);
        }

        if (status is { } s && !Enum.IsDefined(s))
        {
            throw new DomainException(DomainFields.Status, $"{(int)s} is not a status; use {OutturnStatusText.Choices}.");
        }

        Value = value;
        Status = status;
        EnteredBy ??= Guard.Required(by, "User", Lengths.User);
        IsProvisional = provisional;
        var text = Guard.Optional(commentary, "Commentary", Lengths.Text);
        if (text != Commentary)
        {
            // The commentary's author is whoever changed its words, not whoever last moved or re-saved the figure.
            CommentaryBy = text is null ? null : Guard.Required(by, "User", Lengths.User);
            CommentaryAt = text is null ? null : at;
        }

        Commentary = text;
        Touch(by, at);
    }

    private void Touch(string by, DateTimeOffset at)
    {
        UpdatedBy = Guard.Required(by, "User", Lengths.User);
        UpdatedAt = at;
        Version++;
    }
}
