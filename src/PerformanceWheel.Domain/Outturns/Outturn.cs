using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

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

/// <summary>What is wrong with a figure's value or status, and the field it belongs to (<see cref="ValueField"/> or <see cref="StatusField"/>).</summary>
public sealed record FigureProblem(string Field, string Message)
{
    public const string ValueField = DomainFields.Value;

    public const string StatusField = DomainFields.Status;
}

/// <summary>What <see cref="Outturn.Enter"/> did: whether the figure changed, and the revision to keep when its value or status did.</summary>
public readonly record struct FigureChange(bool Changed, OutturnRevision? Revision)
{
    public static FigureChange None => default;
}

/// <summary>A measure's figure for one of its periods: a value or a non-value status, with commentary.</summary>
public sealed class Outturn : Entity, IRatedFigure
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

    /// <summary>
    /// Why <paramref name="value"/> and <paramref name="status"/> cannot be a figure of <paramref name="measure"/>, with
    /// the field it belongs to; null when they can. The one check of a figure's value and status: entry (grid, API,
    /// import), corrections and <see cref="Record"/> all use it.
    /// </summary>
    public static FigureProblem? Check(Measure? measure, decimal? value, OutturnStatus? status)
    {
        if (value is { } v && (measure?.ValidateValue(v) ?? StoredNumber.Problem(v)) is { } problem)
        {
            return new FigureProblem(FigureProblem.ValueField, problem);
        }

        if (status is { } s && !Enum.IsDefined(s))
        {
            return new FigureProblem(FigureProblem.StatusField, $"{(int)s} is not a status; use {OutturnStatusText.Choices}.");
        }

        return (value.HasValue, status.HasValue) switch
        {
            (true, true) => new FigureProblem(FigureProblem.StatusField, OutturnStatusText.NotBoth),
            (false, false) => new FigureProblem(FigureProblem.ValueField, OutturnStatusText.OneNeeded),
            _ => null,
        };
    }

    /// <summary>
    /// Enters or changes the figure before it is submitted: the one path of the grid, the API and a draft import.
    /// A submitted, approved or published figure is locked (a domain exception). When value, status, provisional flag
    /// and commentary are as stored nothing changes (not even who saved it last or its version), so saving a grid again
    /// does not make other people's open copies stale. A returned figure that changes becomes a draft again. A change of
    /// an entered figure's value or status returns the revision (old → new, <paramref name="kind"/>, who, when) to keep.
    /// </summary>
    public FigureChange Enter(decimal? value, OutturnStatus? status, bool provisional, string? commentary, RevisionKind kind, string? reason, string by, DateTimeOffset at)
    {
        if (WorkflowSteps.IsLocked(State))
        {
            throw new DomainException($"{Measure?.Code} {Period.Label} is {State.InSentence()}; it can no longer be changed in entry.");
        }

        var entered = Value.HasValue || Status.HasValue;
        var (oldValue, oldStatus) = (Value, Status);
        if (entered && oldValue == value && oldStatus == status && IsProvisional == provisional
            && Commentary == Guard.Optional(commentary, "Commentary", Lengths.Text))
        {
            return FigureChange.None;
        }

        Apply(value, status, provisional, commentary, by, at);
        State = WorkflowSteps.AfterEntry(State);
        return new FigureChange(true, entered && (oldValue != value || oldStatus != status)
            ? new OutturnRevision(this, oldValue, oldStatus, kind, reason, by, at)
            : null);
    }

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

    /// <summary>Moves the outturn to a new workflow state (the steps are <see cref="WorkflowSteps"/>).</summary>
    public void MoveTo(WorkflowState state, string by, DateTimeOffset at)
    {
        State = WorkflowSteps.Move(State, state, $"{Measure?.Code} {Period.Label}");
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
        if (Check(Measure, value, status) is { } problem)
        {
            throw new DomainException(problem.Field, problem.Message);
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
