using PerformanceWheel.Domain.Periods;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Periods;

/// <summary>The stored code sorts chronologically within a kind, so the database can order by it.</summary>
public class ReportingPeriodCodeOrder
{
    [Theory]
    [InlineData("Mar-19,Apr-19,Sep-19,Dec-19,Jan-20,Mar-20,Apr-20")]
    [InlineData("2018/19 Q4,2019/20 Q1,2019/20 Q2,2019/20 Q3,2019/20 Q4,2020/21 Q1")]
    [InlineData("2017/18,2018/19,2019/20,2020/21")]
    [InlineData("2098/99,2099/00,2100/01")]
    public void SortsCodesChronologically(string chronological)
    {
        var periods = chronological.Split(',').Select(P).ToList();
        var shuffled = periods.AsEnumerable().Reverse().ToList();

        shuffled.OrderBy(p => p.Code, StringComparer.Ordinal).ShouldBe(periods);
        shuffled.Order().ShouldBe(periods);
    }

    [Fact]
    public void OrdersByStartThenMonthBeforeQuarterBeforeYear()
    {
        ReportingPeriod[] periods = [P("2019/20"), P("2019/20 Q1"), P("Apr-19"), P("Mar-19")];

        periods.Order().Select(p => p.Label).ShouldBe(["Mar-19", "Apr-19", "2019/20 Q1", "2019/20"]);
    }
}
