using PerformanceWheel.Application.Performance;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>The four packs councillors download.</summary>
public enum PackKind
{
    Cabinet = 1,
    Scrutiny = 2,
    Directorate = 3,
    Measure = 4,
}

/// <summary>A segment's section: the segment for the quarter and its measures with their trends.</summary>
public sealed record PackSegment(SegmentDetail Detail, IReadOnlyList<MeasureDetail> Measures);

/// <summary>A measure in a pack: its line for the quarter and its eight-period history.</summary>
public sealed record PackMeasure(MeasureLine Line, MeasureDetail Detail);

/// <summary>A line of the contents page: a section heading (an h2 in the pack) and, after the first pass, its page.</summary>
public sealed record ContentsEntry(string Id, string Title);

/// <summary>Everything a pack prints, read through the application services.</summary>
public sealed class PackModel
{
    public required PackKind Kind { get; init; }

    public required string CouncilName { get; init; }

    /// <summary>"Cabinet performance report", "Scrutiny for Policies, Children &amp; Families performance report" …</summary>
    public required string Title { get; init; }

    /// <summary>What the pack covers, under the title.</summary>
    public string? Subtitle { get; init; }

    public required ReportingPeriod Period { get; init; }

    public required DateOnly PreparedOn { get; init; }

    /// <summary>Not every figure of the period is published: the cover and every page say Draft.</summary>
    public required bool IsDraft { get; init; }

    public required string FileName { get; init; }

    public PeriodEvaluation? Evaluation { get; init; }

    /// <summary>The measures this pack reports on (a Scrutiny pack: those tagged for its committee).</summary>
    public IReadOnlyList<MeasureLine> Measures { get; init; } = [];

    /// <summary>The segments this pack shows (null: every segment of the wheel).</summary>
    public IReadOnlySet<string>? SegmentFilter { get; init; }

    /// <summary>The plan's totals: the same figures the wheel page and the API show (PeriodEvaluation computes them).</summary>
    public Rollup PlanTotals => Evaluation?.MeasureTotals ?? ReportTotals;

    /// <summary>
    /// The rating scheme the pack's quarter is rated under: its financial year's in the council's scheme history (a later
    /// change from a later year leaves it as published). Its counts, its key and its statement all follow it.
    /// </summary>
    public RagScheme Scheme => Evaluation?.Scheme ?? Scorecard?.Scheme ?? Measure?.Scheme ?? RagScheme.Default;

    /// <summary>The scheme as the pack states it (a measure sheet says nothing of where its scheme starts).</summary>
    public string SchemeStatement => Evaluation?.SchemeStatement ?? PeriodEvaluation.StatementOf(Scheme, null);

    /// <summary>
    /// The headline sentences: a Scrutiny pack's are its committee's measures' (<see cref="ReportTotals"/>); the others
    /// print the plan's, as on the wheel page and in the API.
    /// </summary>
    public IReadOnlyList<string> Headlines => Kind == PackKind.Scrutiny || Evaluation is null ? Domain.Rating.Headlines.For(ReportTotals) : Evaluation.Headlines;

    /// <summary>Whose measures the headlines count: "Measures for the … Committee" in a Scrutiny pack, else the plan's.</summary>
    public string HeadlinesLabel => Kind == PackKind.Scrutiny
        ? $"Measures for the {CommitteeName} Committee"
        : "The plan's measures";

    /// <summary>The totals the wheel's centre and the headlines give: the committee's measures in a Scrutiny pack, else the plan's.</summary>
    public Rollup HeadlineTotals => Kind == PackKind.Scrutiny ? ReportTotals : PlanTotals;

    /// <summary>A Scrutiny pack's committee ("Scrutiny for Policies, Children &amp; Families"); null in other packs.</summary>
    public string? CommitteeName { get; init; }

    /// <summary>Year-end forecasts of the pack's measures as of its quarter, by measure code (none for a measure not listed).</summary>
    public IReadOnlyDictionary<string, Domain.Forecasting.YearEndForecast> Forecasts { get; init; } = new Dictionary<string, Domain.Forecasting.YearEndForecast>();

    /// <summary>Totals of this report's own measures: every measure of the council (Cabinet) or a committee's (Scrutiny); labelled so.</summary>
    public Rollup ReportTotals => Rollup.Of(Measures.Select(m => (m.Result.Rating, m.Result.DirectionFromPrevious)), Scheme);

    /// <summary>The label of <see cref="ReportTotals"/>.</summary>
    public string ReportTotalsLabel => Kind == PackKind.Scrutiny ? "All measures tagged for this committee" : "All measures of the council";

    public QuarterComparison? Comparison { get; init; }

    public IReadOnlyList<MeasureLine> Exceptions { get; init; } = [];

    public IReadOnlyList<CriticalItem> CriticalItems { get; init; } = [];

    /// <summary>The directorates' key issues for the quarter, as their directors wrote them in their review (KeyIssuesSection).</summary>
    public IReadOnlyList<Application.Workflow.KeyIssuesView> KeyIssues { get; init; } = [];

    public IReadOnlyList<PackSegment> Segments { get; init; } = [];

    /// <summary>Measures with a figure this quarter that sit outside the wheel's segments.</summary>
    public IReadOnlyList<PackMeasure> OtherMeasures { get; init; } = [];

    public FinanceView? Finance { get; init; }

    public Scorecard? Scorecard { get; init; }

    public IReadOnlyList<PackMeasure> ScorecardMeasures { get; init; } = [];

    public MeasureDetail? Measure { get; init; }

    public IReadOnlyList<ContentsEntry> Contents { get; set; } = [];

    /// <summary>The quarter's covering report of a Cabinet or Scrutiny pack, printed in front of it (null: none started).</summary>
    public Application.Covering.CoveringView? Covering { get; set; }

    /// <summary>Page of each contents entry (by id), filled in for the second pass.</summary>
    public IReadOnlyDictionary<string, int>? Pages { get; set; }

    public bool ShowsSegment(string code) => SegmentFilter is null || SegmentFilter.Contains(code);

    public IEnumerable<BudgetLine> BudgetLines => Finance?.Lines ?? [];
}
