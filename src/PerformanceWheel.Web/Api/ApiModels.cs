using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Web.Api.ApiNumbers;

namespace PerformanceWheel.Web.Api;

/// <summary>
/// Numbers as people write them: PostgreSQL returns numeric(18,6) with its scale (85.100000), SQLite does not (85.1);
/// the API answers 85.1 from both. Computed figures (a quarter's average of three months) are given to the six decimal
/// places figures are stored with.
/// </summary>
public static class ApiNumbers
{
    public static decimal Tidy(decimal value) =>
        Math.Round(value, PerformanceWheel.Data.Precision.Scale, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m;

    public static decimal? Tidy(decimal? value) => value is { } v ? Tidy(v) : null;
}

/// <summary>A measure in the list (GET /api/v1/measures). Periods are labels ("2019/20 Q2", "Sep-19", "2019/20").</summary>
public sealed record ApiMeasure(
    string Code,
    string Title,
    string Directorate,
    string? Segment,
    string Unit,
    int DecimalPlaces,
    Polarity Polarity,
    Frequency Frequency,
    Aggregation Aggregation,
    ToleranceType ToleranceType,
    decimal ToleranceValue,
    decimal SteadyThreshold,
    IReadOnlyList<string> Committees,
    string? DiscontinuedFrom)
{
    public static ApiMeasure From(Measure m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Code, m.Title, m.Directorate.Name, m.Segment?.Code, m.Unit.Label, m.DecimalPlaces, m.Polarity, m.Frequency, m.Aggregation,
            m.ToleranceType, Tidy(m.ToleranceValue), Tidy(m.SteadyThreshold), m.Committees.Select(c => c.Code).Order().ToList(), m.DiscontinuedFrom?.Label);
    }
}

/// <summary>A target: for a financial year, or for one period of it; a single value or a band (Within range).</summary>
public sealed record ApiTarget(string Year, string? Period, decimal? Value, decimal? Low, decimal? High);

/// <summary>One figure in the measure's own period, with its rating, directions and workflow state.</summary>
public sealed record ApiOutturn(
    string Period,
    decimal? Value,
    OutturnStatus? Status,
    decimal? Target,
    decimal? TargetLow,
    decimal? TargetHigh,
    RagStatus? Rag,
    NotRatedReason? NotRatedReason,
    Direction? DirectionFromPrevious,
    Direction? DirectionFromLastYear,
    WorkflowState State,
    bool Provisional,
    string? Commentary,
    int Version)
{
    public static ApiOutturn From(MeasureResult result, Outturn outturn)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(outturn);
        return new(result.Period.Label, Tidy(result.Value), result.Status, Tidy(result.Target?.Value), Tidy(result.Target?.Low), Tidy(result.Target?.High),
            result.Rating.Status, result.Rating.Reason, result.DirectionFromPrevious, result.DirectionFromLastYear,
            outturn.State, outturn.IsProvisional, outturn.Commentary, outturn.Version);
    }
}

/// <summary>GET /api/v1/measures/{code}: the measure, its targets and every figure (published only for councillor keys).</summary>
public sealed record ApiMeasureDetail(
    string Code,
    string Title,
    string? Description,
    string? DataNotes,
    string Directorate,
    string? Segment,
    string Unit,
    int DecimalPlaces,
    Polarity Polarity,
    Frequency Frequency,
    Aggregation Aggregation,
    ToleranceType ToleranceType,
    decimal ToleranceValue,
    decimal SteadyThreshold,
    IReadOnlyList<string> Committees,
    string? DiscontinuedFrom,
    IReadOnlyList<ApiTarget> Targets,
    IReadOnlyList<ApiOutturn> Outturns,
    bool PublishedOnly)
{
    public static ApiMeasureDetail From(MeasureSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var m = series.Measure;
        var targets = m.Targets
            .OrderBy(t => t.Year).ThenBy(t => t.Period.HasValue).ThenBy(t => t.Period)
            .Select(t => new ApiTarget(t.Year.Label, t.Period?.Label, Tidy(t.Target.Value), Tidy(t.Target.Low), Tidy(t.Target.High)))
            .ToList();
        return new(m.Code, m.Title, m.Description, m.DataNotes, m.Directorate.Name, m.Segment?.Code, m.Unit.Label, m.DecimalPlaces, m.Polarity,
            m.Frequency, m.Aggregation, m.ToleranceType, Tidy(m.ToleranceValue), Tidy(m.SteadyThreshold), m.Committees.Select(c => c.Code).Order().ToList(),
            m.DiscontinuedFrom?.Label, targets, series.Figures.Select(f => ApiOutturn.From(f.Result, f.Outturn)).ToList(), series.PublishedOnly);
    }

    /// <summary>The year-end forecast as of the latest figure given (null when there is none): a projection, not a figure.</summary>
    public ApiYearEndForecast? YearEndForecast { get; init; }
}

/// <summary>
/// A measure on a scorecard for a quarter: monthly measures by their quarterly value (their aggregation), annual
/// measures by their financial year (<see cref="Period"/> says which).
/// </summary>
public sealed record ApiScorecardMeasure(
    string Code,
    string Title,
    string Directorate,
    string? Segment,
    string Unit,
    Frequency Frequency,
    string Period,
    decimal? Value,
    OutturnStatus? Status,
    decimal? Target,
    decimal? TargetLow,
    decimal? TargetHigh,
    RagStatus? Rag,
    NotRatedReason? NotRatedReason,
    Direction? DirectionFromPrevious,
    Direction? DirectionFromLastYear,
    WorkflowState? State,
    IReadOnlyList<string> MissingMonths)
{
    /// <summary>The year-end forecast as of the scorecard's quarter: a projection, not a figure.</summary>
    public ApiYearEndForecast? YearEndForecast { get; init; }

    public static ApiScorecardMeasure From(MeasureLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var r = line.Result;
        return new(line.Code, line.Title, line.Directorate, line.SegmentCode, line.Unit.Label, line.Frequency, r.Period.Label, Tidy(r.Value), r.Status,
            Tidy(r.Target?.Value), Tidy(r.Target?.Low), Tidy(r.Target?.High), r.Rating.Status, r.Rating.Reason, r.DirectionFromPrevious, r.DirectionFromLastYear,
            r.State, r.MissingMonths.Select(m => m.Label).ToList());
    }
}

/// <summary>
/// GET /api/v1/scorecard: the measures and their counts under the quarter's rating scheme. Percentages are whole numbers
/// rounded half away from zero: Green/Amber/Red (and Blue, when the scheme makes Blue "exceeding target") of the rated
/// measures (<see cref="Rated"/>; a discontinued measure's Blue stands apart), directions of the measures with a
/// direction; null when nothing carries the attribute.
/// </summary>
public sealed record ApiScorecard(
    string Period,
    string? Directorate,
    string? Segment,
    IReadOnlyList<ApiScorecardMeasure> Measures,
    int Total,
    int Green,
    int Amber,
    int Red,
    int Blue,
    int NotRated,
    int Improving,
    int Steady,
    int Declining,
    int? GreenPercent,
    int? AmberPercent,
    int? RedPercent,
    int? ImprovingPercent,
    int? SteadyPercent,
    int? DecliningPercent,
    bool PublishedOnly)
{
    /// <summary>The measures rated: Green, Amber, Red, and Blue when Blue means exceeding target.</summary>
    public int Rated { get; init; }

    /// <summary>The share of the rated measures on or above target (Green, and Blue when it means exceeding target).</summary>
    public int? OnOrAboveTargetPercent { get; init; }

    /// <summary>The share of the rated measures exceeding target; null when Blue means discontinued.</summary>
    public int? BluePercent { get; init; }

    /// <summary>What Blue means for these measures under the quarter's scheme ("discontinued", "exceeds target by at least 10%").</summary>
    public string BlueMeans { get; init; } = string.Empty;

    public static ApiScorecard From(ReportingPeriod quarter, string? directorate, string? segment, IReadOnlyList<MeasureLine> lines, RagScheme scheme, bool publishedOnly)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(scheme);
        var r = Rollup.Of(lines.Select(l => (l.Result.Rating, l.Result.DirectionFromPrevious)), scheme);
        return new(quarter.Label, directorate, segment, lines.Select(ApiScorecardMeasure.From).ToList(), r.Measures, r.Green, r.Amber, r.Red, r.Blue,
            r.NotRated, r.Improving, r.Steady, r.Declining, r.GreenPercent, r.AmberPercent, r.RedPercent, r.ImprovingPercent, r.SteadyPercent,
            r.DecliningPercent, publishedOnly)
        {
            Rated = r.WithRag,
            OnOrAboveTargetPercent = r.OnOrAboveTargetPercent,
            BluePercent = r.BluePercent,
            BlueMeans = RagStatus.Blue.Meaning(scheme),
        };
    }
}

/// <summary>A segment of the wheel: the rating its measures and projects suggest, the judgement (if any) and the one shown.</summary>
public sealed record ApiWheelSegment(
    string Code,
    string Title,
    string Group,
    RagStatus? SuggestedRag,
    RagStatus? JudgedRag,
    RagStatus? Rag,
    Direction? Direction,
    string? Rationale,
    IReadOnlyList<string> Committees,
    int Measures,
    int Green,
    int Amber,
    int Red,
    int Blue);

/// <summary>GET /api/v1/wheel: the plan's segments for a quarter, ring by ring, with the headline sentences.</summary>
public sealed record ApiWheel(string Period, string? Plan, IReadOnlyList<ApiWheelSegment> Segments, IReadOnlyList<string> Headlines, bool PublishedOnly)
{
    public static ApiWheel From(PeriodEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var segments = evaluation.Groups.OrderBy(g => g.Order)
            .SelectMany(g => g.Segments)
            .Select(s => new ApiWheelSegment(s.Code, s.Title, s.Group, s.Suggested, s.Judged, s.Rag, s.Direction, s.Rationale, s.Committees,
                s.Measures.Measures, s.Measures.Green, s.Measures.Amber, s.Measures.Red, s.Measures.Blue))
            .ToList();
        return new(evaluation.Period.Label, evaluation.PlanName, segments, evaluation.Headlines, evaluation.PublishedOnly);
    }
}

/// <summary>
/// POST /api/v1/outturns: one figure. Give a value or a status (Tbc, NotApplicable, NotAvailable), not both. A field
/// left out keeps what is stored (value or status, provisional, commentary); a field sent as null clears it. Send the
/// version you read (GET /api/v1/measures/{code}) to be told when someone else has changed the figure since.
/// </summary>
public sealed record ApiOutturnInput(
    string? Measure, string? Period, decimal? Value = null, string? Status = null, bool? Provisional = null, string? Commentary = null, int? Version = null);

/// <summary>The answer to POST /api/v1/outturns: the figure as saved.</summary>
public sealed record ApiSavedOutturn(string Measure, ApiOutturn Outturn);

/// <summary>A workbook written by the import: its mode, what was created, updated and left unchanged per sheet, and revisions made.</summary>
public sealed record ApiImportResult(string Mode, IReadOnlyList<PerformanceWheel.Application.Import.ImportCount> Counts, int Revisions);
