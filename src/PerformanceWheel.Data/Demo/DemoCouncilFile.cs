namespace PerformanceWheel.Data.Demo;

// The shape of demo-council.json: the seed reports in ../shared/seeds turned into data (docs/demo-data.md).
#pragma warning disable CA1812 // instantiated by System.Text.Json
internal sealed record DemoCouncilFile(
    DemoCouncil Council,
    List<DemoDirectorate> Directorates,
    List<DemoCommittee> Committees,
    List<DemoPlan> Plans,
    List<DemoMeasure> Measures,
    List<DemoProject>? Projects,
    List<DemoCriticalItem>? CriticalItems,
    List<DemoBudgetLine>? Finance,
    List<DemoBudgetPosition>? OverallPosition);

internal sealed record DemoCouncil(string Name);

internal sealed record DemoDirectorate(string Name);

internal sealed record DemoCommittee(string Code, string Name);

internal sealed record DemoPlan(string Name, string FirstYear, string LastYear, List<DemoGroup> Groups);

internal sealed record DemoGroup(string Name, int Order, List<DemoSegment> Segments);

internal sealed record DemoSegment(string Code, string Title, string? Lead, List<string>? Committees, List<DemoAssessment>? Assessments);

internal sealed record DemoAssessment(string Period, string? JudgedRag, string? Rationale, string? Direction);

/// <summary>
/// A measure of the demo council. <c>DataNotes</c> are shown to readers on the measure page; <c>SourceNotes</c> say how the
/// figures were taken from the seed reports and are for developers only (docs/demo-data.md): the loader never stores them.
/// </summary>
internal sealed record DemoMeasure(
    string Code,
    string Title,
    string? Description,
    string? Unit,
    int? DecimalPlaces,
    string Polarity,
    string Frequency,
    string? Aggregation,
    string? ToleranceType,
    decimal? Tolerance,
    decimal? SteadyThreshold,
    string Directorate,
    string? Segment,
    List<string>? Committees,
    List<DemoBenchmark>? Benchmarks,
    string? DataNotes,
    string? SourceNotes,
    string? DiscontinuedFrom,
    List<DemoTarget>? Targets,
    List<DemoOutturn>? Outturns,
    List<DemoPublished>? Published);

internal sealed record DemoBenchmark(string Label, decimal Value, string? Period);

internal sealed record DemoTarget(string Year, decimal? Value, decimal? Low, decimal? High, string? Period);

internal sealed record DemoOutturn(string Period, decimal? Value, string? Status, bool? Provisional, string? Commentary);

/// <summary>A rating as printed in the source report, kept for the test that checks the rules reproduce it.</summary>
public sealed record DemoPublished(string Period, string? Rag, string? DirectionFromPrevious);

internal sealed record DemoProject(string Code, string Title, string Segment, List<DemoProjectUpdate> Updates);

internal sealed record DemoProjectUpdate(string Period, string Brag, string Direction, string? WorkingWell, string? Concerns, string? NextFocus);

internal sealed record DemoCriticalItem(string Measure, string Period, string Issue, string RemedialAction, string Owner);

internal sealed record DemoBudgetLine(string ServiceArea, string Period, decimal ApprovedBudget, decimal ForecastOutturn);

internal sealed record DemoBudgetPosition(string Period, decimal VarianceMillions, string? Rag);
#pragma warning restore CA1812
