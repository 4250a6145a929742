using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Application.Tests.Support;

/// <summary>One measure as the form and as a workbook row give it, and what is stored and audited, as lines to compare.</summary>
internal static class Stored
{
    public static async Task<MeasureDraft> DraftAsync(Council council, string code) => new(
        code, "Visits", "About visits", null, "%", 1, Polarity.HigherIsBetter, Frequency.Quarterly, Aggregation.Snapshot,
        ToleranceType.Percent, 5, 0.5m, await council.DirectorateIdAsync(), await council.SegmentIdAsync(), [await council.CommitteeIdAsync()], null, null);

    public static object?[] ImportRow(string code, int? decimals = 1) =>
        Row(code, "Visits", Council.Directorate, "S1", "Higher is better", "%", "Quarterly", "Snapshot", 5, "Percent", 0.5, "P", null, "About visits", decimals);

    /// <summary>Every stored value of a measure, in one line to compare.</summary>
    public static string Measure(Measure? m)
    {
        m.ShouldNotBeNull();
        return string.Join(" | ", m.Code, m.Title, m.Description, m.DataNotes, m.Unit.Label, m.DecimalPlaces, m.Polarity, m.Frequency, m.Aggregation,
            m.ToleranceType, m.ToleranceValue.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
            m.SteadyThreshold.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), m.Directorate.Name, m.Segment?.Code,
            string.Join(",", m.Committees.Select(c => c.Code).Order(StringComparer.Ordinal)), m.DiscontinuedFrom?.Label, m.Benchmarks.Count);
    }

    /// <summary>What each audit entry says: who, when, action and changes.</summary>
    public static string[] Audit(IEnumerable<Domain.Audit.AuditEntry> entries) =>
        [.. entries.Select(a => $"{a.Action} | {a.Changes} | {a.User} | {a.At:O}")];
}
