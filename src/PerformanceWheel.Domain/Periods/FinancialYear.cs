using System.Globalization;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Periods;

/// <summary>A UK financial year, April to March, labelled "2019/20" and identified by the calendar year it starts in.</summary>
public readonly record struct FinancialYear : IComparable<FinancialYear>
{
    public const int MinStartYear = 1990;
    public const int MaxStartYear = 2200;

    public FinancialYear(int startYear)
    {
        if (startYear is < MinStartYear or > MaxStartYear)
        {
            throw new DomainException($"Financial year must start between {MinStartYear} and {MaxStartYear}; got {startYear}.");
        }

        StartYear = startYear;
    }

    public int StartYear { get; }

    public int EndYear => StartYear + 1;

    public DateOnly FirstDay => new(StartYear, 4, 1);

    public DateOnly LastDay => new(EndYear, 3, 31);

    public string Label => $"{StartYear}/{EndYear % 100:D2}";

    public FinancialYear Previous => new(StartYear - 1);

    public FinancialYear Next => new(StartYear + 1);

    /// <summary>The financial year a date falls in.</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Parses "2019/20" (also "2019/2020" and "2019-20").</summary>
    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new DomainException($"'{text}' is not a financial year; expected a label such as 2019/20.");

    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length < 7)
        {
            return false;
        }

        var separator = t[4];
        if (separator is not ('/' or '-'))
        {
            return false;
        }

        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            return false;
        }

        var expectedEnd = t.Length == 7 ? (start + 1) % 100 : start + 1;
        if (t.Length is not (7 or 9) || end != expectedEnd || start is < MinStartYear or > MaxStartYear)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FinancialYear left, FinancialYear right) => left.CompareTo(right) < 0;

    public static bool operator >(FinancialYear left, FinancialYear right) => left.CompareTo(right) > 0;

    public static bool operator <=(FinancialYear left, FinancialYear right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FinancialYear left, FinancialYear right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}
