using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Framework;

/// <summary>The target in force for a period: one set for that very period, else the financial year's.</summary>
public class MeasureTargets
{
    [Theory]
    [InlineData("2019/20 Q1", "90")]
    [InlineData("2019/20 Q2", "95")]
    [InlineData("2019/20 Q4", "90")]
    public void APeriodTargetOverridesTheYearsTarget(string period, string expected)
    {
        var measure = MeasureBuilder.Quarterly().WithTarget("2019/20", "90").WithTargetFor("2019/20 Q2", "95").Build();

        measure.TargetFor(P(period)).ShouldBe(Target.Single(D(expected)));
    }

    [Fact]
    public void APeriodTargetChangesTheRating()
    {
        var measure = MeasureBuilder.Quarterly().WithTarget("2019/20", "90").WithTargetFor("2019/20 Q2", "95").WithTolerance("5").Build();
        var outturns = OutturnTable.Of(measure, ("2019/20 Q1", "92"), ("2019/20 Q2", "92"));

        MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q1")).Rating.Status.ShouldBe(RagStatus.Green);
        MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2")).Rating.Status.ShouldBe(RagStatus.Amber);
    }

    [Fact]
    public void HasNoTargetInAYearWithoutOne()
    {
        var measure = MeasureBuilder.Quarterly().WithTarget("2019/20", "90").Build();
        var outturns = OutturnTable.Of(measure, ("2020/21 Q1", "92"));

        measure.TargetFor(P("2020/21 Q1")).ShouldBeNull();
        MeasureEvaluator.Evaluate(measure, outturns, P("2020/21 Q1")).Rating.Describe().ShouldBe("Not rated: no target set");
    }

    [Fact]
    public void SettingTheYearsTargetAgainReplacesIt()
    {
        var measure = MeasureBuilder.Quarterly().WithTarget("2019/20", "90").WithTarget("2019/20", "92").Build();

        measure.Targets.Count.ShouldBe(1);
        measure.TargetFor(P("2019/20 Q3")).ShouldBe(Target.Single(92m));
    }

    [Fact]
    public void RejectsAPeriodOutsideTheTargetsYear()
    {
        var measure = MeasureBuilder.Quarterly().Build();

        Should.Throw<DomainException>(() => measure.SetTarget(Fy("2019/20"), P("2020/21 Q1"), 90m, null, null))
            .Message.ShouldBe("Period 2020/21 Q1 is not in financial year 2019/20.");
    }

    [Fact]
    public void AWithinRangeMeasureKeepsItsBand()
    {
        var measure = MeasureBuilder.Quarterly().WithPolarity(Polarity.WithinRange).Build();
        measure.SetTarget(Fy("2019/20"), null, null, 10m, 20m);

        measure.TargetFor(P("2019/20 Q2")).ShouldBe(Target.Range(10m, 20m));
    }
}
