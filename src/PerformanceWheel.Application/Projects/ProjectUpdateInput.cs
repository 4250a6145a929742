namespace PerformanceWheel.Application.Projects;

/// <summary>
/// A project update for a quarter as typed in the form, sent to the API or read from a workbook row. Null means
/// "unchanged" (the API's omitted fields); an empty text clears a narrative field. BRAG and direction are needed for a
/// new update. Milestones, when given, replace the quarter's list.
/// </summary>
public sealed record ProjectUpdateInput(
    string ProjectCode,
    string Quarter,
    string? Brag,
    string? Direction,
    string? WorkingWell,
    string? Concerns,
    string? NextFocus,
    IReadOnlyList<MilestoneInput>? Milestones,
    int? Version = null);

/// <summary>A milestone as typed: its title, due date (yyyy-MM-dd or dd/MM/yyyy) and status.</summary>
public sealed record MilestoneInput(string? Title, string? Due, string? Status);

/// <summary>Why a project update was not saved, for callers that answer with a status code (the API).</summary>
public enum ProjectUpdateProblem
{
    None = 0,
    Invalid = 1,
    NotFound = 2,
    Forbidden = 3,
    Conflict = 4,
    Locked = 5,
}

/// <summary>The outcome of a change to project updates: saved (how many), or the problems naming their field.</summary>
public sealed record ProjectUpdateResult(int Count, IReadOnlyList<Framework.FieldProblem> Problems, ProjectUpdateProblem Kind)
{
    public bool Succeeded => Kind == ProjectUpdateProblem.None;

    public static ProjectUpdateResult Done(int count) => new(count, [], ProjectUpdateProblem.None);

    public static ProjectUpdateResult Failed(ProjectUpdateProblem kind, string field, string message) => new(0, [new(field, message)], kind);

    public static ProjectUpdateResult Failed(IReadOnlyList<Framework.FieldProblem> problems) => new(0, problems, ProjectUpdateProblem.Invalid);
}
