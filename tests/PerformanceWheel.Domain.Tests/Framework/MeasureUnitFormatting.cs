using PerformanceWheel.Domain.Framework;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Framework;

/// <summary>Values as a reader sees them in reports.</summary>
public class MeasureUnitFormatting
{
    [Theory]
    [InlineData("%", "84.8", 1, "84.8%")]
    [InlineData("%", "84.85", 1, "84.9%")]
    [InlineData("%", "84.75", 1, "84.8%")]
    [InlineData("%", "2.46", 2, "2.46%")]
    [InlineData("%", "100", 0, "100%")]
    [InlineData("£m", "3.2", 2, "£3.20m")]
    [InlineData("£m", "-19.541", 3, "-£19.541m")]
    [InlineData("£", "1610000", 0, "£1,610,000")]
    [InlineData("£", "-202000", 0, "-£202,000")]
    [InlineData("days", "12", 0, "12 days")]
    [InlineData("per 100,000", "18.7", 1, "18.7 per 100,000")]
    [InlineData("number", "4794", 0, "4,794")]
    [InlineData("count", "2.5", 0, "3")]
    public void FormatsAValueInItsUnit(string unit, string value, int decimals, string expected)
    {
        MeasureUnit.Parse(unit).Format(D(value), decimals).ShouldBe(expected);
    }
}
