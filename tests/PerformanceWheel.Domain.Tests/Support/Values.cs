using System.Globalization;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Tests.Support;

/// <summary>Short ways to write exact values in rule tables: decimals, periods and tolerances as text.</summary>
internal static class Values
{
    /// <summary>An exact decimal from its invariant text ("89.99999999999999999999").</summary>
    public static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>An exact decimal, or null for missing.</summary>
    public static decimal? DOrNull(string? text) => text is null ? null : D(text);

    /// <summary>A period from any of its labels ("Sep-19", "2019/20 Q2", "2019/20", "2019-09").</summary>
    public static ReportingPeriod P(string text) => ReportingPeriod.Parse(text);

    public static FinancialYear Fy(string label) => FinancialYear.Parse(label);

    /// <summary>"5%" is a percent tolerance, "5" (or "±5") an absolute one, "0" none.</summary>
    public static Tolerance Tol(string text) => text.EndsWith('%')
        ? Tolerance.Percent(D(text.TrimEnd('%')))
        : Tolerance.Absolute(D(text.TrimStart('±')));

    /// <summary>A single target, or null for "no target set".</summary>
    public static Target? SingleTarget(string? value) => value is null ? null : Target.Single(D(value));
}
