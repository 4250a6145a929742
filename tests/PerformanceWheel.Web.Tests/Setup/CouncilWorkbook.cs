using PerformanceWheel.TestSupport;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>
/// The small council of the new-council journey (tests/PerformanceWheel.EndToEnd.Tests/NewCouncilJourneyOnSqlite) as one
/// workbook: a plan with two rings and four segments, two directorates, six measures with this year's targets, figures
/// for the quarter and the same quarter last year, a project with its update (two milestones), a budget line and the
/// budget position statement.
/// </summary>
internal static class CouncilWorkbook
{
    public const string Plan = "Riverside Plan";
    public const string Place = "Place and Environment";
    public const string People = "People and Communities";
    public const string ProjectCode = "RV-PRJ-01";
    public const string Quarter = "2026/27 Q2";
    public const string LastYearsQuarter = "2025/26 Q2";

    public static readonly (string Ring, int Order)[] Rings = [("Thriving places", 1), ("Healthy people", 2)];

    public static readonly (string Code, string Title, string Ring, int Order)[] Segments =
    [
        ("RS1", "Clean and green streets", "Thriving places", 1),
        ("RS2", "Homes and planning", "Thriving places", 2),
        ("RS3", "Independent lives", "Healthy people", 1),
        ("RS4", "Active communities", "Healthy people", 2),
    ];

    public static readonly (string Code, string Title, string Directorate, string Segment, string Unit, bool HigherIsBetter, decimal Tolerance, decimal Target, decimal Value, decimal LastYear)[] Measures =
    [
        ("RV-PE-01", "Household waste recycled", Place, "RS1", "%", true, 5, 50, 56, 48),
        ("RV-PE-02", "Planning decision time", Place, "RS2", "days", false, 5, 40, 43, 45),
        ("RV-PE-03", "Fly-tips cleared in 48h", Place, "RS1", "%", true, 2, 90, 80, 85),
        ("RV-PC-01", "Assessments in 45 days", People, "RS3", "%", true, 3, 85, 70, 60),
        ("RV-PC-02", "Days to fit adaptations", People, "RS4", "days", false, 10, 100, 95, 110),
        ("RV-PC-03", "Library satisfaction", People, "RS4", "%", true, 0, 80, 81, 78),
    ];

    public static object?[] PlansHeader => Row("Name", "First year", "Last year", "Retired");

    public static object?[] RingsHeader => Row("Plan", "Name", "Order");

    public static object?[] ProjectsHeader => Row("Code", "Title", "Segment", "Directorate", "Retired");

    public static object?[] UpdatesHeader => Row("Project", "Period", "BRAG", "Direction", "Areas of success", "Areas of concern", "Focus for next quarter",
        "Milestone", "Milestone due", "Milestone status");

    public static TestWorkbook Build(bool withFinance = true)
    {
        var workbook = new TestWorkbook()
            .Sheet("Plans", PlansHeader, Row(Plan, "2025/26", "2028/29", null))
            .Sheet("Rings", [RingsHeader, .. Rings.Select(r => Row(Plan, r.Ring, r.Order))])
            .Sheet("Segments", [Import.Samples.SegmentsHeader, .. Segments.Select(s => Row(s.Code, s.Title, s.Ring, s.Order))])
            .Sheet("Measures", [Import.Samples.MeasuresHeader, .. Measures.Select(m => Row(m.Code, m.Title, m.Directorate, m.Segment,
                m.HigherIsBetter ? "Higher is better" : "Lower is better", m.Unit, "Quarterly", "Snapshot", m.Tolerance, "Absolute", 0, null, null, null))])
            .Sheet("Targets", [Import.Samples.TargetsHeader, .. Measures.Select(m => Row(m.Code, "2026/27", m.Target, null, null, null))])
            .Sheet("Outturns", [Import.Samples.OutturnsHeader,
                .. Measures.Select(m => Row(m.Code, Quarter, m.Value, null, "N", null)),
                .. Measures.Select(m => Row(m.Code, LastYearsQuarter, m.LastYear, null, "N", null))])
            .Sheet("Projects", ProjectsHeader, Row(ProjectCode, "Riverside library refurbishment", "RS4", People, null))
            .Sheet("ProjectUpdates", UpdatesHeader,
                Row(ProjectCode, Quarter, "Green", "Progressing", "Design agreed with residents", "Contractor availability", "Start on site",
                    "Design signed off", new DateCell(new DateTime(2026, 7, 31)), "Achieved"),
                Row(ProjectCode, Quarter, null, null, null, null, null, "Library reopens", "31/03/2027", "On track"));
        return withFinance
            ? workbook.Sheet("BudgetLines", Row("Period", "Service area", "Approved budget", "Forecast outturn", "Remove"), Row(Quarter, "Environment and waste", 12.5, 13.1, null))
                .Sheet("BudgetPosition", Row("Period", "Variance", "Rating", "Commentary"), Row(Quarter, 0.6, "Amber", "Waste disposal costs above budget"))
            : workbook;
    }
}
