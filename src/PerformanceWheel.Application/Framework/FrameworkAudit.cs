using System.Globalization;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// How a framework change is written in the audit trail, wherever it is made (the admin pages, the import): each thing
/// described as field → value, and a change as "Field: old → new" joined by "; ".
/// </summary>
public static class FrameworkAudit
{
    private const int AuditValueLength = 200;

    /// <summary>A target as the pages and the audit trail show it: "80", or "10–20" for a range.</summary>
    public static string TargetText(MeasureTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Low is { } low && target.High is { } high
            ? $"{Number(low)}–{Number(high)}"
            : target.Value is { } value ? Number(value) : "–";
    }

    /// <summary>Benchmarks as the form shows them, one per line.</summary>
    public static string BenchmarksText(IEnumerable<(string Label, decimal Value, string? Period)> benchmarks) =>
        string.Join("\n", benchmarks.Select(b => b.Period is null
            ? $"{b.Label} | {Number(b.Value)}"
            : $"{b.Label} | {Number(b.Value)} | {b.Period}"));

    /// <summary>What changed between two descriptions, as "Field: old → new" joined by "; " (a new thing: every field it has).</summary>
    internal static string ChangesText(Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        var changes = before is null
            ? after.Where(kv => kv.Value != "–").Select(kv => $"{kv.Key}: {kv.Value}")
            : after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key}: {before.GetValueOrDefault(kv.Key, "–")} → {kv.Value}");
        return string.Join("; ", changes);
    }

    /// <summary>The audit entry for a change (null when nothing changed), in the form every framework change is recorded.</summary>
    internal static AuditEntry? Audit(string by, DateTimeOffset at, string action, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        var text = ChangesText(before, after);
        return before is null || text.Length > 0
            ? new AuditEntry(by, at, action, entityType, Shorten(key, Lengths.Label), text.Length == 0 ? null : Shorten(text, Lengths.Text))
            : null;
    }

    /// <summary>Created, Retired (when this change retires it) or Updated.</summary>
    internal static string ActionFor(Dictionary<string, string>? before, bool retiredNow) =>
        before is null ? "Created" : retiredNow && before["Retired"] == "No" ? "Retired" : "Updated";

    internal static Dictionary<string, string> Describe(Measure m) => new()
    {
        ["Code"] = m.Code,
        ["Title"] = Value(m.Title),
        ["Description"] = Value(m.Description),
        ["Data notes"] = Value(m.DataNotes),
        ["Unit"] = m.Unit.Label,
        ["Decimal places"] = m.DecimalPlaces.ToString(CultureInfo.InvariantCulture),
        ["Polarity"] = m.Polarity.ToString(),
        ["Frequency"] = m.Frequency.ToString(),
        ["Aggregation"] = m.Aggregation.ToString(),
        ["Tolerance"] = m.ToleranceType == ToleranceType.Percent ? Number(m.ToleranceValue) + "%" : "±" + Number(m.ToleranceValue),
        ["Steady threshold"] = Number(m.SteadyThreshold),
        ["Directorate"] = m.Directorate.Name,
        ["Segment"] = m.Segment?.Code ?? "–",
        ["Committees"] = Value(string.Join(", ", m.Committees.Select(c => c.Code).Order(StringComparer.Ordinal))),
        ["Benchmarks"] = Value(BenchmarksText(m.Benchmarks.Select(b => (b.Label, b.Value, b.Period))).Replace("\n", " / ", StringComparison.Ordinal)),
        ["Discontinued from"] = m.DiscontinuedFrom?.Label ?? "–",
    };

    internal static Dictionary<string, string> Describe(Directorate d) => new() { ["Name"] = d.Name, ["Retired"] = YesNo(d.IsRetired) };

    internal static Dictionary<string, string> Describe(Committee c) => new() { ["Code"] = c.Code, ["Name"] = c.Name, ["Retired"] = YesNo(c.IsRetired) };

    internal static Dictionary<string, string> Describe(Plan p) => new()
    {
        ["Name"] = p.Name,
        ["First year"] = p.FirstYear.Label,
        ["Last year"] = p.LastYear.Label,
        ["Retired"] = YesNo(p.IsRetired),
    };

    internal static Dictionary<string, string> Describe(SegmentGroup g) => new() { ["Name"] = g.Name, ["Order"] = g.Order.ToString(CultureInfo.InvariantCulture) };

    internal static Dictionary<string, string> Describe(Segment s) => new()
    {
        ["Code"] = s.Code,
        ["Title"] = Value(s.Title),
        ["Lead"] = Value(s.Lead),
        ["Order"] = s.Order.ToString(CultureInfo.InvariantCulture),
        ["Committees"] = Value(string.Join(", ", s.Committees.Select(c => c.Code).Order(StringComparer.Ordinal))),
        ["Retired"] = YesNo(s.IsRetired),
    };

    internal static Dictionary<string, string> Describe(Project p) => new()
    {
        ["Code"] = p.Code,
        ["Title"] = Value(p.Title),
        ["Segment"] = p.Segment.Code,
        ["Directorate"] = p.Directorate?.Name ?? "–",
        ["Retired"] = YesNo(p.IsRetired),
    };

    /// <summary>A number without trailing zeros, so 2 and 2.0 (as a database may return it) read the same.</summary>
    internal static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    internal static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string Value(string? text) => string.IsNullOrEmpty(text) ? "–" : Shorten(text, AuditValueLength);
}
