using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Periods;

/// <summary>The UK financial year runs April to March and is labelled "2019/20".</summary>
public class FinancialYearContaining
{
    [Theory]
    [InlineData(2019, 4, 1, "2019/20")]
    [InlineData(2019, 9, 30, "2019/20")]
    [InlineData(2019, 12, 31, "2019/20")]
    [InlineData(2020, 1, 1, "2019/20")]
    [InlineData(2020, 3, 31, "2019/20")]
    [InlineData(2020, 4, 1, "2020/21")]
    [InlineData(2019, 3, 31, "2018/19")]
    [InlineData(2099, 4, 1, "2099/00")]
    public void PutsADateInTheYearFromAprilToMarch(int year, int month, int day, string expected)
    {
        FinancialYear.Containing(new DateOnly(year, month, day)).Label.ShouldBe(expected);
    }

    [Fact]
    public void RunsFromTheFirstOfAprilToTheThirtyFirstOfMarch()
    {
        var year = new FinancialYear(2019);

        year.FirstDay.ShouldBe(new DateOnly(2019, 4, 1));
        year.LastDay.ShouldBe(new DateOnly(2020, 3, 31));
        year.Previous.Label.ShouldBe("2018/19");
        year.Next.Label.ShouldBe("2020/21");
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2201)]
    public void RejectsAYearOutsideTheSupportedRange(int startYear)
    {
        Should.Throw<DomainException>(() => new FinancialYear(startYear));
    }
}
