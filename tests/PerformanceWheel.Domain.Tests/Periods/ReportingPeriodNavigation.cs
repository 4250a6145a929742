using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Periods;

/// <summary>Previous period and same period last year, for each frequency (annual: both are the previous year).</summary>
public class ReportingPeriodNavigation
{
    [Theory]
    [InlineData("Sep-19", "Aug-19")]
    [InlineData("Apr-19", "Mar-19")]
    [InlineData("Jan-20", "Dec-19")]
    [InlineData("2019/20 Q2", "2019/20 Q1")]
    [InlineData("2019/20 Q1", "2018/19 Q4")]
    [InlineData("2019/20", "2018/19")]
    public void PreviousCrossesYearBoundaries(string period, string previous)
    {
        P(period).Previous.Label.ShouldBe(previous);
    }

    [Theory]
    [InlineData("Aug-19", "Sep-19")]
    [InlineData("Mar-20", "Apr-20")]
    [InlineData("Dec-19", "Jan-20")]
    [InlineData("2019/20 Q4", "2020/21 Q1")]
    [InlineData("2019/20 Q3", "2019/20 Q4")]
    [InlineData("2019/20", "2020/21")]
    public void NextCrossesYearBoundaries(string period, string next)
    {
        P(period).Next.Label.ShouldBe(next);
    }

    [Theory]
    [InlineData("Sep-19", "Sep-18")]
    [InlineData("Mar-20", "Mar-19")]
    [InlineData("2019/20 Q2", "2018/19 Q2")]
    [InlineData("2019/20 Q4", "2018/19 Q4")]
    [InlineData("2019/20", "2018/19")]
    public void SameLastYearIsTwelveMonthsEarlier(string period, string lastYear)
    {
        P(period).SameLastYear.Label.ShouldBe(lastYear);
    }

    [Fact]
    public void ForAnAnnualPeriodPreviousAndSameLastYearAreBothThePreviousYear()
    {
        var year = P("2019/20");

        year.Previous.ShouldBe(year.SameLastYear);
        year.Previous.Label.ShouldBe("2018/19");
    }
}
