using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Outturns;

/// <summary>A figure's period: the measure's own kind, before it was discontinued, in a plan's years, not after the current quarter.</summary>
public class FigurePeriods
{
    // Plans 2016/17–2018/19 and 2019/20–2021/22; today 15 November 2019 (2019/20 Q3).
    private static readonly FigurePeriodRule Rule = FigurePeriodRule.For(
        [(Fy("2019/20"), Fy("2021/22")), (Fy("2016/17"), Fy("2018/19"))], new DateOnly(2019, 11, 15));

    [Theory]
    [InlineData("2019/20 Q3", null)]
    [InlineData("2016/17 Q1", null)]
    [InlineData("2019/20 Q4", "2019/20 Q4 has not started yet; figures can be recorded up to the current quarter, 2019/20 Q3.")]
    [InlineData("2099/00 Q1", "2099/00 Q1 is outside the framework's years (2016/17 to 2021/22); figures are recorded only for years a plan covers.")]
    [InlineData("2015/16 Q4", "2015/16 Q4 is outside the framework's years (2016/17 to 2021/22); figures are recorded only for years a plan covers.")]
    [InlineData("Dec-19", "X1 is reported quarterly; Dec-19 is not one of its periods.")]
    public void AQuarterlyMeasuresPeriods(string period, string? problem)
    {
        var measure = MeasureBuilder.Quarterly().Build();

        Rule.Problem(measure, P(period)).ShouldBe(problem);
    }

    [Theory]
    [InlineData("Dec-19", null)]
    [InlineData("Jan-20", "Jan-20 has not started yet; figures can be recorded up to the current quarter, 2019/20 Q3.")]
    public void AMonthInTheCurrentQuarterMayBeRecordedALaterOneMayNot(string period, string? problem)
    {
        Rule.Problem(MeasureBuilder.Monthly(PerformanceWheel.Domain.Rating.Aggregation.Snapshot).Build(), P(period)).ShouldBe(problem);
    }

    [Fact]
    public void TheCurrentYearOfAnAnnualMeasureMayBeRecorded()
    {
        Rule.Problem(MeasureBuilder.Annual().Build(), P("2019/20")).ShouldBeNull();
    }

    [Fact]
    public void NoPeriodFromTheOneAMeasureWasDiscontinued()
    {
        var measure = MeasureBuilder.Quarterly().DiscontinuedFrom("2019/20 Q2").Build();

        Rule.Problem(measure, P("2019/20 Q1")).ShouldBeNull();
        Rule.Problem(measure, P("2019/20 Q2")).ShouldBe("X1 was discontinued from 2019/20 Q2; 2019/20 Q2 is after its last period.");
    }

    [Fact]
    public void PlansWithAGapAreNamedEach()
    {
        var rule = FigurePeriodRule.For([(Fy("2016/17"), Fy("2017/18")), (Fy("2019/20"), Fy("2020/21"))], new DateOnly(2020, 5, 1));

        rule.Problem(MeasureBuilder.Quarterly().Build(), P("2018/19 Q2"))
            .ShouldBe("2018/19 Q2 is outside the framework's years (2016/17 to 2017/18, 2019/20 to 2020/21); figures are recorded only for years a plan covers.");
    }

    [Fact]
    public void WithoutAnyPlanOnlyTheClockLimitsTheYears()
    {
        var rule = FigurePeriodRule.For([], new DateOnly(2019, 11, 15));

        rule.Problem(MeasureBuilder.Quarterly().Build(), P("2001/02 Q1")).ShouldBeNull();
        rule.CurrentQuarter.ShouldBe(ReportingPeriod.Parse("2019/20 Q3"));
    }
}
