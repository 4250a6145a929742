using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Framework;

public class MeasureUnitParsing
{
    [Theory]
    [InlineData("%", UnitKind.Percent, null, "%")]
    [InlineData("percent", UnitKind.Percent, null, "%")]
    [InlineData("£m", UnitKind.CurrencyMillions, null, "£m")]
    [InlineData("£", UnitKind.Currency, null, "£")]
    [InlineData("per 100,000", UnitKind.Rate, 100000, "per 100,000")]
    [InlineData("Per 1000", UnitKind.Rate, 1000, "per 1,000")]
    [InlineData("days", UnitKind.Days, null, "days")]
    [InlineData("Working days", UnitKind.Days, null, "days")]
    [InlineData("number", UnitKind.Number, null, "number")]
    [InlineData("count", UnitKind.Count, null, "count")]
    [InlineData("", UnitKind.Number, null, "number")]
    public void ReadsWhatPeopleType(string text, UnitKind kind, int? per, string label)
    {
        MeasureUnit.TryParse(text, out var unit).ShouldBeTrue();

        unit.Kind.ShouldBe(kind);
        unit.Per.ShouldBe(per);
        unit.Label.ShouldBe(label);
    }

    [Theory]
    [InlineData("junk")]
    [InlineData("per")]
    [InlineData("per 0")]
    [InlineData("per -5")]
    [InlineData("per lots")]
    [InlineData("%%")]
    public void RejectsWhatIsNotAUnit(string text)
    {
        MeasureUnit.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<DomainException>(() => MeasureUnit.Parse(text)).Message.ShouldContain("is not a unit");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-100)]
    public void ARateNeedsAPositiveBase(int? per)
    {
        Should.Throw<DomainException>(() => MeasureUnit.Create(UnitKind.Rate, per));
    }
}
