using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Forecasting;

/// <summary>How a year-end forecast was made.</summary>
public enum ForecastMethod
{
    /// <summary>A sum: the year-to-date total at its rate per period, carried to the year's end.</summary>
    RunRate = 1,

    /// <summary>A snapshot or average: the least-squares line through its recent periods, carried to the year's end.</summary>
    Trend = 2,
}

/// <summary>Why a measure has no year-end forecast.</summary>
public enum NoForecastReason
{
    /// <summary>An annual measure has one figure a year: nothing to project from.</summary>
    AnnualMeasure = 1,

    /// <summary>No target would rate the year-end figure.</summary>
    NoTarget = 2,

    /// <summary>Fewer figures than <see cref="YearEndForecaster.MinimumPoints"/> to project from.</summary>
    TooFewFigures = 3,

    /// <summary>The year's last period has been reached: its figure is the year-end figure, not a forecast.</summary>
    YearEnded = 4,

    /// <summary>The measure stops being reported before the year ends.</summary>
    Discontinued = 5,

    /// <summary>The figures are so large that projecting them passes the largest number a figure can hold.</summary>
    TooLargeToProject = 6,
}

/// <summary>
/// A measure's projected year-end figure as of a period, and the rating that figure would get; or why there is none.
/// It is a forecast, never an outturn: every place that shows it says so and names its <see cref="MethodText"/>.
/// </summary>
public sealed record YearEndForecast
{
    /// <summary>The financial year forecast.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>The last of the measure's own periods the forecast was made from (a month or a quarter).</summary>
    public ReportingPeriod? AsOf { get; init; }

    public ForecastMethod? Method { get; init; }

    /// <summary>How many figures the forecast was made from.</summary>
    public int Points { get; init; }

    /// <summary>How many periods it looked back over: the year so far (run rate) or the trend's periods; the figures are those of them with a value.</summary>
    public int Window { get; init; }

    /// <summary>Months or quarters: the kind of period the figures are.</summary>
    public PeriodKind PointKind { get; init; }

    /// <summary>
    /// The projected year-end figure in the terms the year-end is rated in: for a run rate, the year's total; for a trend,
    /// the figure the year's last quarter would report (its last month for a snapshot, its months' mean for an average).
    /// </summary>
    public decimal? Value { get; init; }

    /// <summary>The target the projection is rated against (for a run rate: the year's total, the sum of its quarters' targets).</summary>
    public Target? Target { get; init; }

    /// <summary>The rating the projection would get, by the same rule (<see cref="RagCalculator"/>) and scheme as any figure.</summary>
    public RagRating Rating { get; init; }

    public NoForecastReason? Reason { get; init; }

    public bool IsMade => Value.HasValue;

    /// <summary>"run rate of 6 months to date", "run rate of 5 of 6 months to date", "trend of last 4 quarters", "trend of 5 of the last 6 months"; empty when none was made.</summary>
    public string MethodText => Method switch
    {
        ForecastMethod.RunRate when Points == Window => $"run rate of {Count(Points)} to date",
        ForecastMethod.RunRate => $"run rate of {Points} of {Count(Window)} to date",
        ForecastMethod.Trend when Points == Window => $"trend of last {Count(Points)}",
        ForecastMethod.Trend => $"trend of {Points} of the last {Count(Window)}",
        _ => string.Empty,
    };

    /// <summary>What every place that shows the forecast calls it: "Year-end forecast (2019/20)".</summary>
    public string Heading => $"Year-end forecast ({Year.Label})";

    /// <summary>Said beside a forecast made, so nobody reads it as a reported figure.</summary>
    public const string Caveat = "A projection from the figures so far, not a reported figure.";

    /// <summary>How it was made, after its figure: "by run rate of 6 months to date"; empty when none was made.</summary>
    public string ByMethodText => Method is null ? string.Empty : $"by {MethodText}";

    /// <summary>After <see cref="Heading"/> when none was made: "none (fewer than 3 figures)"; empty when one was made.</summary>
    public string NoneText => Reason is null ? string.Empty : $"none ({ReasonText})";

    /// <summary>An annual measure says nothing of a forecast (one figure a year: nothing to forecast); others say one or why none.</summary>
    public bool IsShown => Reason != NoForecastReason.AnnualMeasure;

    /// <summary>Why there is no forecast, as readers see it ("No forecast: fewer than 3 figures"); empty when one was made.</summary>
    public string NoForecastText => Reason is null ? string.Empty : $"No forecast: {ReasonText}";

    /// <summary>Why there is no forecast, inside a sentence ("fewer than 3 figures"); empty when one was made.</summary>
    public string ReasonText => Reason switch
    {
        NoForecastReason.AnnualMeasure => "annual measure",
        NoForecastReason.NoTarget => "no target for the year",
        NoForecastReason.TooFewFigures => $"fewer than {YearEndForecaster.MinimumPoints} figures",
        NoForecastReason.YearEnded => "the year has ended",
        NoForecastReason.Discontinued => "discontinued",
        NoForecastReason.TooLargeToProject => "the figures are too large to project",
        _ => string.Empty,
    };

    internal static YearEndForecast None(FinancialYear year, NoForecastReason reason) =>
        new() { Year = year, Reason = reason, Rating = RagRating.NotRated(NotRatedReason.NoValue) };

    private string Count(int n) => PointKind == PeriodKind.Month
        ? n == 1 ? "1 month" : $"{n} months"
        : n == 1 ? "1 quarter" : $"{n} quarters";
}
