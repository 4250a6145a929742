using PerformanceWheel.Domain.Common;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Periods;

public class ReportingPeriodQuartersAndMonths
{
    [Theory]
    [InlineData("Apr-19", "2019/20 Q1")]
    [InlineData("Jun-19", "2019/20 Q1")]
    [InlineData("Jul-19", "2019/20 Q2")]
    [InlineData("Sep-19", "2019/20 Q2")]
    [InlineData("Oct-19", "2019/20 Q3")]
    [InlineData("Dec-19", "2019/20 Q3")]
    [InlineData("Jan-20", "2019/20 Q4")]
    [InlineData("Mar-20", "2019/20 Q4")]
    [InlineData("2019/20 Q2", "2019/20 Q2")]
    public void FindsTheQuarterAMonthFallsIn(string month, string quarter)
    {
        P(month).Quarter.Label.ShouldBe(quarter);
    }

    [Fact]
    public void AYearHasNoSingleQuarter()
    {
        Should.Throw<DomainException>(() => P("2019/20").Quarter);
    }

    [Theory]
    [InlineData("2019/20 Q1", "Apr-19,May-19,Jun-19")]
    [InlineData("2019/20 Q2", "Jul-19,Aug-19,Sep-19")]
    [InlineData("2019/20 Q3", "Oct-19,Nov-19,Dec-19")]
    [InlineData("2019/20 Q4", "Jan-20,Feb-20,Mar-20")]
    [InlineData("2019/20", "Apr-19,May-19,Jun-19,Jul-19,Aug-19,Sep-19,Oct-19,Nov-19,Dec-19,Jan-20,Feb-20,Mar-20")]
    [InlineData("Sep-19", "Sep-19")]
    public void ListsTheMonthsOfAQuarterOrYearInOrder(string period, string months)
    {
        string.Join(',', P(period).Months().Select(m => m.Label)).ShouldBe(months);
    }

    [Fact]
    public void ListsTheQuartersOfAYearInOrder()
    {
        P("2019/20").Quarters().Select(q => q.Label).ShouldBe(["2019/20 Q1", "2019/20 Q2", "2019/20 Q3", "2019/20 Q4"]);
    }
}
