using PerformanceWheel.Domain.Finance;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Finance;

/// <summary>Variance = forecast − budget (positive is an overspend), and as a whole percent of the budget (seed 004, Q4 2016/17).</summary>
public class BudgetVariance
{
    [Theory]
    [InlineData("Adult Services", "317.674", "322.015", "4.341", 1)]
    [InlineData("Public Health & Wellbeing", "28.860", "24.661", "-4.199", -15)]
    [InlineData("Chief Executive", "30.603", "0.826", "-29.777", -97)]
    [InlineData("Total", "713.020", "693.479", "-19.541", -3)]
    [InlineData("Balanced", "10", "10", "0", 0)]
    [InlineData("Half a percent over", "200", "201", "1", 1)]
    [InlineData("Half a percent under", "200", "199", "-1", -1)]
    public void ComputesVarianceAndPercentOfBudget(string serviceArea, string budget, string forecast, string variance, int percent)
    {
        var line = new BudgetLine(serviceArea, P("2016/17 Q4"), D(budget), D(forecast));

        line.Variance.ShouldBe(D(variance));
        line.VariancePercent.ShouldBe(percent);
    }

    [Fact]
    public void HasNoPercentForAZeroBudget()
    {
        var line = new BudgetLine("New service", P("2016/17 Q4"), 0m, 1.5m);

        line.Variance.ShouldBe(1.5m);
        line.VariancePercent.ShouldBeNull();
    }

    [Theory]
    [InlineData("2.1", "Overspend")]
    [InlineData("-0.4", "Underspend")]
    [InlineData("0", "Balanced")]
    public void DescribesTheCouncilsOverallPosition(string varianceMillions, string expected)
    {
        new BudgetPosition(P("2019/20 Q2"), D(varianceMillions), null, null).Describe().ShouldBe(expected);
    }
}
