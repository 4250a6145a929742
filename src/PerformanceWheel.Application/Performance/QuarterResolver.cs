using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Performance;

/// <summary>Why no quarter could be resolved from a request's period.</summary>
public enum QuarterProblem
{
    /// <summary>No period was asked for and the reader has no figures at all.</summary>
    NoFigures = 1,

    /// <summary>The period is not a quarter or a month (a financial year, or text that is no period).</summary>
    NotAQuarter = 2,

    /// <summary>A quarter this reader has no figures for.</summary>
    NoFiguresForQuarter = 3,
}

/// <summary>The quarter a page, pack, export or API request is about, the quarters the reader has figures for, or why there is none.</summary>
public sealed record QuarterChoice(ReportingPeriod? Quarter, IReadOnlyList<ReportingPeriod> Quarters, QuarterProblem? Problem, string? PeriodText)
{
    /// <summary>The period asked for when it parsed (a month → its quarter), even when there are no figures for it.</summary>
    public ReportingPeriod? Asked { get; init; }

    /// <summary>What a reader is told when there is no quarter (pages, packs and exports answer it as 404).</summary>
    public string? Message => Problem switch
    {
        QuarterProblem.NoFigures => "There are no figures yet.",
        QuarterProblem.NotAQuarter or QuarterProblem.NoFiguresForQuarter =>
            $"There are no figures for the period '{PeriodText}'. Choose a quarter such as {(Quarters.Count > 0 ? Quarters[0].Label : "2019/20 Q2")}.",
        _ => null,
    };
}

/// <summary>
/// The one answer to "which quarter": ?period=2019/20 Q2 (a month means its quarter) when the reader has figures for
/// it; no period → the reader's default quarter (<see cref="PerformanceReader.DefaultQuarterAsync"/>: for councillors and
/// the public the newest quarter published as a whole, for staff the newest with any figure). Pages, packs, exports and
/// the API all resolve through it.
/// </summary>
public sealed class QuarterResolver(PerformanceReader reader)
{
    public async Task<QuarterChoice> ResolveAsync(string? periodText, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var quarters = await reader.QuartersWithDataAsync(scope, cancellationToken);
        if (string.IsNullOrWhiteSpace(periodText))
        {
            return await reader.DefaultQuarterAsync(quarters, scope.PublishedOnly, cancellationToken) is { } quarter
                ? new QuarterChoice(quarter, quarters, null, null)
                : new QuarterChoice(null, quarters, QuarterProblem.NoFigures, null);
        }

        if (!ReportingPeriod.TryParse(periodText, out var period) || period.Kind == PeriodKind.Year)
        {
            return new QuarterChoice(null, quarters, QuarterProblem.NotAQuarter, periodText);
        }

        return quarters.Contains(period.Quarter)
            ? new QuarterChoice(period.Quarter, quarters, null, periodText) { Asked = period.Quarter }
            : new QuarterChoice(null, quarters, QuarterProblem.NoFiguresForQuarter, periodText) { Asked = period.Quarter };
    }
}
