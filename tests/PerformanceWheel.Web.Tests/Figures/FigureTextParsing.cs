using PerformanceWheel.Application.Workflow;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Figures;

/// <summary>The one en-GB reader of typed figures: a comma only between thousands, a full stop for decimals, nothing the database cannot keep.</summary>
public class FigureTextParsing
{
    [Theory]
    [InlineData("84.8", "84.8")]
    [InlineData(" 84.8% ", "84.8")]
    [InlineData("£1,234.5", "1234.5")]
    [InlineData("1,234", "1234")]
    [InlineData("12,345,678.25", "12345678.25")]
    [InlineData("-3", "-3")]
    [InlineData("\u22123.5", "-3.5")]
    [InlineData("-£1,000", "-1000")]
    [InlineData("999999999999.999999", "999999999999.999999")]
    [InlineData(".5", "0.5")]
    public void ReadsNumbersAsPeopleInTheUkWriteThem(string text, string expected)
    {
        FigureText.TryParse(text, out var value, out var problem).ShouldBeTrue(problem);
        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("12,34")]
    [InlineData("95,3")]
    [InlineData("1,23,456")]
    [InlineData("1234,567")]
    [InlineData("1,234.5,6")]
    [InlineData(",5")]
    public void RefusesAnyOtherComma(string text)
    {
        FigureText.TryParse(text, out _, out var problem).ShouldBeFalse();
        problem.ShouldBe($"'{text}' is not a number: use a full stop for decimals (84.8), and commas only between thousands (1,234.5).");
    }

    [Theory]
    [InlineData("seventy", "'seventy' is not a number. Enter digits, such as 84.8.")]
    [InlineData("1e5", "'1e5' is not a number. Enter digits, such as 84.8.")]
    [InlineData("1.2.3", "'1.2.3' is not a number. Enter digits, such as 84.8.")]
    [InlineData("1000000000000", "1000000000000 is too large; figures are stored up to 999,999,999,999.999999 (12 digits before the decimal point).")]
    [InlineData("-1000000000000", "-1000000000000 is too large; figures are stored up to 999,999,999,999.999999 (12 digits before the decimal point).")]
    [InlineData("99999999999999999999999999999999", "99999999999999999999999999999999 is too large; figures are stored up to 999,999,999,999.999999 (12 digits before the decimal point).")]
    [InlineData("0.0000001", "0.0000001 has more than 6 decimal places; figures are stored to 6 decimal places.")]
    public void RefusesWhatIsNoNumberOrCannotBeKept(string text, string message)
    {
        FigureText.TryParse(text, out _, out var problem).ShouldBeFalse();
        problem.ShouldBe(message);
    }
}
