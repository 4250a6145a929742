using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Common;
using F = PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// Which column of a sheet a problem belongs to, by the field it names (never by its text): the framework commands'
/// fields (<see cref="FrameworkFields"/>) on the Measures and Targets sheets, the domain's (<see cref="DomainFields"/>) on
/// the Outturns sheet. A field with no column of its own falls back to the row's Code.
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

    /// <summary>The column of <paramref name="sheet"/> that shows a problem with <paramref name="field"/>.</summary>
    public static string For(string sheet, string? field)
    {
        var columns = sheet switch
        {
            F.Measures => MeasureColumns,
            F.Targets => TargetColumns,
            F.Outturns => OutturnColumns,
            _ => null,
        };
        return field is not null && columns is not null && columns.TryGetValue(field, out var column) ? column
            : sheet == F.Outturns ? F.Value : F.Code;
    }
}
