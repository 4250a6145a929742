using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Support;

/// <summary>A measure's outturns keyed by period, as the evaluator receives them.</summary>
internal static class OutturnTable
{
    public const string By = "tester";

    /// <summary>One outturn per row; a null value is recorded as TBC.</summary>
    public static Dictionary<ReportingPeriod, Outturn> Of(Measure measure, params (string Period, string? Value)[] rows)
    {
        var outturns = new Dictionary<ReportingPeriod, Outturn>();
        foreach (var (period, value) in rows)
        {
            var outturn = measure.NewOutturn(P(period));
            outturn.Record(DOrNull(value), value is null ? OutturnStatus.Tbc : null, false, null, By, DateTimeOffset.UnixEpoch);
            outturns.Add(outturn.Period, outturn);
        }

        return outturns;
    }

    /// <summary>A draft outturn with a value, for workflow tests.</summary>
    public static Outturn Draft(string period = "2019/20 Q2", string value = "50")
    {
        var measure = MeasureBuilder.Quarterly().Build();
        var outturn = measure.NewOutturn(P(period));
        outturn.Record(D(value), null, false, null, By, DateTimeOffset.UnixEpoch);
        return outturn;
    }
}
