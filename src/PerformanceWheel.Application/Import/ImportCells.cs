using System.Globalization;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// Reads the typed values of the format from cells, liberally: periods as labels, "Q2 2019/20", month names or dates
/// (a date cell means its month); numbers as numbers or as text with %, £ and thousands commas; Y/N in several spellings.
/// Each reader returns the value or the message to show for the cell.
/// </summary>
internal static class ImportCells
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // Excel serial numbers of 1 April 1990 and 31 March 2201: a plain number in that range in a Period column is a date.
    private const double FirstSerial = 32964;
    private const double LastSerial = 110325;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy",
        "d MMM yyyy", "d MMMM yyyy", "dd-MMM-yy", "d-MMM-yy", "dd-MMM-yyyy", "d-MMM-yyyy", "MMM yyyy", "MMMM yyyy", "MMMM-yy", "MMMM yy",
        "MMM-yyyy", "MMMM-yyyy",
    ];

    public const string PeriodHelp = "expected 2019/20 Q2, Sep-19, 2019-09 or 2019/20";

    /// <summary>A number in a measure's unit; a percent-formatted cell is multiplied by 100 when <paramref name="percentUnit"/>.</summary>
    public static (decimal? Value, string? Problem) Number(SheetCell cell, bool percentUnit)
    {
        switch (cell.Kind)
        {
            case CellKind.Blank:
                return (null, null);
            case CellKind.Number:
                try
                {
                    var value = (decimal)cell.Number;
                    if (cell.IsPercent && percentUnit)
                    {
                        value *= 100m;
                    }

                    value = Tidy(value);
                    return StoredNumber.Problem(value) is { } tooLarge ? (null, tooLarge) : (value, null);
                }
                catch (OverflowException)
                {
                    return (null, StoredNumber.TooLarge(cell.AsText() ?? string.Empty));
                }

            case CellKind.Text:
                if (string.IsNullOrWhiteSpace(cell.Text))
                {
                    return (null, null);
                }

                return FigureText.TryParse(cell.Text, out var parsed, out var problem)
                    ? (Tidy(parsed), null)
                    : (null, problem);
            default:
                return (null, Unreadable(cell) ?? FigureText.NotANumber(cell.AsText() ?? string.Empty));
        }
    }

    /// <summary>The message for a cell that holds no usable value (an Excel error, a formula without a result, a TRUE/FALSE).</summary>
    public static string? Unreadable(SheetCell cell) => cell.Kind switch
    {
        CellKind.Error => $"The cell shows the Excel error {cell.Text}; put a value there instead.",
        CellKind.NoResult => "The cell has a formula without a saved result; open the workbook in Excel, let it calculate and save it again.",
        CellKind.Boolean => $"'{cell.AsText()}' is not a number. Enter digits, such as 84.8.",
        _ => null,
    };

    /// <summary>Text, trimmed; null when blank. Excel errors and formulas without results are problems.</summary>
    public static (string? Text, string? Problem) Text(SheetCell cell) =>
        cell.Kind is CellKind.Error or CellKind.NoResult ? (null, Unreadable(cell)) : (cell.AsText(), null);

    /// <summary>A period: a label, "Q2 2019/20", a month name and year, a date (text or a date cell: its month).</summary>
    public static (ReportingPeriod? Period, string? Problem) Period(SheetCell cell)
    {
        if (cell.IsBlank)
        {
            return (null, null);
        }

        if (cell.Kind == CellKind.Number)
        {
            if (cell.IsDate || (cell.Number >= FirstSerial && cell.Number <= LastSerial && cell.Number == Math.Floor(cell.Number)))
            {
                var date = DateTime.FromOADate(cell.Number);
                return (ReportingPeriod.ForMonth(date.Year, date.Month), null);
            }

            return (null, $"'{cell.AsText()}' is not a period; {PeriodHelp}.");
        }

        if (Unreadable(cell) is { } unreadable)
        {
            return (null, unreadable);
        }

        var text = cell.AsText()!;
        return TryPeriod(text, out var period) ? (period, null) : (null, $"'{text}' is not a period; {PeriodHelp}.");
    }

    public static bool TryPeriod(string text, out ReportingPeriod period)
    {
        var t = string.Join(' ', text.Replace('\u00A0', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (ReportingPeriod.TryParse(t, out period))
        {
            return true;
        }

        // "Q2 2019/20", "2019/20Q2", "2019/20 - Q2"
        var upper = t.ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-Q", "Q", StringComparison.Ordinal);
        if (upper.Length >= 9 && upper[0] == 'Q' && upper[1] is >= '1' and <= '4' && FinancialYear.TryParse(upper[2..], out var fy))
        {
            period = ReportingPeriod.ForQuarter(fy, upper[1] - '0');
            return true;
        }

        var q = upper.LastIndexOf('Q');
        if (q > 0 && q == upper.Length - 2 && upper[^1] is >= '1' and <= '4' && FinancialYear.TryParse(upper[..q], out var fy2))
        {
            period = ReportingPeriod.ForQuarter(fy2, upper[^1] - '0');
            return true;
        }

        // Month names and dates: "September 2019", "Sept-19", "01/09/2019", "2019-09-01"
        var shortened = t.Length > 4 && t.StartsWith("Sept", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("September", StringComparison.OrdinalIgnoreCase) ? "Sep" + t[4..] : t;
        if (DateTime.TryParseExact(shortened, DateFormats, English, DateTimeStyles.AllowWhiteSpaces, out var date)
            && date.Year is >= FinancialYear.MinStartYear and < FinancialYear.MaxStartYear)
        {
            period = ReportingPeriod.ForMonth(date.Year, date.Month);
            return true;
        }

        period = default;
        return false;
    }

    /// <summary>A financial year: "2019/20", "2019/2020", "2019-20", "FY 2019/20"; a date cell means the year it falls in.</summary>
    public static (FinancialYear? Year, string? Problem) Year(SheetCell cell)
    {
        if (cell.IsBlank)
        {
            return (null, null);
        }

        if (cell.Kind == CellKind.Number && cell.IsDate)
        {
            var date = DateTime.FromOADate(cell.Number);
            return (FinancialYear.Containing(DateOnly.FromDateTime(date)), null);
        }

        if (Unreadable(cell) is { } unreadable)
        {
            return (null, unreadable);
        }

        var text = cell.AsText()!;
        var t = text.Trim();
        if (t.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..].Trim();
        }

        return FinancialYear.TryParse(t.Replace(" ", string.Empty, StringComparison.Ordinal), out var year)
            ? (year, null)
            : (null, $"'{text}' is not a financial year; expected a label such as 2019/20.");
    }

    /// <summary>Y/N (Yes/No, True/False, 1/0, a TRUE/FALSE cell); blank is N.</summary>
    public static (bool Value, string? Problem) YesNo(SheetCell cell)
    {
        if (cell.IsBlank)
        {
            return (false, null);
        }

        if (cell.Kind == CellKind.Boolean)
        {
            return (cell.Number != 0, null);
        }

        if (Unreadable(cell) is { } unreadable)
        {
            return (false, unreadable);
        }

        var text = cell.AsText()!.Trim();
        return text.ToUpperInvariant() switch
        {
            "Y" or "YES" or "TRUE" or "1" => (true, null),
            "N" or "NO" or "FALSE" or "0" => (false, null),
            _ => (false, $"'{text}' is not Y or N."),
        };
    }

    /// <summary>A whole number (for Order and Decimal places).</summary>
    public static (int? Value, string? Problem) WholeNumber(SheetCell cell)
    {
        var (value, problem) = Number(cell, false);
        if (problem is not null || value is null)
        {
            return (null, problem);
        }

        return value == Math.Floor(value.Value) && value is >= int.MinValue and <= int.MaxValue
            ? ((int)value.Value, null)
            : (null, $"'{cell.AsText()}' is not a whole number.");
    }

    // Words as people write them: compared without case, spaces, hyphens or underscores.
    private static string Key(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static Polarity? Polarity(string text) => Key(text) switch
    {
        "higherisbetter" or "higher" or "higherbetter" or "high" => Domain.Rating.Polarity.HigherIsBetter,
        "lowerisbetter" or "lower" or "lowerbetter" or "low" => Domain.Rating.Polarity.LowerIsBetter,
        "withinrange" or "range" or "inrange" => Domain.Rating.Polarity.WithinRange,
        _ => null,
    };

    public static Frequency? Frequency(string text) => Key(text) switch
    {
        "monthly" or "month" => Domain.Framework.Frequency.Monthly,
        "quarterly" or "quarter" => Domain.Framework.Frequency.Quarterly,
        "annual" or "annually" or "yearly" or "year" => Domain.Framework.Frequency.Annual,
        _ => null,
    };

    public static Aggregation? Aggregation(string text) => Key(text) switch
    {
        "snapshot" => Domain.Rating.Aggregation.Snapshot,
        "sum" or "total" => Domain.Rating.Aggregation.Sum,
        "average" or "mean" => Domain.Rating.Aggregation.Average,
        "yeartodate" or "ytd" => Domain.Rating.Aggregation.YearToDate,
        _ => null,
    };

    public static ToleranceType? ToleranceType(string text) => text.Trim() == "%" ? Domain.Rating.ToleranceType.Percent : Key(text) switch
    {
        "percent" or "percentage" or "percentof" or "pc" => Domain.Rating.ToleranceType.Percent,
        "absolute" or "abs" => Domain.Rating.ToleranceType.Absolute,
        _ => null,
    };

    /// <summary>Removes trailing zeros and keeps the six decimal places the database holds (a number cell is binary: 84.80000000000001 is 84.8).</summary>
    public static decimal Tidy(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    /// <summary>A number as the preview and audit show it: invariant, no trailing zeros.</summary>
    public static string Show(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
