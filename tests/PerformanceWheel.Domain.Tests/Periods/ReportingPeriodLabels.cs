using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Periods;

/// <summary>Quarters Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar; months "Sep-19"; years "2019/20".</summary>
public class ReportingPeriodLabels
{
    [Theory]
    [InlineData(1, "2019/20 Q1", "2019-04-01", "2019-06-30")]
    [InlineData(2, "2019/20 Q2", "2019-07-01", "2019-09-30")]
    [InlineData(3, "2019/20 Q3", "2019-10-01", "2019-12-31")]
    [InlineData(4, "2019/20 Q4", "2020-01-01", "2020-03-31")]
    public void LabelsAQuarterAndSpansItsThreeMonths(int quarter, string label, string start, string end)
    {
        var period = ReportingPeriod.ForQuarter(new FinancialYear(2019), quarter);

        period.Label.ShouldBe(label);
        period.Code.ShouldBe(label);
        period.Start.ShouldBe(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        period.End.ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2019, 9, "Sep-19", "2019-09", 6)]
    [InlineData(2019, 4, "Apr-19", "2019-04", 1)]
    [InlineData(2020, 3, "Mar-20", "2020-03", 12)]
    [InlineData(2020, 1, "Jan-20", "2020-01", 10)]
    public void LabelsAMonthLikeSep19AndStoresItLike2019Dash09(int year, int month, string label, string code, int numberInYear)
    {
        var period = ReportingPeriod.ForMonth(year, month);

        period.Label.ShouldBe(label);
        period.Code.ShouldBe(code);
        period.Number.ShouldBe(numberInYear);
    }

    [Fact]
    public void LabelsAnAnnualPeriodAsItsFinancialYear()
    {
        var period = ReportingPeriod.ForYear(new FinancialYear(2019));

        period.Label.ShouldBe("2019/20");
        period.Code.ShouldBe("2019/20");
        period.Start.ShouldBe(new DateOnly(2019, 4, 1));
        period.End.ShouldBe(new DateOnly(2020, 3, 31));
    }

    [Theory]
    [InlineData(2019, 9)]
    [InlineData(2020, 1)]
    [InlineData(1990, 4)]
    [InlineData(2201, 3)]
    public void ParsesAMonthsLabelAndCodeBackToTheSameMonthAcrossTheSupportedYears(int calendarYear, int calendarMonth)
    {
        var month = ReportingPeriod.ForMonth(calendarYear, calendarMonth);

        ReportingPeriod.Parse(month.Code).ShouldBe(month);
        ReportingPeriod.Parse($"{month.Label[..3]} {calendarYear}").ShouldBe(month);
    }

    [Theory]
    [InlineData("2019/20 Q2")]
    [InlineData("1990/91 Q1")]
    [InlineData("2019/20")]
    [InlineData("2200/01")]
    public void ParsesAQuarterOrYearLabelBackToTheSamePeriod(string label)
    {
        ReportingPeriod.Parse(label).Label.ShouldBe(label);
    }
}
