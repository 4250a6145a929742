using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Periods;

public class FinancialYearParsing
{
    [Theory]
    [InlineData("2019/20", 2019)]
    [InlineData("2019/2020", 2019)]
    [InlineData("2019-20", 2019)]
    [InlineData(" 2019/20 ", 2019)]
    [InlineData("2099/00", 2099)]
    public void ReadsTheLabelsPeopleWrite(string text, int startYear)
    {
        FinancialYear.Parse(text).StartYear.ShouldBe(startYear);
    }

    [Theory]
    [InlineData("2019/21")]
    [InlineData("2019/2021")]
    [InlineData("2019")]
    [InlineData("19/20")]
    [InlineData("2019.20")]
    [InlineData("1989/90")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsWhatIsNotAFinancialYear(string? text)
    {
        FinancialYear.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<DomainException>(() => FinancialYear.Parse(text!)).Message.ShouldContain("not a financial year");
    }
}
