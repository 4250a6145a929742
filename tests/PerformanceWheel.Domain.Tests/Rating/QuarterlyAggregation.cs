using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>
/// Snapshot = the quarter's last month; Sum = the three months added; Average = their mean; YearToDate = sum from
/// April to the quarter's end. Any month missing → no quarterly value, never a silent partial.
/// </summary>
public class QuarterlyAggregation
{
    // Apr-19 = 1, May-19 = 2, ... Mar-20 = 12: each month's value is its number in the year.
    private static readonly Func<ReportingPeriod, decimal?> MonthNumber = m => m.Number;

    [Theory]
    [InlineData(Aggregation.Snapshot, "2019/20 Q2", "6")]
    [InlineData(Aggregation.Sum, "2019/20 Q2", "15")]
    [InlineData(Aggregation.Average, "2019/20 Q2", "5")]
    [InlineData(Aggregation.YearToDate, "2019/20 Q2", "21")]
    [InlineData(Aggregation.Snapshot, "2019/20 Q1", "3")]
    [InlineData(Aggregation.YearToDate, "2019/20 Q1", "6")]
    [InlineData(Aggregation.Sum, "2019/20 Q4", "33")]
    [InlineData(Aggregation.YearToDate, "2019/20 Q4", "78")]
    public void AggregatesTheMonthsOfAQuarter(Aggregation aggregation, string quarter, string expected)
    {
        var result = QuarterlyAggregator.Aggregate(aggregation, P(quarter), MonthNumber);

        result.Value.ShouldBe(D(expected));
        result.IsComplete.ShouldBeTrue();
        result.MissingMonths.ShouldBeEmpty();
    }

    [Fact]
    public void AveragesWithoutRounding()
    {
        var values = new Dictionary<string, decimal> { ["Jul-19"] = 1m, ["Aug-19"] = 1m, ["Sep-19"] = 2m };

        var result = QuarterlyAggregator.Aggregate(Aggregation.Average, P("2019/20 Q2"), m => values[m.Label]);

        result.Value.ShouldBe(4m / 3m);
    }

    [Theory]
    [InlineData(Aggregation.Sum, "Aug-19", "Aug-19")]
    [InlineData(Aggregation.Average, "Jul-19", "Jul-19")]
    [InlineData(Aggregation.Snapshot, "Sep-19", "Sep-19")]
    [InlineData(Aggregation.YearToDate, "May-19", "May-19")]
    [InlineData(Aggregation.Sum, "Jul-19,Sep-19", "Jul-19,Sep-19")]
    public void GivesNoValueAndListsTheMissingMonthsWhenAnyNeededMonthIsMissing(Aggregation aggregation, string absent, string missing)
    {
        var absentMonths = absent.Split(',');

        var result = QuarterlyAggregator.Aggregate(aggregation, P("2019/20 Q2"), m => absentMonths.Contains(m.Label) ? null : 5m);

        result.Value.ShouldBeNull();
        result.IsComplete.ShouldBeFalse();
        result.MissingMonths.Select(m => m.Label).ShouldBe(missing.Split(','));
    }

    [Fact]
    public void ASnapshotNeedsOnlyTheLastMonth()
    {
        var result = QuarterlyAggregator.Aggregate(Aggregation.Snapshot, P("2019/20 Q2"), m => m.Label == "Sep-19" ? 42m : null);

        result.Value.ShouldBe(42m);
    }

    [Theory]
    [InlineData(Aggregation.Snapshot, "Sep-19")]
    [InlineData(Aggregation.Sum, "Jul-19,Aug-19,Sep-19")]
    [InlineData(Aggregation.Average, "Jul-19,Aug-19,Sep-19")]
    [InlineData(Aggregation.YearToDate, "Apr-19,May-19,Jun-19,Jul-19,Aug-19,Sep-19")]
    public void NamesTheMonthsEachAggregationNeeds(Aggregation aggregation, string months)
    {
        QuarterlyAggregator.MonthsNeeded(aggregation, P("2019/20 Q2")).Select(m => m.Label).ShouldBe(months.Split(','));
    }
}
