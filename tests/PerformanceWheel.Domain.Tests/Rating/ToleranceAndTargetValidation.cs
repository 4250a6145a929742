using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Rating;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Rating;

public class ToleranceAndTargetValidation
{
    [Theory]
    [InlineData(ToleranceType.Absolute)]
    [InlineData(ToleranceType.Percent)]
    public void RejectsANegativeTolerance(ToleranceType type)
    {
        Should.Throw<DomainException>(() => Tolerance.Create(type, -0.01m)).Message.ShouldBe("Tolerance must be zero or more; got -0.01.");
    }

    [Fact]
    public void RejectsAnUnknownToleranceType()
    {
        Should.Throw<DomainException>(() => Tolerance.Create((ToleranceType)9, 1m));
    }

    [Theory]
    [InlineData(ToleranceType.Percent, "5", "90", "4.5", "5%")]
    [InlineData(ToleranceType.Percent, "5", "-90", "4.5", "5%")]
    [InlineData(ToleranceType.Absolute, "2", "90", "2", "±2")]
    [InlineData(ToleranceType.Absolute, "0", "90", "0", "±0")]
    public void GivesTheAllowanceInTheMeasuresUnit(ToleranceType type, string value, string reference, string allowance, string shown)
    {
        var tolerance = Tolerance.Create(type, Support.Values.D(value));

        tolerance.AllowanceFor(Support.Values.D(reference)).ShouldBe(Support.Values.D(allowance));
        tolerance.ToString().ShouldBe(shown);
    }

    [Fact]
    public void RejectsARangeWhoseLowIsAboveItsHigh()
    {
        Should.Throw<DomainException>(() => Target.Range(20m, 10m)).Message.ShouldBe("Target low (20) must not be above target high (10).");
    }

    [Fact]
    public void AcceptsARangeOfOneValue()
    {
        Target.Range(10m, 10m).IsRange.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("10", null)]
    [InlineData(null, "20")]
    public void AWithinRangeTargetNeedsBothBounds(string? low, string? high)
    {
        Should.Throw<DomainException>(() => Target.For(Polarity.WithinRange, 15m, Support.Values.DOrNull(low), Support.Values.DOrNull(high)))
            .Message.ShouldBe("A Within range measure needs both a target low and a target high.");
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    public void ASingleTargetNeedsAValue(Polarity polarity)
    {
        Should.Throw<DomainException>(() => Target.For(polarity, null, 10m, 20m)).Message.ShouldBe("A target value is required.");
    }

    [Fact]
    public void BuildsTheTargetThatFitsThePolarity()
    {
        Target.For(Polarity.HigherIsBetter, 90m, null, null).ShouldBe(Target.Single(90m));
        Target.For(Polarity.WithinRange, null, 10m, 20m).ShouldBe(Target.Range(10m, 20m));
    }
}
