using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Finance;

/// <summary>
/// One budget line as a person, a program or a workbook row gives it. <paramref name="Key"/> is the service area of the
/// stored line this row changes (null: a new line); the figures are text read by the one en-GB reader (FigureText), in
/// £m; <paramref name="Remove"/> removes the stored line named by <paramref name="Key"/>.
/// </summary>
public sealed record BudgetLineInput(string? Key, string? ServiceArea, string? ApprovedBudget, string? ForecastOutturn, bool Remove = false)
{
    /// <summary>A row with no key and nothing typed in it (a spare row of the form): ignored.</summary>
    public bool IsBlank => Key is null && string.IsNullOrWhiteSpace(ServiceArea) && string.IsNullOrWhiteSpace(ApprovedBudget) && string.IsNullOrWhiteSpace(ForecastOutturn);
}

/// <summary>
/// The council's budget position statement for the quarter: the projected variance in £m (positive an overspend), a
/// rating (Green, Amber, Red or blank) and commentary. <paramref name="Remove"/> removes the stored statement.
/// </summary>
public sealed record BudgetPositionInput(string? Variance, string? Rag, string? Commentary, bool Remove = false)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Variance) && string.IsNullOrWhiteSpace(Rag) && string.IsNullOrWhiteSpace(Commentary);
}

/// <summary>
/// A change to a quarter's finance: the lines to add, change or remove (lines not named are left as they are), the
/// position statement (null: left as it is) and, once the quarter is published, the reason for the change.
/// <paramref name="SeenChange"/> is the newest change the person had seen (<see cref="FinanceEntry.LatestChange"/>; null:
/// not checked): when the quarter's finance changed after it, nothing is saved.
/// </summary>
public sealed record FinanceInput(ReportingPeriod Quarter, IReadOnlyList<BudgetLineInput> Lines, BudgetPositionInput? Position, string? Reason, int? SeenChange = null);

/// <summary>
/// A problem with one field: the line (its index in <see cref="FinanceInput.Lines"/>; null for the position statement,
/// the quarter or the reason), the field (ServiceArea, ApprovedBudget, ForecastOutturn, Variance, Rag, Commentary,
/// Reason, Quarter) and a message that names the field.
/// </summary>
public sealed record FinanceProblem(int? Line, string Field, string Message)
{
    /// <summary>The message with the line it belongs to, for a list at the top of a page ("Line 2 (Adults Services): …").</summary>
    public string Describe(FinanceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Line is not { } i)
        {
            return Field is "Variance" or "Rag" or "Commentary" ? $"Budget position: {Message}" : Message;
        }

        var line = input.Lines[i];
        var name = line.ServiceArea?.Trim() is { Length: > 0 } n ? n : line.Key;
        return name is null ? $"Line {i + 1}: {Message}" : $"Line {i + 1} ({name}): {Message}";
    }
}

/// <summary>One change made (or that would be made): what, to which line or statement, and the audit text.</summary>
public sealed record FinanceChange(int? Line, string Action, string EntityType, string Key, string Detail);

/// <summary>The outcome of a change: the problems that stopped it (then nothing changed), or what changed.</summary>
public sealed record FinanceResult(IReadOnlyList<FinanceProblem> Problems, IReadOnlyList<FinanceChange> Changes, int Unchanged)
{
    public bool Succeeded => Problems.Count == 0;

    public int Count(string action, string entityType) => Changes.Count(c => c.Action == action && c.EntityType == entityType);
}

/// <summary>
/// A quarter's finance as the people entering it see it: the stored lines and statement (drafts included), whether the
/// quarter is published (then changes need a reason), the newest earlier quarter with lines (to start from its service
/// areas and budgets) and the quarter's change history.
/// </summary>
public sealed record FinanceSheet(
    ReportingPeriod Quarter,
    IReadOnlyList<BudgetLine> Lines,
    BudgetPosition? Position,
    bool IsPublished,
    ReportingPeriod? PreviousQuarter,
    IReadOnlyList<BudgetLine> PreviousLines,
    IReadOnlyList<AuditEntry> History);
