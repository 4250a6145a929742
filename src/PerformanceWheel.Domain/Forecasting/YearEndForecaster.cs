using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Forecasting;

/// <summary>
/// The year-end forecast rule. From a measure's figures up to a period of its financial year:
/// <list type="bullet">
/// <item>a <b>sum</b> (and a monthly <b>year-to-date</b> measure) is projected at its run rate: the total of the year's figures so
/// far ÷ how many periods have a figure × the periods in the year (12 months or 4 quarters). A sum's year-end is its year's
/// total, rated against the sum of its four quarters' targets (an absolute tolerance summed likewise, a percent tolerance as
/// it is); a year-to-date measure's is its last quarter's figure, rated against that quarter's target.</item>
/// <item>a <b>snapshot</b> or <b>average</b> (and a quarterly measure of any other aggregation) is projected by the trend of its
/// recent periods: the least-squares line through those of its last <see cref="TrendMonths"/> months (or
/// <see cref="TrendQuarters"/> quarters) that have a figure, carried to the year's last quarter and reported as that quarter
/// would be (its last month for a snapshot, the mean of its months for an average), rated against that quarter's target.</item>
/// </list>
/// Either method needs at least <see cref="MinimumPoints"/> figures. A projection is kept within what the unit allows (a
/// percentage from 0 to 100; a count, days or a rate not below zero) and rounded to the measure's decimal places, so the
/// figure shown is the figure rated. The rating comes from <see cref="RagCalculator"/> with the measure's polarity and
/// tolerance and the year's scheme: there is no second rating rule. No forecast for an annual measure, without a target for
/// the year end, with too few figures, once the year's last period is reached, or for a measure discontinued before the
/// year ends. Figures with no value (TBC, N/A, not available, missing) are left out, never read as zero.
/// </summary>
public static class YearEndForecaster
{
    /// <summary>The fewest figures a forecast is made from.</summary>
    public const int MinimumPoints = 3;

    /// <summary>How many months a monthly measure's trend looks back over (ending at the forecast's period).</summary>
    public const int TrendMonths = 6;

    /// <summary>How many quarters a quarterly measure's trend looks back over (ending at the forecast's period).</summary>
    public const int TrendQuarters = 4;

    /// <summary>The forecast from the measure's outturns (those the reader may see).</summary>
    public static YearEndForecast Forecast(Measure measure, IReadOnlyDictionary<ReportingPeriod, Outturn> outturns, ReportingPeriod asOf, RagScheme? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(outturns);
        return Forecast(measure, p => outturns.TryGetValue(p, out var o) ? o.Value : null, asOf, scheme);
    }

    /// <summary>The forecast as of <paramref name="asOf"/> (a month, quarter or year) from the measure's values by period.</summary>
    public static YearEndForecast Forecast(Measure measure, Func<ReportingPeriod, decimal?> valueOf, ReportingPeriod asOf, RagScheme? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(valueOf);
        var year = asOf.Year;
        if (measure.PeriodKind == PeriodKind.Year)
        {
            return YearEndForecast.None(year, NoForecastReason.AnnualMeasure);
        }

        var yearEnd = ReportingPeriod.ForQuarter(year, 4);
        var monthly = measure.PeriodKind == PeriodKind.Month;
        var last = LastOwnPeriod(monthly, asOf);
        var ownYearEnd = monthly ? yearEnd.Months()[^1] : yearEnd;
        if (last >= ownYearEnd)
        {
            return YearEndForecast.None(year, NoForecastReason.YearEnded);
        }

        if (measure.IsDiscontinuedIn(yearEnd))
        {
            return YearEndForecast.None(year, NoForecastReason.Discontinued);
        }

        var sum = measure.Aggregation == Aggregation.Sum;
        var (target, tolerance) = sum ? YearTotalTarget(measure, year) : (measure.TargetFor(yearEnd), measure.Tolerance);
        if (target is null)
        {
            return YearEndForecast.None(year, NoForecastReason.NoTarget);
        }

        var runRate = sum || (monthly && measure.Aggregation == Aggregation.YearToDate);
        var pointKind = monthly ? PeriodKind.Month : PeriodKind.Quarter;
        decimal? projection;
        int points, window;
        try
        {
            (projection, points, window) = runRate
                ? RunRate(monthly, year, last, valueOf)
                : Trend(measure.Aggregation, monthly, last, yearEnd, valueOf);
        }
        catch (OverflowException)
        {
            return YearEndForecast.None(year, NoForecastReason.TooLargeToProject);
        }

        if (projection is not { } raw)
        {
            return YearEndForecast.None(year, NoForecastReason.TooFewFigures);
        }

        var value = Math.Round(WithinUnit(measure.Unit, raw), measure.DecimalPlaces, MidpointRounding.AwayFromZero);
        var rating = RagCalculator.Rate(new RatingInput
        {
            Polarity = measure.Polarity,
            Value = value,
            Target = target,
            Tolerance = tolerance,
            ValueSamePeriodLastYear = LastYearEnd(measure, monthly, sum, year.Previous, valueOf),
        }, scheme);

        return new YearEndForecast
        {
            Year = year,
            AsOf = last,
            Method = runRate ? ForecastMethod.RunRate : ForecastMethod.Trend,
            Points = points,
            Window = window,
            PointKind = pointKind,
            Value = value,
            Target = target,
            Rating = rating,
        };
    }

    // The last of the measure's own periods that has ended by the end of asOf.
    private static ReportingPeriod LastOwnPeriod(bool monthly, ReportingPeriod asOf)
    {
        if (monthly)
        {
            return asOf.Kind == PeriodKind.Month ? asOf : asOf.Months()[^1];
        }

        return asOf.Kind switch
        {
            PeriodKind.Quarter => asOf,
            PeriodKind.Year => ReportingPeriod.ForQuarter(asOf.Year, 4),
            _ => asOf.Quarter.End == asOf.End ? asOf.Quarter : asOf.Quarter.Previous,
        };
    }

    // A sum's year-end figure is the year's total: rated against the total of its quarters' targets. Any quarter without one → none.
    private static (Target? Target, Tolerance Tolerance) YearTotalTarget(Measure measure, FinancialYear year)
    {
        var targets = ReportingPeriod.ForYear(year).Quarters().Select(measure.TargetFor).ToList();
        if (targets.Any(t => t is null))
        {
            return (null, measure.Tolerance);
        }

        var quarters = targets.Select(t => t!.Value).ToList();
        var total = quarters[0].IsRange
            ? Target.Range(quarters.Sum(t => t.Low!.Value), quarters.Sum(t => t.High!.Value))
            : Target.Single(quarters.Sum(t => t.Value ?? 0m));
        var tolerance = measure.Tolerance.Type == ToleranceType.Absolute
            ? Tolerance.Absolute(measure.Tolerance.Value * quarters.Count)
            : measure.Tolerance;
        return (total, tolerance);
    }

    private static (decimal? Projection, int Points, int Window) RunRate(bool monthly, FinancialYear year, ReportingPeriod last, Func<ReportingPeriod, decimal?> valueOf)
    {
        var whole = ReportingPeriod.ForYear(year);
        var periods = (monthly ? whole.Months() : whole.Quarters()).Where(p => p <= last).ToList();
        var values = periods.Select(valueOf).OfType<decimal>().ToList();
        if (values.Count < MinimumPoints)
        {
            return (null, values.Count, periods.Count);
        }

        var perYear = monthly ? 12 : 4;
        return (values.Sum() / values.Count * perYear, values.Count, periods.Count);
    }

    private static (decimal? Projection, int Points, int Window) Trend(
        Aggregation aggregation, bool monthly, ReportingPeriod last, ReportingPeriod yearEnd, Func<ReportingPeriod, decimal?> valueOf)
    {
        var window = monthly ? TrendMonths : TrendQuarters;
        var points = new List<(decimal X, decimal Y)>();
        var period = last;
        for (var back = 0; back < window; back++)
        {
            if (valueOf(period) is { } y)
            {
                points.Add((-back, y));
            }

            period = period.Previous;
        }

        if (points.Count < MinimumPoints)
        {
            return (null, points.Count, window);
        }

        var line = LeastSquares(points);
        decimal At(ReportingPeriod p) => line.Intercept + (line.Slope * StepsAfter(last, p, monthly));
        var projection = monthly
            ? QuarterlyAggregator.Aggregate(aggregation, yearEnd, p => At(p)).Value
            : At(yearEnd);
        return (projection, points.Count, window);
    }

    private static (decimal Slope, decimal Intercept) LeastSquares(IReadOnlyList<(decimal X, decimal Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var slope = sxx == 0 ? 0m : sxy / sxx;
        return (slope, meanY - (slope * meanX));
    }

    // How many months (or quarters) p is after from.
    private static int StepsAfter(ReportingPeriod from, ReportingPeriod p, bool monthly)
    {
        var months = ((p.Start.Year - from.Start.Year) * 12) + (p.Start.Month - from.Start.Month);
        return monthly ? months : months / 3;
    }

    private static decimal WithinUnit(MeasureUnit unit, decimal value) => unit.Kind switch
    {
        UnitKind.Percent => Math.Clamp(value, 0m, 100m),
        UnitKind.Count or UnitKind.Days or UnitKind.Rate => Math.Max(value, 0m),
        _ => value,
    };

    // Last year's year-end figure, for a scheme that makes Red only when worse than last year.
    private static decimal? LastYearEnd(Measure measure, bool monthly, bool sum, FinancialYear lastYear, Func<ReportingPeriod, decimal?> valueOf)
    {
        var whole = ReportingPeriod.ForYear(lastYear);
        var q4 = ReportingPeriod.ForQuarter(lastYear, 4);
        if (sum)
        {
            var values = (monthly ? whole.Months() : whole.Quarters()).Select(valueOf).ToList();
            return values.All(v => v.HasValue) ? values.Sum() : null;
        }

        return monthly ? QuarterlyAggregator.Aggregate(measure.Aggregation, q4, valueOf).Value : valueOf(q4);
    }
}
