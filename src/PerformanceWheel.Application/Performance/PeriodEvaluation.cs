using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>One measure's line on a scorecard for a period.</summary>
public sealed record MeasureLine(
    string Code,
    string Title,
    string Directorate,
    string? SegmentCode,
    MeasureUnit Unit,
    int DecimalPlaces,
    Polarity Polarity,
    Frequency Frequency,
    IReadOnlyList<string> Committees,
    MeasureResult Result)
{
    /// <summary>How this line's figures and target are written (its DecimalPlaces already allow for what they need).</summary>
    public FigureFormat Figures => new(Unit, DecimalPlaces);

    public string FormatValue(decimal value) => Figures.Value(value);

    /// <summary>The line's target as pages write it ("84.0%", "5.0% to 10.3%", or "No target set").</summary>
    public string TargetText => Figures.Target(Result.Target, FigureFormat.NoTarget);
}

/// <summary>A segment of the wheel for a period: suggested and judged rating, direction and the rollup of its measures.</summary>
public sealed record SegmentLine(
    string Code,
    string Title,
    string Group,
    int GroupOrder,
    int Order,
    IReadOnlyList<string> Committees,
    RagStatus? Suggested,
    RagStatus? Judged,
    string? Rationale,
    Direction? Direction,
    Rollup Measures)
{
    /// <summary>The rating shown: judged, else suggested.</summary>
    public RagStatus? Rag => Judged ?? Suggested;

    /// <summary>Whether a person judged the rating (rather than it being the suggestion of its measures and projects).</summary>
    public bool IsJudged => Judged.HasValue;

    /// <summary>The direction most of its measures moved (a tie → Steady); shown when no direction was judged.</summary>
    public Direction? SuggestedDirection { get; init; }

    /// <summary>The direction a person judged, if any.</summary>
    public Direction? JudgedDirection { get; init; }

    /// <summary>The ratings of its projects in the quarter (they count towards the suggestion with its measures).</summary>
    public Rollup Projects { get; init; } = new();
}

/// <summary>A ring of the wheel with the seed 000 counts of its segments.</summary>
public sealed record GroupLine(string Name, int Order, IReadOnlyList<SegmentLine> Segments, Rollup SegmentCounts);

/// <summary>
/// Everything the wheel and scorecards show for one quarter. <see cref="MeasureTotals"/> and <see cref="Headlines"/> are the
/// plan's (the measures in the plan's segments) and are computed here once: the wheel page, the API, the packs and the
/// exports all show these; a council-wide figure (<see cref="CouncilTotals"/>) is always labelled as such where shown.
/// </summary>
public sealed record PeriodEvaluation(
    ReportingPeriod Period,
    string? PlanName,
    IReadOnlyList<GroupLine> Groups,
    IReadOnlyList<MeasureLine> Measures,
    IReadOnlyList<string> Directorates,
    Rollup SegmentTotals,
    Rollup MeasureTotals,
    IReadOnlyList<string> Headlines,
    bool PublishedOnly)
{
    /// <summary>Every measure of the council shown in the quarter (inside and outside the plan's segments).</summary>
    public Rollup CouncilTotals => Rollup.Of(Measures.Select(m => (m.Result.Rating, m.Result.DirectionFromPrevious)), Scheme);

    /// <summary>The rating scheme the quarter is rated under: its financial year's (a later change leaves it as published).</summary>
    public RagScheme Scheme { get; init; } = RagScheme.Default;

    /// <summary>The year that scheme applies from; null for the council's original scheme.</summary>
    public FinancialYear? SchemeFrom { get; init; }

    /// <summary>The scheme as a report states it, e.g. "Rated under the scheme from 2025/26: Blue when exceeding target by 10%; …".</summary>
    public string SchemeStatement => StatementOf(Scheme, SchemeFrom);

    /// <summary>The ratings counted as rated under the quarter's scheme: "Green, Amber or Red", or "Blue, Green, Amber or Red".</summary>
    public string RatedColours => StatusTexts.RatedColours(Scheme);

    /// <summary>A scheme as a report states it, with the year it applies from (null: the council's original scheme).</summary>
    public static string StatementOf(RagScheme scheme, FinancialYear? schemeFrom) => schemeFrom is { } from
        ? $"Rated under the council's rating scheme from {from.Label}: {scheme.Description}."
        : $"Rated under the council's rating scheme: {scheme.Description}.";

    /// <summary>Seed 001's table: each directorate's number of KPIs, KPIs with RAG and Red/Amber/Green.</summary>
    public IReadOnlyList<(string Directorate, Rollup Rollup)> ByDirectorate()
    {
        // The lines grouped by directorate once, not searched again for each directorate.
        var byDirectorate = Measures.ToLookup(m => m.Directorate, StringComparer.Ordinal);
        return Directorates
            .Select(d => (d, Rollup.Of(byDirectorate[d].Select(m => (m.Result.Rating, m.Result.DirectionFromPrevious)), Scheme)))
            .ToList();
    }
}
