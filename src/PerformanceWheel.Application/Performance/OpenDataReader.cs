using System.Globalization;
using System.Text.RegularExpressions;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Performance;

/// <summary>The published figures of a quarter as open data: what the CSV rows hold.</summary>
public sealed record OpenDataPeriod(ReportingPeriod Quarter, IReadOnlyList<MeasureLine> Lines);

/// <summary>
/// Published figures only, whoever asks: the quarters that have any, and a quarter's measures with a published value
/// or status (monthly measures by their quarterly value, annual measures with Q4), rated as the pages rate them.
/// </summary>
public sealed partial class OpenDataReader(PerformanceReader performance)
{
    /// <summary>Quarters with published figures, newest first.</summary>
    public Task<IReadOnlyList<ReportingPeriod>> PeriodsAsync(CancellationToken cancellationToken = default) =>
        performance.QuartersWithDataAsync(FigureScope.Published, cancellationToken);

    /// <summary>A quarter's published figures; null when the quarter has none.</summary>
    public async Task<OpenDataPeriod?> PeriodAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        if (!(await PeriodsAsync(cancellationToken)).Contains(quarter))
        {
            return null;
        }

        var evaluation = await performance.EvaluateAsync(quarter, FigureScope.Published, cancellationToken);
        var lines = evaluation.Measures
            .Where(l => l.Result.Value.HasValue || l.Result.Status.HasValue)
            .Where(l => l.Result.Period == quarter || (l.Result.Period.Kind == PeriodKind.Year && quarter.Number == 4))
            .ToList();
        return new OpenDataPeriod(quarter, lines);
    }

    /// <summary>The URL form of a quarter: "2019-20-Q2" for 2019/20 Q2 (no slash or space, so it is stable in a path).</summary>
    public static string Slug(ReportingPeriod quarter) =>
        string.Create(CultureInfo.InvariantCulture, $"{quarter.Year.StartYear}-{quarter.Year.EndYear % 100:D2}-Q{quarter.Quarter.Number}");

    /// <summary>Reads "2019-20-Q2" (case-insensitive) back into the quarter.</summary>
    public static bool TryParseSlug(string? slug, out ReportingPeriod quarter)
    {
        quarter = default;
        var match = slug is null ? null : SlugPattern().Match(slug);
        return match is { Success: true }
            && ReportingPeriod.TryParse($"{match.Groups[1].Value}/{match.Groups[2].Value} Q{match.Groups[3].Value}", out quarter);
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})-Q([1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
