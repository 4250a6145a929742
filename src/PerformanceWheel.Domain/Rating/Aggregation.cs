using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Rating;

/// <summary>How a monthly measure is reported for a quarter.</summary>
public enum Aggregation
{
    /// <summary>The quarter's last month.</summary>
    Snapshot = 1,

    /// <summary>The three months added.</summary>
    Sum = 2,

    /// <summary>The mean of the three months.</summary>
    Average = 3,

    /// <summary>The sum from April to the quarter's end.</summary>
    YearToDate = 4,
}

/// <summary>A quarterly value of a monthly measure, or the months that stop it being complete.</summary>
public readonly record struct QuarterlyValue(decimal? Value, IReadOnlyList<ReportingPeriod> MissingMonths)
{
    public bool IsComplete => MissingMonths.Count == 0;
}

/// <summary>Turns a monthly measure's values into its quarterly value. Any month missing → no value, never a partial.</summary>
public static class QuarterlyAggregator
{
    /// <summary>The months whose values the aggregation needs for the quarter.</summary>
    public static IReadOnlyList<ReportingPeriod> MonthsNeeded(Aggregation aggregation, ReportingPeriod quarter)
    {
        var q = quarter.Quarter;
        var months = q.Months();
        return aggregation switch
        {
            Aggregation.Snapshot => [months[^1]],
            Aggregation.YearToDate => ReportingPeriod.ForYear(q.Year).Months().Take(q.Number * 3).ToArray(),
            _ => months,
        };
    }

    public static QuarterlyValue Aggregate(Aggregation aggregation, ReportingPeriod quarter, Func<ReportingPeriod, decimal?> monthValue)
    {
        ArgumentNullException.ThrowIfNull(monthValue);
        var needed = MonthsNeeded(aggregation, quarter);
        var values = new List<decimal>(needed.Count);
        var missing = new List<ReportingPeriod>();
        foreach (var month in needed)
        {
            if (monthValue(month) is { } v)
            {
                values.Add(v);
            }
            else
            {
                missing.Add(month);
            }
        }

        if (missing.Count > 0)
        {
            return new QuarterlyValue(null, missing);
        }

        var value = aggregation switch
        {
            Aggregation.Snapshot => values[^1],
            Aggregation.Average => values.Sum() / values.Count,
            _ => values.Sum(),
        };
        return new QuarterlyValue(value, []);
    }
}
