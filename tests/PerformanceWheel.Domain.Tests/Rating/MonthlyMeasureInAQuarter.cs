using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>A monthly measure asked for a quarter is reported by its aggregation; any month missing shows as incomplete.</summary>
public class MonthlyMeasureInAQuarter
{
    private static Measure MonthlyCount(Aggregation aggregation) => MeasureBuilder.Monthly(aggregation)
        .InUnit(MeasureUnit.Count)
        .WithTarget("2019/20", "300")
        .WithTolerance("10")
        .Build();

    [Fact]
    public void RatesTheQuartersSumWhenAllThreeMonthsAreIn()
    {
        var measure = MonthlyCount(Aggregation.Sum);
        var outturns = OutturnTable.Of(measure, ("Jul-19", "100"), ("Aug-19", "95"), ("Sep-19", "100"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.Period.Label.ShouldBe("2019/20 Q2");
        result.Value.ShouldBe(295m);
        result.Rating.Status.ShouldBe(RagStatus.Amber);
        result.IsIncomplete.ShouldBeFalse();
    }

    [Fact]
    public void ShowsAQuarterMissingAMonthAsIncompleteAndNamesTheMonth()
    {
        var measure = MonthlyCount(Aggregation.Sum);
        var outturns = OutturnTable.Of(measure, ("Jul-19", "150"), ("Sep-19", "150"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.Value.ShouldBeNull();
        result.Rating.Status.ShouldBeNull();
        result.Rating.Reason.ShouldBe(NotRatedReason.Incomplete);
        result.Rating.Describe().ShouldBe("Not rated: incomplete quarter");
        result.IsIncomplete.ShouldBeTrue();
        result.MissingMonths.Select(m => m.Label).ShouldBe(["Aug-19"]);
    }

    [Fact]
    public void ShowsAYearToDateQuarterMissingAnEarlierMonthAsIncomplete()
    {
        var measure = MonthlyCount(Aggregation.YearToDate);
        var outturns = OutturnTable.Of(measure, ("Apr-19", "50"), ("Jun-19", "50"), ("Jul-19", "50"), ("Aug-19", "50"), ("Sep-19", "50"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.Rating.Reason.ShouldBe(NotRatedReason.Incomplete);
        result.MissingMonths.Select(m => m.Label).ShouldBe(["May-19"]);
    }

    [Fact]
    public void ReportsNoValueRatherThanIncompleteWhenNoMonthIsRecorded()
    {
        var measure = MonthlyCount(Aggregation.Sum);

        var result = MeasureEvaluator.Evaluate(measure, new Dictionary<PerformanceWheel.Domain.Periods.ReportingPeriod, Outturn>(), P("2019/20 Q2"));

        result.Rating.Reason.ShouldBe(NotRatedReason.NoValue);
        result.MissingMonths.ShouldBeEmpty();
    }

    [Fact]
    public void ReportsASnapshotWhoseLastMonthIsMissingAsIncomplete()
    {
        var measure = MonthlyCount(Aggregation.Snapshot);
        var outturns = OutturnTable.Of(measure, ("Jul-19", "100"), ("Aug-19", "100"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.Value.ShouldBeNull();
        result.Rating.Reason.ShouldBe(NotRatedReason.Incomplete);
        result.MissingMonths.Select(m => m.Label).ShouldBe(["Sep-19"]);
    }

    [Fact]
    public void ReportsAMonthMarkedTbcAsNoValueWithItsStatus()
    {
        var measure = MonthlyCount(Aggregation.Sum);
        var outturns = OutturnTable.Of(measure, ("Jul-19", "100"), ("Aug-19", null), ("Sep-19", "100"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.Value.ShouldBeNull();
        result.Status.ShouldBe(OutturnStatus.Tbc);
        result.Rating.Reason.ShouldBe(NotRatedReason.NoValue);
    }

    [Fact]
    public void ReportsASnapshotAsTheQuartersLastMonth()
    {
        var measure = MonthlyCount(Aggregation.Snapshot);
        var outturns = OutturnTable.Of(measure, ("Jul-19", "10"), ("Aug-19", "20"), ("Sep-19", "300"));

        MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2")).Value.ShouldBe(300m);
    }

    [Theory]
    [InlineData("Sep-19", "Sep-19")]
    [InlineData("2019/20 Q2", "2019/20 Q2")]
    [InlineData("2019/20", "2019/20 Q4")]
    public void IsReportedForTheMonthTheQuarterOrTheYearsLastQuarter(string asked, string reported)
    {
        MeasureEvaluator.ReportingPeriodFor(MonthlyCount(Aggregation.Sum), P(asked)).Label.ShouldBe(reported);
    }

    [Theory]
    [InlineData("Aug-19", "2019/20 Q2")]
    [InlineData("2019/20 Q2", "2019/20 Q2")]
    public void AQuarterlyMeasureAskedForAMonthIsReportedForItsQuarter(string asked, string reported)
    {
        MeasureEvaluator.ReportingPeriodFor(MeasureBuilder.Quarterly().Build(), P(asked)).Label.ShouldBe(reported);
    }

    [Theory]
    [InlineData("Aug-19")]
    [InlineData("2019/20 Q3")]
    [InlineData("2019/20")]
    public void AnAnnualMeasureIsReportedForTheFinancialYear(string asked)
    {
        MeasureEvaluator.ReportingPeriodFor(MeasureBuilder.Annual().Build(), P(asked)).Label.ShouldBe("2019/20");
    }
}
