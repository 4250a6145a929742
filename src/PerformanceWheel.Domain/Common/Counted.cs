using System.Globalization;

namespace PerformanceWheel.Domain.Common;

/// <summary>
/// A count with its noun in the right number, for messages people read: "1 figure", "3 figures", "0 figures", never
/// "3 figure(s)".
/// </summary>
public static class Counted
{
    /// <summary>
    /// <paramref name="n"/> followed by <paramref name="singular"/> when it is exactly 1, otherwise by
    /// <paramref name="plural"/> (by default the singular with "s" added). The words may run on past the noun, so that
    /// the verb agrees too: <c>Of(n, "figure is", "figures are")</c> gives "1 figure is" and "3 figures are".
    /// </summary>
    /// <param name="n">The count; only 1 takes the singular (so "0 figures").</param>
    /// <param name="singular">The noun, or words, for one: "figure", "problem".</param>
    /// <param name="plural">The words for any other count; give it where adding "s" is wrong: "entries", "people".</param>
    /// <returns>The count and the words, with one space between: "1 figure".</returns>
    public static string Of(int n, string singular, string? plural = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";
}
