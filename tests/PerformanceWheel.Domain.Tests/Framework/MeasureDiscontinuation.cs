using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Framework;

/// <summary>A measure discontinued from a period is discontinued in that period and after it, not before.</summary>
public class MeasureDiscontinuation
{
    [Theory]
    [InlineData("2019/20 Q3", "2019/20 Q2", false)]
    [InlineData("2019/20 Q3", "2019/20 Q3", true)]
    [InlineData("2019/20 Q3", "2019/20 Q4", true)]
    [InlineData("2019/20 Q3", "2020/21 Q1", true)]
    [InlineData("2019/20 Q1", "2018/19 Q4", false)]
    [InlineData("2019/20 Q1", "2019/20 Q1", true)]
    public void IsDiscontinuedFromTheGivenPeriodOn(string from, string period, bool discontinued)
    {
        var measure = MeasureBuilder.Quarterly().DiscontinuedFrom(from).Build();

        measure.IsDiscontinuedIn(P(period)).ShouldBe(discontinued);
    }

    [Fact]
    public void AnActiveMeasureIsNeverDiscontinued()
    {
        MeasureBuilder.Quarterly().Build().IsDiscontinuedIn(P("2019/20 Q2")).ShouldBeFalse();
    }

    [Fact]
    public void ShowsBlueFromThePeriodItIsDiscontinuedAndRatesThePeriodBefore()
    {
        var measure = MeasureBuilder.Quarterly().WithTarget("2019/20", "90").WithTolerance("5").DiscontinuedFrom("2019/20 Q3").Build();
        var outturns = OutturnTable.Of(measure, ("2019/20 Q2", "70"));

        MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q2")).Rating.Status.ShouldBe(RagStatus.Red);
        MeasureEvaluator.Evaluate(measure, outturns, P("2019/20 Q3")).Rating.Status.ShouldBe(RagStatus.Blue);
    }

    [Fact]
    public void RejectsAnOutturnForAPeriodOfTheWrongFrequency()
    {
        var measure = MeasureBuilder.Quarterly().Build();

        Should.Throw<DomainException>(() => measure.NewOutturn(P("Sep-19"))).Message.ShouldBe("X1 is reported quarterly; Sep-19 is not one of its periods.");
    }
}
