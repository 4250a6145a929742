using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Periods;

public class ReportingPeriodParsing
{
    [Theory]
    [InlineData("Sep-19", PeriodKind.Month, "Sep-19")]
    [InlineData("sep-19", PeriodKind.Month, "Sep-19")]
    [InlineData("2019-09", PeriodKind.Month, "Sep-19")]
    [InlineData("Sep 2019", PeriodKind.Month, "Sep-19")]
    [InlineData("Jan-20", PeriodKind.Month, "Jan-20")]
    [InlineData("2020-03", PeriodKind.Month, "Mar-20")]
    [InlineData("2019/20 Q2", PeriodKind.Quarter, "2019/20 Q2")]
    [InlineData("2019/20 Q4", PeriodKind.Quarter, "2019/20 Q4")]
    [InlineData(" 2019/20 Q1 ", PeriodKind.Quarter, "2019/20 Q1")]
    [InlineData("2019/20", PeriodKind.Year, "2019/20")]
    public void ReadsEachFormat(string text, PeriodKind kind, string label)
    {
        var period = ReportingPeriod.Parse(text);

        period.Kind.ShouldBe(kind);
        period.Label.ShouldBe(label);
    }

    [Theory]
    [InlineData("2019/21")]
    [InlineData("2019/20 Q5")]
    [InlineData("2019/20 Q0")]
    [InlineData("2019/20Q2")]
    [InlineData("2019/21 Q2")]
    [InlineData("Sept-19")]
    [InlineData("Sep-1")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("Q2")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void RejectsBadInput(string? text)
    {
        ReportingPeriod.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<DomainException>(() => ReportingPeriod.Parse(text!)).Message.ShouldContain("is not a period");
    }
}
