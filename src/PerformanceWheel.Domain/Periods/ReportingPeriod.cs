using System.Globalization;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Periods;

/// <summary>
/// A month ("Sep-19"), quarter ("2019/20 Q2") or financial year ("2019/20").
/// <see cref="Number"/> counts from the start of the financial year: months 1 (April) to 12 (March), quarters 1 to 4, years 1.
/// <see cref="Code"/> is the stored form and sorts chronologically within a kind: "2019-09", "2019/20 Q2", "2019/20".
/// </summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private ReportingPeriod(PeriodKind kind, FinancialYear year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    public FinancialYear Year { get; }

    public int Number { get; }

    public static ReportingPeriod ForMonth(int calendarYear, int calendarMonth)
    {
        if (calendarMonth is < 1 or > 12)
        {
            throw new DomainException($"Month must be 1 to 12; got {calendarMonth}.");
        }

        var year = FinancialYear.Containing(new DateOnly(calendarYear, calendarMonth, 1));
        var number = calendarMonth >= 4 ? calendarMonth - 3 : calendarMonth + 9;
        return new ReportingPeriod(PeriodKind.Month, year, number);
    }

    public static ReportingPeriod ForQuarter(FinancialYear year, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new DomainException($"Quarter must be 1 to 4; got {quarter}.");
        }

        return new ReportingPeriod(PeriodKind.Quarter, year, quarter);
    }

    public static ReportingPeriod ForYear(FinancialYear year) => new(PeriodKind.Year, year, 1);

    /// <summary>First day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => Year.FirstDay.AddMonths(Number - 1),
        PeriodKind.Quarter => Year.FirstDay.AddMonths((Number - 1) * 3),
        _ => Year.FirstDay,
    };

    /// <summary>Last day of the period.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => Year.LastDay,
    };

    public int CalendarYear => Start.Year;

    public int CalendarMonth => Start.Month;

    /// <summary>What people read: "Sep-19", "2019/20 Q2", "2019/20".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => $"{MonthNames[CalendarMonth - 1]}-{CalendarYear % 100:D2}",
        PeriodKind.Quarter => $"{Year.Label} Q{Number}",
        _ => Year.Label,
    };

    /// <summary>The stored form, chronological within a kind: "2019-09", "2019/20 Q2", "2019/20".</summary>
    public string Code => Kind == PeriodKind.Month
        ? string.Create(CultureInfo.InvariantCulture, $"{CalendarYear:D4}-{CalendarMonth:D2}")
        : Label;

    /// <summary>The period before this one, of the same kind (for an annual period: the previous year).</summary>
    public ReportingPeriod Previous => Kind switch
    {
        PeriodKind.Month => Number == 1 ? new(Kind, Year.Previous, 12) : new(Kind, Year, Number - 1),
        PeriodKind.Quarter => Number == 1 ? new(Kind, Year.Previous, 4) : new(Kind, Year, Number - 1),
        _ => new(Kind, Year.Previous, 1),
    };

    /// <summary>The period after this one, of the same kind.</summary>
    public ReportingPeriod Next => Kind switch
    {
        PeriodKind.Month => Number == 12 ? new(Kind, Year.Next, 1) : new(Kind, Year, Number + 1),
        PeriodKind.Quarter => Number == 4 ? new(Kind, Year.Next, 1) : new(Kind, Year, Number + 1),
        _ => new(Kind, Year.Next, 1),
    };

    /// <summary>The same period a year earlier (for an annual period: the previous year).</summary>
    public ReportingPeriod SameLastYear => new(Kind, Year.Previous, Number);

    /// <summary>The quarter a month falls in; a quarter is its own quarter.</summary>
    public ReportingPeriod Quarter => Kind switch
    {
        PeriodKind.Month => new(PeriodKind.Quarter, Year, ((Number - 1) / 3) + 1),
        PeriodKind.Quarter => this,
        _ => throw new DomainException($"A financial year ({Label}) has no single quarter."),
    };

    /// <summary>The months of a quarter or year, in order; a month is just itself.</summary>
    public IReadOnlyList<ReportingPeriod> Months()
    {
        var year = Year;
        return Kind switch
        {
            PeriodKind.Month => [this],
            PeriodKind.Quarter => Enumerable.Range(((Number - 1) * 3) + 1, 3).Select(n => new ReportingPeriod(PeriodKind.Month, year, n)).ToArray(),
            _ => Enumerable.Range(1, 12).Select(n => new ReportingPeriod(PeriodKind.Month, year, n)).ToArray(),
        };
    }

    /// <summary>The quarters of a year; a quarter is itself.</summary>
    public IReadOnlyList<ReportingPeriod> Quarters()
    {
        var year = Year;
        return Kind switch
        {
            PeriodKind.Year => Enumerable.Range(1, 4).Select(n => new ReportingPeriod(PeriodKind.Quarter, year, n)).ToArray(),
            PeriodKind.Quarter => [this],
            _ => [Quarter],
        };
    }

    /// <summary>Every year, quarter and month of the financial years from..to, in that order per year.</summary>
    public static IReadOnlyList<ReportingPeriod> EveryPeriod(FinancialYear from, FinancialYear to)
    {
        var periods = new List<ReportingPeriod>();
        for (var fy = from; fy <= to; fy = fy.Next)
        {
            var whole = ForYear(fy);
            periods.Add(whole);
            periods.AddRange(whole.Quarters());
            periods.AddRange(whole.Months());
        }

        return periods;
    }

    /// <summary>Whether this period lies within (or is) the other one.</summary>
    public bool IsWithin(ReportingPeriod other) => Start >= other.Start && End <= other.End;

    /// <summary>Parses "2019/20 Q2", "Sep-19", "2019-09", "Sep 2019" or "2019/20".</summary>
    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new DomainException($"'{text}' is not a period; expected 2019/20 Q2, Sep-19, 2019-09 or 2019/20.");

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        // "2019/20 Q2"
        var q = t.IndexOf(" Q", StringComparison.OrdinalIgnoreCase);
        if (q > 0)
        {
            if (FinancialYear.TryParse(t[..q], out var fy)
                && t.Length == q + 3
                && t[q + 2] is >= '1' and <= '4')
            {
                period = ForQuarter(fy, t[q + 2] - '0');
                return true;
            }

            return false;
        }

        // "2019-09"
        if (t.Length == 7 && t[4] == '-'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var cy)
            && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cm)
            && cm is >= 1 and <= 12 && IsSupportedMonth(cy, cm))
        {
            period = ForMonth(cy, cm);
            return true;
        }

        // "Sep-19", "Sep 2019"
        if (t.Length >= 6 && t[3] is '-' or ' ')
        {
            var monthIndex = Array.FindIndex(MonthNames, m => m.Equals(t[..3], StringComparison.OrdinalIgnoreCase));
            var yearText = t.AsSpan(4);
            if (monthIndex >= 0 && int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                var calendarYear = yearText.Length switch { 2 => 2000 + y, 4 => y, _ => -1 };
                if (IsSupportedMonth(calendarYear, monthIndex + 1))
                {
                    period = ForMonth(calendarYear, monthIndex + 1);
                    return true;
                }
            }

            return false;
        }

        // "2019/20"
        if (FinancialYear.TryParse(t, out var year))
        {
            period = ForYear(year);
            return true;
        }

        return false;
    }

    // A month is supported when the financial year it falls in is.
    private static bool IsSupportedMonth(int calendarYear, int calendarMonth)
    {
        var startYear = calendarMonth >= 4 ? calendarYear : calendarYear - 1;
        return startYear is >= FinancialYear.MinStartYear and <= FinancialYear.MaxStartYear;
    }

    public int CompareTo(ReportingPeriod other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Kind.CompareTo(other.Kind);
    }

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}
