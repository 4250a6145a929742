using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Framework;

/// <summary>A measure's numbers share one number of decimals, enough that none is shown as a different number than the one that rates it.</summary>
public class FigureFormatDecimals
{
    [Fact]
    public void ATargetSetWithMoreDecimalsThanTheMeasureShowsThem()
    {
        var measure = MeasureBuilder.Quarterly().InUnit(MeasureUnit.Number).WithTarget("2019/20", "2.5").Build();
        measure.DecimalPlaces.ShouldBe(0);

        var format = FigureFormat.For(measure, [3m, 4m]);

        (format.Target(Target.Single(2.5m)), format.Value(3m), measure.Format(2.5m)).ShouldBe(("2.5", "3.0", "2.5"));
    }

    [Theory]
    [InlineData(1, "12.16", 2)]
    [InlineData(1, "12.1", 1)]
    [InlineData(2, "12.1", 2)]
    [InlineData(0, "12.000", 0)]
    [InlineData(1, "0.000001", 6)]
    public void TheMostDecimalsOfAnyNumberShownWin(int decimalPlaces, string figure, int expected)
    {
        FigureFormat.DecimalsFor(decimalPlaces, [decimal.Parse(figure, System.Globalization.CultureInfo.InvariantCulture), 80m]).ShouldBe(expected);
    }

    [Fact]
    public void AComputedAverageSetsNoDecimals()
    {
        FigureFormat.DecimalsFor(0, [10m / 3m, 2.5m]).ShouldBe(1);
    }

    [Fact]
    public void ARangeIsWrittenLowToHigh()
    {
        new FigureFormat(MeasureUnit.Percent, 1).Target(Target.Range(5m, 10.25m)).ShouldBe("5.0% to 10.3%");
    }
}
