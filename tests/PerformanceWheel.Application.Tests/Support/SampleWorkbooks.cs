using PerformanceWheel.TestSupport;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Application.Tests.Support;

/// <summary>Import workbooks of measure and target rows (the three sheets an import needs, the others empty).</summary>
internal static class SampleWorkbooks
{
    public static object?[] MeasuresHeader => Row("Code", "Title", "Directorate", "Segment", "Polarity", "Unit", "Frequency", "Aggregation",
        "Tolerance", "Tolerance type", "Steady threshold", "Committees", "Discontinued from", "Description", "Decimal places");

    public static object?[] TargetsHeader => Row("Code", "Year", "Target", "Target low", "Target high", "Period");

    public static object?[] OutturnsHeader => Row("Code", "Period", "Value", "Status", "Provisional", "Commentary");

    public static TestWorkbook Measures(params object?[][] rows) =>
        new TestWorkbook().Sheet("Measures", [MeasuresHeader, .. rows]).Sheet("Targets", TargetsHeader).Sheet("Outturns", OutturnsHeader);

    public static TestWorkbook Targets(params object?[][] rows) =>
        new TestWorkbook().Sheet("Measures", MeasuresHeader).Sheet("Targets", [TargetsHeader, .. rows]).Sheet("Outturns", OutturnsHeader);
}
