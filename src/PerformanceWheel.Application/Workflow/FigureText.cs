using System.Globalization;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Application.Workflow;

/// <summary>
/// The one en-GB reader of numbers typed by people, used by the entry grid, the correction form, the API (a number
/// sent as text) and workbook cells holding text: "84.8", "84.8%", "£1,234.5", "-3". A comma is only a thousands
/// separator between groups of exactly three digits ("1,234.5"); any other comma ("12,34", "95,3") is refused with
/// "Use a full stop for decimals", never guessed. Numbers beyond what the database stores (12 digits before the
/// point, 6 after) are refused with the same message on every database (see <see cref="StoredNumber"/>).
/// </summary>
public static class FigureText
{
    /// <summary>A stored figure as it is put back into an input for editing: the digits the person typed, without the
    /// trailing zeros a database's fixed scale adds (PostgreSQL's numeric(18,6) gives 42 back as 42.000000).</summary>
    public static string ForEditing(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Reads <paramref name="text"/>; false with the message to show when it is not a number that can be stored.</summary>
    public static bool TryParse(string? text, out decimal value, out string? problem)
    {
        value = 0m;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "Enter a number, such as 84.8.";
            return false;
        }

        var t = text.Replace('\u2212', '-').Replace('\u00A0', ' ').Trim();
        var negative = t.StartsWith('-');
        if (negative)
        {
            t = t[1..].TrimStart();
        }

        if (t.StartsWith('£'))
        {
            t = t[1..].TrimStart();
        }

        if (t.EndsWith('%'))
        {
            t = t[..^1].TrimEnd();
        }

        if (t.Length == 0 || !t.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
        {
            problem = NotANumber(text.Trim());
            return false;
        }

        if (t.Contains(',', StringComparison.Ordinal))
        {
            if (!HasThousandsGroups(t))
            {
                problem = $"'{text.Trim()}' is not a number: use a full stop for decimals (84.8), and commas only between thousands (1,234.5).";
                return false;
            }

            t = t.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        if (t.Length == 0 || t.Count(c => c == '.') > 1 || t == ".")
        {
            problem = NotANumber(text.Trim());
            return false;
        }

        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            problem = StoredNumber.TooLarge(text);
            return false;
        }

        parsed = negative ? -parsed : parsed;
        if (StoredNumber.Problem(parsed) is { } storage)
        {
            problem = storage;
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The message shown when a figure is not a number.</summary>
    public static string NotANumber(string text) => $"'{text}' is not a number. Enter digits, such as 84.8.";

    // "1,234" and "12,345,678.9": one to three digits, then groups of exactly three after each comma, before any point.
    private static bool HasThousandsGroups(string t)
    {
        var point = t.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? t : t[..point];
        if (point >= 0 && t[(point + 1)..].Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var groups = whole.Split(',');
        return groups[0].Length is >= 1 and <= 3
            && groups.All(g => g.All(char.IsAsciiDigit))
            && groups.Skip(1).All(g => g.Length == 3);
    }
}
