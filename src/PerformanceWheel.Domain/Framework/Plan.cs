using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Framework;

/// <summary>A council plan (e.g. "County Plan 2016–20") spanning financial years, with its rings of segments.</summary>
public sealed class Plan : Entity
{
    private readonly List<SegmentGroup> _groups = [];

    private Plan() { }

    public Plan(string name, FinancialYear firstYear, FinancialYear lastYear)
    {
        Name = Guard.Required(name, "Plan name", Lengths.Name);
        ChangeYears(firstYear, lastYear);
    }

    public string Name { get; private set; } = string.Empty;

    public FinancialYear FirstYear { get; private set; }

    public FinancialYear LastYear { get; private set; }

    public IReadOnlyCollection<SegmentGroup> Groups => _groups.AsReadOnly();

    /// <summary>A retired plan (a past council term) is kept with its rings and segments for history; no ring is added to it.</summary>
    public bool IsRetired { get; private set; }

    public bool Covers(FinancialYear year) => year >= FirstYear && year <= LastYear;

    public void Rename(string name) => Name = Guard.Required(name, "Plan name", Lengths.Name);

    public void ChangeYears(FinancialYear firstYear, FinancialYear lastYear)
    {
        if (lastYear < firstYear)
        {
            throw new DomainException($"The plan's last year ({lastYear}) is before its first ({firstYear}).");
        }

        FirstYear = firstYear;
        LastYear = lastYear;
    }

    public void Retire() => IsRetired = true;

    public void Reinstate() => IsRetired = false;

    public SegmentGroup AddGroup(string name, int order)
    {
        if (IsRetired)
        {
            throw new DomainException($"The plan {Name} is retired; add the ring to the current plan.");
        }

        if (_groups.Any(g => g.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"The plan already has a group named '{name}'.");
        }

        var group = new SegmentGroup(this, name, order);
        _groups.Add(group);
        return group;
    }
}

/// <summary>A ring of the wheel (e.g. "The People's Priorities") or an outcome, containing segments.</summary>
public sealed class SegmentGroup : Entity
{
    private readonly List<Segment> _segments = [];

    private SegmentGroup() { }

    internal SegmentGroup(Plan plan, string name, int order)
    {
        Plan = plan;
        Name = Guard.Required(name, "Group name", Lengths.Name);
        Order = order;
    }

    public int PlanId { get; private set; }

    public Plan Plan { get; private set; } = null!;

    public string Name { get; private set; } = string.Empty;

    public int Order { get; private set; }

    public IReadOnlyCollection<Segment> Segments => _segments.AsReadOnly();

    public void Rename(string name, int order)
    {
        Name = Guard.Required(name, "Group name", Lengths.Name);
        Order = order;
    }

    public Segment AddSegment(string code, string title, string? lead, int order)
    {
        var segment = new Segment(this, code, title, lead, order);
        _segments.Add(segment);
        return segment;
    }
}

/// <summary>A segment of the wheel: an objective or key priority with a code such as P1.</summary>
public sealed class Segment : Entity
{
    private readonly List<Committee> _committees = [];

    private Segment() { }

    internal Segment(SegmentGroup group, string code, string title, string? lead, int order)
    {
        Group = group;
        Code = Guard.Required(code, "Segment code", Lengths.Code);
        Edit(title, lead, order);
    }

    public int GroupId { get; private set; }

    public SegmentGroup Group { get; private set; } = null!;

    public string Code { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>The lead role (never required to be a person's name).</summary>
    public string? Lead { get; private set; }

    public int Order { get; private set; }

    public bool IsRetired { get; private set; }

    public IReadOnlyCollection<Committee> Committees => _committees.AsReadOnly();

    public void Edit(string title, string? lead, int order)
    {
        Title = Guard.Required(title, "Segment title", Lengths.Title);
        Lead = Guard.Optional(lead, "Segment lead", Lengths.Name);
        Order = order;
    }

    public void Retire() => IsRetired = true;

    public void Reinstate() => IsRetired = false;

    public void TagCommittee(Committee committee)
    {
        if (!_committees.Contains(committee))
        {
            _committees.Add(committee);
        }
    }

    public void UntagCommittee(Committee committee) => _committees.Remove(committee);
}

/// <summary>A directorate that owns measures.</summary>
public sealed class Directorate : Entity
{
    private Directorate() { }

    public Directorate(string name) => Rename(name);

    public string Name { get; private set; } = string.Empty;

    public bool IsRetired { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, "Directorate name", Lengths.Name);

    public void Retire() => IsRetired = true;

    public void Reinstate() => IsRetired = false;
}

/// <summary>A committee that takes an interest in segments and measures (e.g. P, A&amp;H, C&amp;F).</summary>
public sealed class Committee : Entity
{
    private Committee() { }

    public Committee(string code, string name)
    {
        Code = Guard.Required(code, "Committee code", Lengths.Code);
        Rename(name);
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public bool IsRetired { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, "Committee name", Lengths.Name);

    public void Retire() => IsRetired = true;
}
