using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Rating;

/// <summary>A measure's figure, rating and directions for one reporting period.</summary>
public sealed record MeasureResult
{
    public required ReportingPeriod Period { get; init; }

    public decimal? Value { get; init; }

    /// <summary>Set when the value has no number: TBC, N/A or not available.</summary>
    public OutturnStatus? Status { get; init; }

    /// <summary>The months still missing when a monthly measure is reported for a quarter.</summary>
    public IReadOnlyList<ReportingPeriod> MissingMonths { get; init; } = [];

    public Target? Target { get; init; }

    public RagRating Rating { get; init; }

    public Direction? DirectionFromPrevious { get; init; }

    public Direction? DirectionFromLastYear { get; init; }

    /// <summary>The least advanced workflow state of the outturns behind the figure (Draft if any is a draft).</summary>
    public WorkflowState? State { get; init; }

    public bool IsProvisional { get; init; }

    public decimal? PreviousValue { get; init; }

    public decimal? LastYearValue { get; init; }

    public bool IsIncomplete => MissingMonths.Count > 0;
}

/// <summary>
/// What rating a figure needs of an outturn: its value or the status standing for it, its workflow state and whether it
/// is provisional (an <see cref="Outturn"/>, or a narrow copy read without its commentary and authorship).
/// </summary>
public interface IRatedFigure
{
    decimal? Value { get; }

    OutturnStatus? Status { get; }

    WorkflowState State { get; }

    bool IsProvisional { get; }
}

/// <summary>
/// Rates a measure for a period from its outturns. A monthly measure asked for a quarter is reported by its
/// aggregation; an annual measure asked for a quarter or month is reported by the financial year containing it.
/// </summary>
public static class MeasureEvaluator
{
    public static MeasureResult Evaluate<TFigure>(Measure measure, IReadOnlyDictionary<ReportingPeriod, TFigure> outturns, ReportingPeriod period, RagScheme? scheme = null)
        where TFigure : IRatedFigure
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(outturns);
        var reportPeriod = ReportingPeriodFor(measure, period);
        var current = Figure(measure, outturns, reportPeriod);
        var previous = Figure(measure, outturns, reportPeriod.Previous);
        var lastYear = Figure(measure, outturns, reportPeriod.SameLastYear);
        var target = measure.TargetFor(reportPeriod);

        var rating = RagCalculator.Rate(new RatingInput
        {
            Polarity = measure.Polarity,
            Value = current.Value,
            IsIncomplete = current.Missing.Count > 0,
            Target = target,
            Tolerance = measure.Tolerance,
            IsDiscontinued = measure.IsDiscontinuedIn(reportPeriod),
            ValueSamePeriodLastYear = lastYear.Value,
        }, scheme);

        return new MeasureResult
        {
            Period = reportPeriod,
            Value = current.Value,
            Status = current.Status,
            MissingMonths = current.Missing,
            Target = target,
            Rating = rating,
            DirectionFromPrevious = DirectionCalculator.Compare(measure.Polarity, current.Value, previous.Value, measure.SteadyThreshold, target),
            DirectionFromLastYear = DirectionCalculator.Compare(measure.Polarity, current.Value, lastYear.Value, measure.SteadyThreshold, target),
            State = current.State,
            IsProvisional = current.Provisional,
            PreviousValue = previous.Value,
            LastYearValue = lastYear.Value,
        };
    }

    /// <summary>
    /// The period a measure is reported in when asked for <paramref name="period"/>: a monthly measure in a quarter
    /// view is reported for the quarter; an annual measure for the financial year; otherwise the period itself.
    /// </summary>
    public static ReportingPeriod ReportingPeriodFor(Measure measure, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return (measure.PeriodKind, period.Kind) switch
        {
            (PeriodKind.Year, _) => ReportingPeriod.ForYear(period.Year),
            (PeriodKind.Quarter, PeriodKind.Month) => period.Quarter,
            (PeriodKind.Month, PeriodKind.Year) => ReportingPeriod.ForQuarter(period.Year, 4),
            _ => period,
        };
    }

    private readonly record struct FigureParts(decimal? Value, OutturnStatus? Status, IReadOnlyList<ReportingPeriod> Missing, WorkflowState? State, bool Provisional);

    private static FigureParts Figure<TFigure>(Measure measure, IReadOnlyDictionary<ReportingPeriod, TFigure> outturns, ReportingPeriod period)
        where TFigure : IRatedFigure
    {
        if (measure.PeriodKind == PeriodKind.Month && period.Kind == PeriodKind.Quarter)
        {
            var months = QuarterlyAggregator.MonthsNeeded(measure.Aggregation, period);
            var aggregate = QuarterlyAggregator.Aggregate(measure.Aggregation, period, m => outturns.TryGetValue(m, out var o) ? o.Value : null);
            var found = months.Where(outturns.ContainsKey).Select(m => outturns[m]).ToList();

            // Nothing recorded for any month of the quarter: no value. Some months recorded but a needed one missing: incomplete.
            var anyInQuarter = period.Months().Any(outturns.ContainsKey) || found.Count > 0;
            WorkflowState? state = found.Count == 0 ? null : RankState(found.Min(o => StateRank(o.State)));
            OutturnStatus? status = aggregate.Value is null && found.Count == months.Count ? found.First(o => o.Status.HasValue).Status : null;
            var missing = anyInQuarter && status is null ? aggregate.MissingMonths : [];
            return new FigureParts(aggregate.Value, status, missing, state, found.Any(o => o.IsProvisional));
        }

        return outturns.TryGetValue(period, out var outturn)
            ? new FigureParts(outturn.Value, outturn.Status, [], outturn.State, outturn.IsProvisional)
            : new FigureParts(null, null, [], null, false);
    }

    // Draft and Returned rank lowest, Published highest: a quarter is only as far along as its least advanced month.
    private static int StateRank(WorkflowState state) => state switch
    {
        WorkflowState.Draft or WorkflowState.Returned => 0,
        WorkflowState.Submitted => 1,
        WorkflowState.Approved => 2,
        _ => 3,
    };

    private static WorkflowState RankState(int rank) => rank switch
    {
        0 => WorkflowState.Draft,
        1 => WorkflowState.Submitted,
        2 => WorkflowState.Approved,
        _ => WorkflowState.Published,
    };
}
