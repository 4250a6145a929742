using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
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

    public IReadOnlyCollection<ProjectUpdate> Updates => _updates.AsReadOnly();

    public void Edit(string title, Segment segment)
    {
        Title = Guard.Required(title, "Project title", Lengths.Title);
        Segment = segment ?? throw new DomainException("A project belongs to a segment.");
    }

    public void Retire() => IsRetired = true;

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

    public int ProjectId { get; private set; }

    public ReportingPeriod Period { get; private set; }

    public RagStatus Brag { get; private set; }

    public ProjectDirection Direction { get; private set; }

    public string? WorkingWell { get; private set; }

    public string? Concerns { get; private set; }

    public string? NextFocus { get; private set; }

    internal void Change(RagStatus brag, ProjectDirection direction, string? workingWell, string? concerns, string? nextFocus)
    {
        Brag = brag;
        Direction = direction;
        WorkingWell = Guard.Optional(workingWell, "What is working well", Lengths.Text);
        Concerns = Guard.Optional(concerns, "Areas of concern", Lengths.Text);
        NextFocus = Guard.Optional(nextFocus, "Focus for next period", Lengths.Text);
    }
}
