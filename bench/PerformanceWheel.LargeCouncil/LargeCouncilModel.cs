using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.LargeCouncil;

/// <summary>The large council held in memory: the entities as the database would return them, ids left at 0.</summary>
public sealed record LargeCouncilModel(
    int Scale,
    CouncilSettings Settings,
    IReadOnlyList<Committee> Committees,
    IReadOnlyList<Directorate> Directorates,
    Plan Plan,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<Outturn> Outturns,
    IReadOnlyDictionary<Measure, IReadOnlyDictionary<ReportingPeriod, Outturn>> OutturnsByMeasure,
    IReadOnlyList<SegmentAssessment> Assessments)
{
    public IReadOnlyDictionary<ReportingPeriod, Outturn> OutturnsOf(Measure measure) => OutturnsByMeasure[measure];
}
