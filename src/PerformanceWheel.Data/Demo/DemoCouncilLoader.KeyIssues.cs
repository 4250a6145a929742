using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Data.Demo;

public sealed partial class DemoCouncilLoader
{
    // The directors' key issues for the demo's latest quarter, in the manner of seed 001's "key issues identified from each
    // Executive Directorate": a few directorates have written theirs, the others have not yet.
    private static readonly (string Directorate, string Text)[] LatestKeyIssues =
    [
        ("Adults Services",
            "The number of overdue assessments and reviews remains high and above target, driven by rising demand, complexity of need and workforce pressures.\n" +
            "A weekly operational assurance group now oversees the completion of assessments and reviews and tracks the backlog against its trajectory, reporting to the Safeguarding Adults Board."),
        ("Childrens Services",
            "The share of schools rated Inadequate is above the national benchmark, and primary and secondary attendance is below national levels.\n" +
            "The number of young people not in education, employment or training remains higher than last year; the service continues to plan school places in line with pupil forecasts."),
        ("Community Services",
            "Food hygiene inspections have fallen behind where staffing is short, especially in the east of the county.\n" +
            "Complaints have risen this quarter: a review of handling, resourcing and learning from complaints is under way."),
        ("Public Health",
            "Health visiting checks at 2½ years are below target because of low staff numbers; this is a key priority, linked to the best start in life strategy."),
    ];

    /// <summary>The demo directors' key issues for <see cref="LatestQuarter"/>.</summary>
    private static IEnumerable<DirectorateKeyIssues> KeyIssuesOf(Dictionary<string, Directorate> directorates)
    {
        var quarter = ReportingPeriod.Parse(LatestQuarter);
        foreach (var (name, text) in LatestKeyIssues)
        {
            var issues = new DirectorateKeyIssues(directorates[name], quarter);
            issues.Write(text, LoadedBy, LoadedAt);
            yield return issues;
        }
    }
}
