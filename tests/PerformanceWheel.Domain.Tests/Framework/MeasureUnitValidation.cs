using PerformanceWheel.Domain.Framework;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Framework;

/// <summary>Whether a value is possible in a unit: a percentage from 0 to 100; counts, days and rates not negative.</summary>
public class MeasureUnitValidation
{
    [Theory]
    [InlineData("%", "100.1", "A percentage must be between 0 and 100.")]
    [InlineData("%", "-1", "A percentage must be between 0 and 100.")]
    [InlineData("count", "-1", "A value in count cannot be negative.")]
    [InlineData("days", "-0.5", "A value in days cannot be negative.")]
    [InlineData("per 100,000", "-1", "A value in per 100,000 cannot be negative.")]
    public void NamesTheProblemWithAnImpossibleValue(string unit, string value, string problem)
    {
        MeasureUnit.Parse(unit).Validate(D(value)).ShouldBe(problem);
    }

    [Theory]
    [InlineData("%", "0")]
    [InlineData("%", "100")]
    [InlineData("count", "0")]
    [InlineData("£m", "-29.777")]
    [InlineData("£", "-1")]
    [InlineData("number", "-3.5")]
    public void AcceptsAPossibleValue(string unit, string value)
    {
        MeasureUnit.Parse(unit).Validate(D(value)).ShouldBeNull();
    }
}
