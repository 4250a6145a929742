using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>Segments × quarters of a financial year (plus the previous year's Q4); a null evaluation is a quarter still to come.</summary>
public sealed record QuarterComparison(
    FinancialYear Year,
    string? PlanName,
    IReadOnlyList<ReportingPeriod> Columns,
    IReadOnlyList<PeriodEvaluation?> Evaluations)
{
    /// <summary>The segment's rating in a column (judged, else suggested); null when empty.</summary>
    public SegmentLine? Cell(int column, string segmentCode) =>
        Evaluations[column]?.Groups.SelectMany(g => g.Segments).FirstOrDefault(s => s.Code == segmentCode);

    /// <summary>The rows: the groups and segments of the plan, from the first evaluated column.</summary>
    public IReadOnlyList<GroupLine> Rows => Evaluations.FirstOrDefault(e => e is not null)?.Groups ?? [];
}

/// <summary>A measure on a directorate scorecard with its recent quarters.</summary>
public sealed record ScorecardLine(MeasureLine Line, string? SegmentTitle, IReadOnlyList<MeasureResult> Trend);

/// <summary>A directorate's measures for a quarter.</summary>
public sealed record Scorecard(string Directorate, ReportingPeriod Period, IReadOnlyList<ScorecardLine> Lines, bool PublishedOnly)
{
    /// <summary>The rating scheme the quarter is rated under (its financial year's).</summary>
    public RagScheme Scheme { get; init; } = RagScheme.Default;

    public Rollup Rollup => Rollup.Of(Lines.Select(l => (l.Line.Result.Rating, l.Line.Result.DirectionFromPrevious)), Scheme);
}
