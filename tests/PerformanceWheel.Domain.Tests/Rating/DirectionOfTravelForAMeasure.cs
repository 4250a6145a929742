using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Rating;

/// <summary>Direction of travel is computed twice: against the previous period and against the same period last year.</summary>
public class DirectionOfTravelForAMeasure
{
    private static readonly MeasureBuilder QuarterlyPercent = MeasureBuilder.Quarterly()
        .WithTarget("2019/20", "90")
        .WithTolerance("5", steadyThreshold: "1");

    [Theory]
    [InlineData("85", "84", "80", Direction.Steady, Direction.Improving)]
    [InlineData("85", "83.9", "86.01", Direction.Improving, Direction.Declining)]
    [InlineData("85", "86.5", "86", Direction.Declining, Direction.Steady)]
    public void ComparesWithThePreviousQuarterAndTheSameQuarterLastYear(string current, string previous, string lastYear, Direction fromPrevious, Direction fromLastYear)
    {
        var measure = QuarterlyPercent.Build();
        var outturns = OutturnTable.Of(measure, ("2018/19 Q2", lastYear), ("2019/20 Q1", previous), ("2019/20 Q2", current));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.DirectionFromPrevious.ShouldBe(fromPrevious);
        result.DirectionFromLastYear.ShouldBe(fromLastYear);
        result.PreviousValue.ShouldBe(D(previous));
        result.LastYearValue.ShouldBe(D(lastYear));
        result.Rating.Status.ShouldBe(RagStatus.Amber);
    }

    [Fact]
    public void ComparesTheFirstQuarterWithTheLastQuarterOfThePreviousYear()
    {
        var measure = QuarterlyPercent.Build();
        var outturns = OutturnTable.Of(measure, ("2018/19 Q4", "80"), ("2019/20 Q1", "85"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q1"));

        result.DirectionFromPrevious.ShouldBe(Direction.Improving);
        result.DirectionFromLastYear.ShouldBeNull();
    }

    [Fact]
    public void HasNoDirectionWhenTheCurrentValueIsMissing()
    {
        var measure = QuarterlyPercent.Build();
        var outturns = OutturnTable.Of(measure, ("2018/19 Q2", "80"), ("2019/20 Q1", "85"), ("2019/20 Q2", null));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.DirectionFromPrevious.ShouldBeNull();
        result.DirectionFromLastYear.ShouldBeNull();
        result.Rating.Reason.ShouldBe(NotRatedReason.NoValue);
    }

    [Fact]
    public void ForAnAnnualMeasurePreviousAndLastYearAreTheSameYear()
    {
        var measure = MeasureBuilder.Annual().WithTarget("2019/20", "90").WithTolerance("5", "1").Build();
        var outturns = OutturnTable.Of(measure, ("2017/18", "60"), ("2018/19", "70"), ("2019/20", "75"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q3"));

        result.Period.Label.ShouldBe("2019/20");
        result.PreviousValue.ShouldBe(70m);
        result.LastYearValue.ShouldBe(70m);
        result.DirectionFromPrevious.ShouldBe(Direction.Improving);
        result.DirectionFromLastYear.ShouldBe(Direction.Improving);
    }

    [Fact]
    public void ComparesAMonthlyMeasuresQuarterWithThePreviousQuartersAggregate()
    {
        var measure = MeasureBuilder.Monthly(Aggregation.Average).WithTarget("2019/20", "90").WithTolerance("5", "1").Build();
        var outturns = OutturnTable.Of(measure,
            ("Apr-19", "90"), ("May-19", "90"), ("Jun-19", "93"),
            ("Jul-19", "80"), ("Aug-19", "80"), ("Sep-19", "80"));

        var result = MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2"));

        result.PreviousValue.ShouldBe(91m);
        result.Value.ShouldBe(80m);
        result.DirectionFromPrevious.ShouldBe(Direction.Declining);
        result.DirectionFromLastYear.ShouldBeNull();
        result.Rating.Status.ShouldBe(RagStatus.Red);
    }
}
