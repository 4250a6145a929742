using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Projects;

/// <summary>Progress of a project in a period, as in council keys: achieved a milestone, progressing, or missed / at risk.</summary>
public enum ProjectDirection
{
    MilestoneAchieved = 1,
    Progressing = 2,
    MissedOrAtRisk = 3,
}

/// <summary>A project or programme under a segment, with a status update per period.</summary>
public sealed class Project : Entity
{
    private readonly List<ProjectUpdate> _updates = [];

    private Project() { }

    public Project(string code, string title, Segment segment)
    {
        Code = Guard.Required(code, "Project code", Lengths.Code);
        Edit(title, segment);
    }

    public string Code { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public int SegmentId { get; private set; }

    public Segment Segment { get; private set; } = null!;

    public bool IsRetired { get; private set; }

    /// <summary>The directorate that reports the project: its officers enter the updates and its Director approves them.</summary>
    public int? DirectorateId { get; private set; }

    public Directorate? Directorate { get; private set; }

    public IReadOnlyCollection<ProjectUpdate> Updates => _updates.AsReadOnly();

    public void Edit(string title, Segment segment)
    {
        Title = Guard.Required(title, "Project title", Lengths.Title);
        Segment = segment ?? throw new DomainException("A project belongs to a segment.");
    }

    public void Retire() => IsRetired = true;

    /// <summary>Gives the project to the directorate that reports it.</summary>
    public void AssignTo(Directorate directorate) =>
        Directorate = directorate ?? throw new DomainException("A project is reported by a directorate.");

    /// <summary>The update for a period, started as a draft when there is none yet.</summary>
    public ProjectUpdate UpdateFor(ReportingPeriod period)
    {
        if (period.Kind != PeriodKind.Quarter)
        {
            throw new DomainException($"Project updates are made for a quarter; {period.Label} is not one.");
        }

        var update = _updates.FirstOrDefault(u => u.Period == period);
        if (update is null)
        {
            update = new ProjectUpdate(period);
            _updates.Add(update);
        }

        return update;
    }

    public ProjectUpdate Report(ReportingPeriod period, RagStatus brag, ProjectDirection direction, string? workingWell, string? concerns, string? nextFocus)
    {
        var update = _updates.FirstOrDefault(u => u.Period == period);
        if (update is null)
        {
            update = new ProjectUpdate(period);
            _updates.Add(update);
        }

        update.Change(brag, direction, workingWell, concerns, nextFocus);
        return update;
    }

    /// <summary>The latest update at or before a period.</summary>
    public ProjectUpdate? LatestAt(ReportingPeriod period) =>
        _updates.Where(u => u.Period.End <= period.End).OrderBy(u => u.Period).LastOrDefault();
}

/// <summary>A project's BRAG status (Blue = complete/closed), direction and narrative for one period.</summary>
public sealed class ProjectUpdate : Entity
{
    private ProjectUpdate() { }

    internal ProjectUpdate(ReportingPeriod period) => Period = period;

    private readonly List<ProjectMilestone> _milestones = [];

    public int ProjectId { get; private set; }

    public ReportingPeriod Period { get; private set; }

    /// <summary>Where the update is in the quarterly workflow, as for figures: draft, submitted, approved or returned, published.</summary>
    public WorkflowState State { get; private set; } = WorkflowState.Draft;

    public string? UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    /// <summary>The programme's milestones as reported in this quarter, in the order given.</summary>
    public IReadOnlyCollection<ProjectMilestone> Milestones => _milestones.OrderBy(m => m.Order).ToList().AsReadOnly();

    public RagStatus Brag { get; private set; }

    public ProjectDirection Direction { get; private set; }

    public string? WorkingWell { get; private set; }

    public string? Concerns { get; private set; }

    public string? NextFocus { get; private set; }

    /// <summary>
    /// Records the update as entered by an officer: a draft or a returned update changes (a returned one becomes a
    /// draft again); a submitted, approved or published one is locked. The milestones replace those reported before.
    /// </summary>
    public void Record(
        RagStatus brag, ProjectDirection direction, string? workingWell, string? concerns, string? nextFocus,
        IReadOnlyList<(string Title, DateOnly? Due, MilestoneStatus Status)> milestones, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        if (WorkflowSteps.IsLocked(State))
        {
            throw new DomainException($"The update for {Period.Label} is {State.InSentence()} and can no longer be changed.");
        }

        if (!Enum.IsDefined(brag))
        {
            throw new DomainException("BRAG status must be Blue (complete), Green, Amber or Red.");
        }

        if (!Enum.IsDefined(direction))
        {
            throw new DomainException("Direction must be milestone achieved, progressing, or missed / at risk.");
        }

        var kept = milestones.Select((m, i) => new ProjectMilestone(i + 1, m.Title, m.Due, m.Status)).ToList();
        Change(brag, direction, workingWell, concerns, nextFocus);
        _milestones.Clear();
        _milestones.AddRange(kept);
        State = WorkflowSteps.AfterEntry(State);
        Touch(by, at);
    }

    /// <summary>Moves the update through the workflow: the same steps as a figure's (<see cref="WorkflowSteps"/>).</summary>
    public void MoveTo(WorkflowState state, string by, DateTimeOffset at)
    {
        State = WorkflowSteps.Move(State, state, $"The update for {Period.Label}");
        Touch(by, at);
    }

    /// <summary>Loads an update straight into the Published state (the demo council's history).</summary>
    public void PublishHistorical(string by, DateTimeOffset at)
    {
        State = WorkflowState.Published;
        Touch(by, at);
    }

    private void Touch(string by, DateTimeOffset at)
    {
        UpdatedBy = Guard.Required(by, "User", Lengths.User);
        UpdatedAt = at;
        Version++;
    }

    internal void Change(RagStatus brag, ProjectDirection direction, string? workingWell, string? concerns, string? nextFocus)
    {
        Brag = brag;
        Direction = direction;
        WorkingWell = Guard.Optional(workingWell, "What is working well", Lengths.Text);
        Concerns = Guard.Optional(concerns, "Areas of concern", Lengths.Text);
        NextFocus = Guard.Optional(nextFocus, "Focus for next period", Lengths.Text);
    }
}

/// <summary>Where a programme's milestone stands in a quarter.</summary>
public enum MilestoneStatus
{
    NotStarted = 1,
    OnTrack = 2,
    Achieved = 3,
    Missed = 4,
}

/// <summary>A milestone of a programme as reported in one quarter's update: what, when it is due, and where it stands.</summary>
public sealed class ProjectMilestone : Entity
{
    private ProjectMilestone() { }

    internal ProjectMilestone(int order, string title, DateOnly? due, MilestoneStatus status)
    {
        Order = order;
        Title = Guard.Required(title, "Milestone title", Lengths.Title);
        Due = due;
        Status = Enum.IsDefined(status) ? status : throw new DomainException("Milestone status must be not started, on track, achieved or missed.");
    }

    public int ProjectUpdateId { get; private set; }

    public int Order { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateOnly? Due { get; private set; }

    public MilestoneStatus Status { get; private set; }
}
