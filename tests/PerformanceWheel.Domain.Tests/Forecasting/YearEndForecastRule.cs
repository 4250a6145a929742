using PerformanceWheel.Domain.Forecasting;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Forecasting;

/// <summary>
/// The year-end forecast: a sum at its run rate, a snapshot or average by the trend of its recent periods, rated by the
/// same RAG rule against the year-end target; none for annual measures, without a target, with too few figures.
/// </summary>
public class YearEndForecastRule
{
    // measure: "Monthly Sum", "Monthly YearToDate", "Monthly Snapshot", "Monthly Average", "Quarterly Snapshot", "Quarterly Sum", "Annual"
    // polarity: Higher, Lower, Range; unit: %, count, number; target: "90", "40-60", "Q4=400" (an override added to a year
    // target "300;Q4=400") or null; figures: "Apr-19=100 May-19=TBC ..."; outcome: G/A/R/B or the reason there is none.
    [Theory]
    // Sums at their run rate: year total against the sum of the quarters' targets (absolute tolerance summed too).
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Apr-19=100 May-19=100 Jun-19=100 Jul-19=100 Aug-19=100 Sep-19=100", "2019/20 Q2", "1200", "G", "run rate of 6 months to date")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Apr-19=98 May-19=98 Jun-19=98 Jul-19=98 Aug-19=98 Sep-19=98", "2019/20 Q2", "1176", "A", "run rate of 6 months to date")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Apr-19=95 May-19=95 Jun-19=95 Jul-19=95 Aug-19=95 Sep-19=95", "2019/20 Q2", "1140", "R", "run rate of 6 months to date")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "0", "Apr-19=100 May-19=100 Jun-19=99", "2019/20 Q1", "1196", "R", "run rate of 3 months to date")]
    [InlineData("Monthly Sum", "Lower", "count", "300", "10%", "Apr-19=110 May-19=110 Jun-19=110", "2019/20 Q1", "1320", "A", "run rate of 3 months to date")]
    [InlineData("Monthly Sum", "Lower", "count", "300", "10%", "Apr-19=111 May-19=110 Jun-19=110", "2019/20 Q1", "1324", "R", "run rate of 3 months to date")]
    [InlineData("Monthly Sum", "Lower", "count", "300", "10%", "Apr-19=90 May-19=90 Jun-19=90", "2019/20 Q1", "1080", "G", "run rate of 3 months to date")]
    [InlineData("Monthly Sum", "Higher", "count", "300;Q4=400", "10", "Apr-19=100 May-19=100 Jun-19=100 Jul-19=100 Aug-19=100 Sep-19=100", "2019/20 Q2", "1200", "R", "run rate of 6 months to date")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Apr-19=100 May-19=TBC Jun-19=100 Jul-19=100 Aug-19=100 Sep-19=100", "2019/20 Q2", "1200", "G", "run rate of 5 of 6 months to date")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Apr-19=100 May-19=100 Jun-19=100 Jul-19=100 Aug-19=100 Sep-19=500", "Aug-19", "1200", "G", "run rate of 5 months to date")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Apr-19=100 May-19=100", "May-19", null, "TooFewFigures", "No forecast: fewer than 3 figures")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Apr-19=100 May-19=TBC Jun-19=100", "2019/20 Q1", null, "TooFewFigures", "No forecast: fewer than 3 figures")]
    [InlineData("Monthly YearToDate", "Higher", "count", "1200", "10%", "Apr-19=110 May-19=110 Jun-19=110 Jul-19=110 Aug-19=110 Sep-19=110", "2019/20 Q2", "1320", "G", "run rate of 6 months to date")]
    [InlineData("Monthly YearToDate", "Higher", "count", "1200", "10%", "Apr-19=90 May-19=90 Jun-19=90", "2019/20 Q1", "1080", "A", "run rate of 3 months to date")]
    [InlineData("Quarterly Sum", "Higher", "count", "250", "0", "2019/20 Q1=240 2019/20 Q2=250 2019/20 Q3=260", "2019/20 Q3", "1000", "G", "run rate of 3 quarters to date")]
    [InlineData("Quarterly Sum", "Higher", "count", "250", "0", "2019/20 Q1=240 2019/20 Q2=250", "2019/20 Q2", null, "TooFewFigures", "No forecast: fewer than 3 figures")]
    // Snapshots and averages by the trend of their last 4 quarters or 6 months, to the year's last quarter.
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q3=80 2018/19 Q4=82 2019/20 Q1=84 2019/20 Q2=86", "2019/20 Q2", "90", "G", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q3=80 2018/19 Q4=81 2019/20 Q1=82 2019/20 Q2=83", "2019/20 Q2", "85", "R", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q3=86 2018/19 Q4=86 2019/20 Q1=86 2019/20 Q2=86", "2019/20 Q2", "86", "A", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q4=82 2019/20 Q1=84 2019/20 Q2=86", "2019/20 Q2", "90", "G", "trend of 3 of the last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2019/20 Q1=84 2019/20 Q2=86", "2019/20 Q2", null, "TooFewFigures", "No forecast: fewer than 3 figures")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q2=78 2018/19 Q3=TBC 2018/19 Q4=82 2019/20 Q1=84", "2019/20 Q1", "90", "G", "trend of 3 of the last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Lower", "%", "12", "0", "2018/19 Q3=20 2018/19 Q4=18 2019/20 Q1=16 2019/20 Q2=14", "2019/20 Q2", "10", "G", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Lower", "%", "12", "20%", "2018/19 Q3=14 2018/19 Q4=14 2019/20 Q1=14 2019/20 Q2=14", "2019/20 Q2", "14", "A", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Lower", "%", "12", "20%", "2018/19 Q3=11 2018/19 Q4=12 2019/20 Q1=13 2019/20 Q2=14", "2019/20 Q2", "16", "R", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Range", "%", "40-60", "10%", "2018/19 Q3=50 2018/19 Q4=55 2019/20 Q1=60 2019/20 Q2=65", "2019/20 Q2", "75", "R", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Range", "%", "40-60", "10%", "2018/19 Q3=48 2018/19 Q4=50 2019/20 Q1=52 2019/20 Q2=54", "2019/20 Q2", "58", "G", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q4=80 2019/20 Q1=82 2019/20 Q2=84 2019/20 Q3=86", "2019/20 Q3", "88", "A", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q2=80 2018/19 Q3=82 2018/19 Q4=84 2019/20 Q1=86", "Aug-19", "92", "G", "trend of last 4 quarters")]
    [InlineData("Monthly Snapshot", "Higher", "%", "90", "5%", "Apr-19=60 May-19=62 Jun-19=64 Jul-19=66 Aug-19=68 Sep-19=70", "2019/20 Q2", "82", "R", "trend of last 6 months")]
    [InlineData("Monthly Snapshot", "Higher", "%", "90", "5%", "Jul-19=84 Aug-19=84.5 Sep-19=85", "Sep-19", "88", "A", "trend of 3 of the last 6 months")]
    [InlineData("Monthly Average", "Lower", "number", "12", "0", "Apr-19=20 May-19=19 Jun-19=18 Jul-19=17 Aug-19=16 Sep-19=15", "2019/20 Q2", "10", "G", "trend of last 6 months")]
    [InlineData("Monthly Average", "Lower", "number", "12", "0", "Apr-19=10 May-19=11 Jun-19=12 Jul-19=13 Aug-19=14 Sep-19=15", "2019/20 Q2", "20", "R", "trend of last 6 months")]
    // Kept within the unit: a percentage no higher than 100, a count not below zero.
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2018/19 Q3=88 2018/19 Q4=92 2019/20 Q1=96 2019/20 Q2=100", "2019/20 Q2", "100", "G", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Lower", "%", "10", "5%", "2018/19 Q3=12 2018/19 Q4=8 2019/20 Q1=4 2019/20 Q2=1", "2019/20 Q2", "0", "G", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Lower", "count", "5", "0", "2018/19 Q3=30 2018/19 Q4=20 2019/20 Q1=10 2019/20 Q2=0", "2019/20 Q2", "0", "G", "trend of last 4 quarters")]
    [InlineData("Quarterly Snapshot", "Higher", "number", "5", "0", "2018/19 Q3=30 2018/19 Q4=20 2019/20 Q1=10 2019/20 Q2=0", "2019/20 Q2", "-20", "R", "trend of last 4 quarters")]
    // None: annual, no target, the year ended.
    [InlineData("Annual", "Higher", "%", "90", "5%", "2017/18=80 2018/19=85 2019/20=88", "2019/20 Q2", null, "AnnualMeasure", "No forecast: annual measure")]
    [InlineData("Quarterly Snapshot", "Higher", "%", null, "5%", "2018/19 Q3=80 2018/19 Q4=82 2019/20 Q1=84 2019/20 Q2=86", "2019/20 Q2", null, "NoTarget", "No forecast: no target for the year")]
    [InlineData("Monthly Sum", "Higher", "count", null, "10", "Apr-19=100 May-19=100 Jun-19=100", "2019/20 Q1", null, "NoTarget", "No forecast: no target for the year")]
    [InlineData("Quarterly Snapshot", "Higher", "%", "90", "5%", "2019/20 Q1=80 2019/20 Q2=82 2019/20 Q3=84 2019/20 Q4=86", "2019/20 Q4", null, "YearEnded", "No forecast: the year has ended")]
    [InlineData("Monthly Sum", "Higher", "count", "300", "10", "Jan-20=100 Feb-20=100 Mar-20=100", "Mar-20", null, "YearEnded", "No forecast: the year has ended")]
    public void ProjectsAndRatesTheYearEnd(
        string measure, string polarity, string unit, string? target, string tolerance, string figures, string asOf,
        string? expectedValue, string expectedOutcome, string expectedText)
    {
        var built = Build(measure, polarity, unit, target, tolerance);
        var values = Figures(figures);

        var forecast = YearEndForecaster.Forecast(built, p => values.GetValueOrDefault(p), P(asOf));

        forecast.Value.ShouldBe(DOrNull(expectedValue));
        if (expectedValue is null)
        {
            forecast.Reason.ShouldBe(Enum.Parse<NoForecastReason>(expectedOutcome));
            forecast.NoForecastText.ShouldBe(expectedText);
            forecast.MethodText.ShouldBeEmpty();
        }
        else
        {
            forecast.Rating.Status!.Value.Letter().ShouldBe(expectedOutcome);
            forecast.MethodText.ShouldBe(expectedText);
            forecast.Reason.ShouldBeNull();
        }
    }

    [Fact]
    public void RatesASumsYearTotalAgainstTheSumOfItsQuartersTargets()
    {
        var measure = Build("Monthly Sum", "Higher", "count", "300;Q4=400", "10");

        var forecast = YearEndForecaster.Forecast(measure, _ => 100m, P("2019/20 Q2"));

        forecast.Target.ShouldBe(Target.Single(1300m));
        forecast.Method.ShouldBe(ForecastMethod.RunRate);
    }

    [Fact]
    public void SaysSoWhenTheFiguresAreTooLargeToProject()
    {
        // Figures near the largest a database keeps (FigureNumbersOnSqlite): the trend's sums pass decimal's range.
        var measure = MeasureBuilder.Quarterly().WithTarget("2019/20", "90").Build();
        var values = new Dictionary<string, decimal> { ["2018/19 Q4"] = 1m, ["2019/20 Q1"] = 79_000_000_000_000_000_000_000_000_000m, ["2019/20 Q2"] = -79_000_000_000_000_000_000_000_000_000m };

        var forecast = YearEndForecaster.Forecast(measure, p => values.TryGetValue(p.Label, out var v) ? v : null, P("2019/20 Q2"));

        forecast.IsMade.ShouldBeFalse();
        forecast.Reason.ShouldBe(NoForecastReason.TooLargeToProject);
        forecast.NoForecastText.ShouldBe("No forecast: the figures are too large to project");
    }

    [Fact]
    public void MakesNoForecastForAMeasureDiscontinuedBeforeTheYearEnds()
    {
        var measure = MeasureBuilder.Quarterly().WithTarget("2019/20", "90").DiscontinuedFrom("2019/20 Q4").Build();

        var forecast = YearEndForecaster.Forecast(measure, _ => 85m, P("2019/20 Q2"));

        forecast.IsMade.ShouldBeFalse();
        forecast.Reason.ShouldBe(NoForecastReason.Discontinued);
    }

    [Fact]
    public void RatesUnderTheSchemeGiven()
    {
        var measure = Build("Quarterly Snapshot", "Higher", "%", "80", "5%");
        var values = Figures("2018/19 Q3=80 2018/19 Q4=84 2019/20 Q1=88 2019/20 Q2=92");

        var plain = YearEndForecaster.Forecast(measure, p => values.GetValueOrDefault(p), P("2019/20 Q2"));
        var blue = YearEndForecaster.Forecast(measure, p => values.GetValueOrDefault(p), P("2019/20 Q2"), RagScheme.Create(10m, false, SegmentRatingMethod.Majority));

        plain.Value.ShouldBe(100m);
        plain.Rating.Status.ShouldBe(RagStatus.Green);
        blue.Rating.Status.ShouldBe(RagStatus.Blue);
    }

    [Theory]
    [InlineData("70", "A")]
    [InlineData("90", "R")]
    [InlineData(null, "R")]
    public void RatesRedOnlyWhenWorseThanLastYearsYearEndUnderThatScheme(string? lastYearQ4, string expected)
    {
        var measure = Build("Quarterly Snapshot", "Higher", "%", "90", "0");
        var values = Figures("2018/19 Q3=80 2018/19 Q4=80 2019/20 Q1=80 2019/20 Q2=80");
        var scheme = RagScheme.Create(null, true, SegmentRatingMethod.Majority);
        values.Remove(P("2018/19 Q4"));
        if (lastYearQ4 is not null)
        {
            values[P("2018/19 Q4")] = D(lastYearQ4);
        }

        var forecast = YearEndForecaster.Forecast(measure, p => values.GetValueOrDefault(p), P("2019/20 Q2"), scheme);

        forecast.Rating.Status!.Value.Letter().ShouldBe(expected);
    }

    private static Measure Build(string measure, string polarity, string unit, string? target, string tolerance)
    {
        var words = measure.Split(' ');
        var builder = words[0] switch
        {
            "Monthly" => MeasureBuilder.Monthly(Enum.Parse<Aggregation>(words[1])),
            "Quarterly" => MeasureBuilder.Quarterly(),
            _ => MeasureBuilder.Annual(),
        };
        builder.WithPolarity(polarity switch
            {
                "Higher" => Polarity.HigherIsBetter,
                "Lower" => Polarity.LowerIsBetter,
                _ => Polarity.WithinRange,
            })
            .InUnit(unit switch
            {
                "%" => MeasureUnit.Percent,
                "count" => MeasureUnit.Count,
                _ => MeasureUnit.Number,
            })
            .WithTolerance(tolerance);
        foreach (var part in (target ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith('Q'))
            {
                builder.WithTargetFor($"2019/20 {part[..2]}", part[3..]);
            }
            else if (part.Contains('-', StringComparison.Ordinal))
            {
                builder.WithRangeTarget("2019/20", part.Split('-')[0], part.Split('-')[1]);
            }
            else
            {
                builder.WithTarget("2019/20", part);
            }
        }

        var built = builder.Build();
        if (words.Length > 1 && words[0] == "Quarterly")
        {
            built.Classify(built.Polarity, built.Frequency, Enum.Parse<Aggregation>(words[1]), built.Unit, built.DecimalPlaces);
        }

        return built;
    }

    // "Apr-19=100 May-19=TBC 2019/20 Q1=240": a TBC figure has no value.
    private static Dictionary<ReportingPeriod, decimal?> Figures(string text)
    {
        var values = new Dictionary<ReportingPeriod, decimal?>();
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (!token.Contains('=', StringComparison.Ordinal))
            {
                token = $"{token} {tokens[++i]}";
            }

            var (period, value) = (token[..token.IndexOf('=', StringComparison.Ordinal)], token[(token.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value != "TBC")
            {
                values[P(period)] = D(value);
            }
        }

        return values;
    }
}
