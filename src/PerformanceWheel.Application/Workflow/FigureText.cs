using System.Globalization;

namespace PerformanceWheel.Application.Workflow;

/// <summary>Reads a figure as people type it in the entry grid or a workbook: "84.8", "84.8%", "£1,234.5".</summary>
public static class FigureText
{
    /// <summary>The number in <paramref name="text"/> (a trailing %, a £ sign and thousands commas are allowed), or null.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().TrimEnd('%').Replace("£", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The message shown when a figure is not a number.</summary>
    public static string NotANumber(string text) => $"'{text}' is not a number. Enter digits, such as 84.8.";
}
