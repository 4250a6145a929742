using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Framework;

/// <summary>A refused change to a measure or its target names the value at fault, so forms and the import can show it beside that value.</summary>
public class RefusalsNameTheirField
{
    [Theory]
    [InlineData(DomainFields.DecimalPlaces)]
    [InlineData(DomainFields.SteadyThreshold)]
    [InlineData(DomainFields.Polarity)]
    [InlineData(DomainFields.Period)]
    [InlineData(DomainFields.Tolerance)]
    [InlineData(DomainFields.Unit)]
    [InlineData(DomainFields.Target)]
    [InlineData(DomainFields.TargetLow)]
    [InlineData(DomainFields.TargetHigh)]
    public void TheRefusalNamesTheValueAtFault(string field) =>
        Should.Throw<DomainException>(RefusedChange(field)).Field.ShouldBe(field);

    // A change refused because of that one value.
    private static Action RefusedChange(string field) => field switch
    {
        DomainFields.DecimalPlaces => () => MeasureBuilder.Quarterly().Build().Classify(Polarity.HigherIsBetter, Frequency.Quarterly, Aggregation.Snapshot, MeasureUnit.Percent, 7),
        DomainFields.SteadyThreshold => () => MeasureBuilder.Quarterly().Build().SetTolerance(Tolerance.None, -1),
        DomainFields.Polarity => () => MeasureBuilder.Quarterly().WithTarget("2019/20", "80").Build()
            .Classify(Polarity.WithinRange, Frequency.Quarterly, Aggregation.Snapshot, MeasureUnit.Percent, 1),
        DomainFields.Period => () => MeasureBuilder.Quarterly().Build().SetTarget(FinancialYear.Parse("2019/20"), ReportingPeriod.Parse("2020/21 Q1"), 80, null, null),
        DomainFields.Tolerance => () => Tolerance.Create(ToleranceType.Percent, -1),
        DomainFields.Unit => () => MeasureUnit.Parse("furlongs"),
        DomainFields.Target => () => Target.For(Polarity.HigherIsBetter, null, null, null),
        DomainFields.TargetLow => () => Target.For(Polarity.WithinRange, null, null, 5),
        DomainFields.TargetHigh => () => Target.For(Polarity.WithinRange, null, 10, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No refused change is written for this field."),
    };
}
