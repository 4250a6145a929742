using System.Globalization;

namespace PerformanceWheel.Domain.Common;

/// <summary>
/// What a decimal column holds on every database provider: numeric(18, 6), so at most 12 digits before the decimal
/// point and 6 after. A number outside that is refused before it reaches the database, with the same message on
/// SQLite and PostgreSQL, rather than failing on one provider (PostgreSQL's numeric overflow) or being kept on one and
/// rounded away on the other. Numbers with more decimal places are refused, not rounded, when typed.
/// </summary>
public static class StoredNumber
{
    /// <summary>Total digits of a stored decimal.</summary>
    public const int Digits = 18;

    /// <summary>Decimal places of a stored decimal.</summary>
    public const int Scale = 6;

    /// <summary>The largest number a decimal column holds: 999,999,999,999.999999.</summary>
    public const decimal Max = 999_999_999_999.999999m;

    /// <summary>Why a number cannot be stored (too large, or more than six decimal places), or null when it can.</summary>
    public static string? Problem(decimal value)
    {
        if (value > Max || value < -Max)
        {
            return TooLarge(value.ToString(CultureInfo.InvariantCulture));
        }

        return Math.Round(value, Scale) != value
            ? $"{value.ToString(CultureInfo.InvariantCulture)} has more than {Scale} decimal places; figures are stored to {Scale} decimal places."
            : null;
    }

    /// <summary>The message for a number beyond what a decimal column holds.</summary>
    public static string TooLarge(string text) =>
        $"{text.Trim()} is too large; figures are stored up to {Max.ToString("N6", CultureInfo.GetCultureInfo("en-GB"))} (12 digits before the decimal point).";

    /// <summary>
    /// A chart's axis value back as a decimal, held within decimal's range: a value stored before these limits (SQLite
    /// kept up to 79228162514264337593543950335) plus a chart's margin is beyond decimal, and must not break the page.
    /// </summary>
    public static decimal FromDouble(double value) =>
        double.IsNaN(value) ? 0m : value >= (double)decimal.MaxValue ? decimal.MaxValue : value <= (double)decimal.MinValue ? decimal.MinValue : (decimal)value;
}
