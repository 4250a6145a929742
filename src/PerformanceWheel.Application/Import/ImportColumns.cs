using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Common;
using F = PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// Which column of a sheet a problem belongs to, by the field it names (never by its text): the framework commands'
/// fields (<see cref="FrameworkFields"/>, the drafts' property names) on the Plans, Rings, Measures, Targets and Projects
/// sheets, the domain's (<see cref="DomainFields"/>) on the Outturns sheet, the finance and project update commands' on
/// theirs. A field with no column of its own falls back to the column that names the row (Code, Name, Value or Period).
/// </summary>
internal static class ImportColumns
{
    private static readonly Dictionary<string, string> MeasureColumns = new(StringComparer.Ordinal)
    {
        [FrameworkFields.Code] = F.Code,
        [FrameworkFields.Title] = F.Title,
        [FrameworkFields.Description] = F.Description,
        [FrameworkFields.Unit] = F.Unit,
        [FrameworkFields.Polarity] = F.Polarity,
        [FrameworkFields.Frequency] = F.Frequency,
        [FrameworkFields.Aggregation] = F.Aggregation,
        [FrameworkFields.ToleranceType] = F.ToleranceType,
        [FrameworkFields.Tolerance] = F.Tolerance,
        [FrameworkFields.SteadyThreshold] = F.SteadyThreshold,
        [FrameworkFields.Directorate] = F.Directorate,
        [FrameworkFields.Segment] = F.Segment,
        [FrameworkFields.Committees] = F.Committees,
        [FrameworkFields.DiscontinuedFrom] = F.DiscontinuedFrom,
        [FrameworkFields.DecimalPlaces] = F.DecimalPlaces,
    };

    private static readonly Dictionary<string, string> TargetColumns = new(StringComparer.Ordinal)
    {
        [FrameworkFields.Year] = F.Year,
        [FrameworkFields.Period] = F.Period,
        [FrameworkFields.Target] = F.Target,
        [FrameworkFields.TargetLow] = F.TargetLow,
        [FrameworkFields.TargetHigh] = F.TargetHigh,
    };

    private static readonly Dictionary<string, string> OutturnColumns = new(StringComparer.Ordinal)
    {
        [DomainFields.Value] = F.Value,
        [DomainFields.Status] = F.Status,
        [DomainFields.Period] = F.Period,
    };

    private static readonly Dictionary<string, string> PlanColumns = new(StringComparer.Ordinal)
    {
        [nameof(PlanDraft.Name)] = F.Name,
        [nameof(PlanDraft.FirstYear)] = F.FirstYear,
        [nameof(PlanDraft.LastYear)] = F.LastYear,
        [nameof(PlanDraft.IsRetired)] = F.Retired,
    };

    private static readonly Dictionary<string, string> RingColumns = new(StringComparer.Ordinal)
    {
        ["PlanId"] = F.PlanName,
        ["Name"] = F.Name,
    };

    private static readonly Dictionary<string, string> ProjectColumns = new(StringComparer.Ordinal)
    {
        [nameof(ProjectDraft.Title)] = F.Title,
        [nameof(ProjectDraft.IsRetired)] = F.Retired,
    };

    private static readonly Dictionary<string, string> ProjectUpdateColumns = new(StringComparer.Ordinal)
    {
        ["ProjectCode"] = F.ProjectCode,
        ["Brag"] = F.Brag,
        ["Direction"] = F.Direction,
        ["WorkingWell"] = F.AreasOfSuccess,
        ["Concerns"] = F.AreasOfConcern,
        ["NextFocus"] = F.NextFocus,
    };

    private static readonly Dictionary<string, string> FinanceColumns = new(StringComparer.Ordinal)
    {
        ["ServiceArea"] = F.ServiceArea,
        ["ApprovedBudget"] = F.ApprovedBudget,
        ["ForecastOutturn"] = F.ForecastOutturn,
        ["Variance"] = F.Variance,
        ["Rag"] = F.Rating,
        ["Commentary"] = F.Commentary,
    };

    /// <summary>The column of <paramref name="sheet"/> that shows a problem with <paramref name="field"/>.</summary>
    public static string For(string sheet, string? field)
    {
        var (columns, otherwise) = sheet switch
        {
            F.Plans => (PlanColumns, F.Name),
            F.Rings => (RingColumns, F.Name),
            F.Measures => (MeasureColumns, F.Code),
            F.Targets => (TargetColumns, F.Code),
            F.Outturns => (OutturnColumns, F.Value),
            F.Projects => (ProjectColumns, F.Code),
            F.ProjectUpdates => (ProjectUpdateColumns, F.Period),
            F.BudgetLines or F.BudgetPosition => (FinanceColumns, F.Period),
            _ => (null, F.Code),
        };
        return field is not null && columns is not null && columns.TryGetValue(field, out var column) ? column : otherwise;
    }
}
