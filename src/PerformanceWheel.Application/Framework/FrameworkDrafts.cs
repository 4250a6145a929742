using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Framework;

/// <summary>A problem with one field of a form: the form model's property name and a message a person can act on.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>What the measure form asks for; the unit is the text people type (%, £m, per 100,000); no decimal places: the default for the unit.</summary>
public sealed record MeasureDraft(
    string Code,
    string Title,
    string? Description,
    string? DataNotes,
    string? UnitText,
    int? DecimalPlaces,
    Polarity Polarity,
    Frequency Frequency,
    Aggregation Aggregation,
    ToleranceType ToleranceType,
    decimal ToleranceValue,
    decimal SteadyThreshold,
    int DirectorateId,
    int? SegmentId,
    IReadOnlyCollection<int> CommitteeIds,
    string? BenchmarksText,
    string? DiscontinuedFrom);

/// <summary>A target for a financial year ("2019/20"), or for one period of it ("2019/20 Q2", "Sep-19").</summary>
public sealed record TargetDraft(string? Year, string? Period, decimal? Value, decimal? Low, decimal? High);

/// <summary>A council plan: its name and the financial years it spans ("2022/23" to "2025/26"); a retired plan is kept for history.</summary>
public sealed record PlanDraft(string Name, string? FirstYear, string? LastYear, bool IsRetired);

/// <summary>A segment (objective or key priority) in a ring.</summary>
public sealed record SegmentDraft(int GroupId, string Code, string Title, string? Lead, int Order, IReadOnlyCollection<int> CommitteeIds, bool IsRetired);

/// <summary>A project under a segment, reported by a directorate.</summary>
public sealed record ProjectDraft(string Code, string Title, int SegmentId, bool IsRetired, int DirectorateId = 0);

/// <summary>The result of a change: the key of what was saved, or the problems that stopped it (and nothing was saved).</summary>
public sealed record ChangeResult(int? Id, IReadOnlyList<FieldProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ChangeResult Saved(int id) => new(id, []);

    public static ChangeResult Failed(IReadOnlyList<FieldProblem> problems) => new(null, problems);

    public static ChangeResult Failed(string field, string message) => new(null, [new FieldProblem(field, message)]);
}
