using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>
/// The one owner of how a figure's status is read and listed (its texts are written in <see cref="StatusTexts"/>): every page, pack, export, import, the API and the demo
/// loader take the texts from here. TBC (to be confirmed: expected later), N/A (not applicable: there is no such figure
/// for the period) and Not available (the figure exists but could not be obtained) are three different statements, so
/// each has its own text, and text that names none of them is refused rather than guessed.
/// </summary>
public static class OutturnStatusText
{
    /// <summary>The statuses in the order forms offer them.</summary>
    public static IReadOnlyList<OutturnStatus> All { get; } = [OutturnStatus.Tbc, OutturnStatus.NotApplicable, OutturnStatus.NotAvailable];

    /// <summary>How a status is shown and written in tables, packs, exports and workbooks: "TBC", "N/A", "Not available".</summary>
    public static string Label(OutturnStatus status) => StatusTexts.Label(status);

    /// <summary>The label of a status, or an empty text when there is none (a value instead).</summary>
    public static string Label(OutturnStatus? status) => status is { } s ? Label(s) : string.Empty;

    /// <summary>The status spelled out, for choices in forms: "TBC (to be confirmed)", "N/A (not applicable)", "Not available".</summary>
    public static string Description(OutturnStatus status) => StatusTexts.Description(status);

    /// <summary>The statuses as a list for messages: "TBC, N/A or Not available".</summary>
    public static string Choices { get; } = $"{Label(OutturnStatus.Tbc)}, {Label(OutturnStatus.NotApplicable)} or {Label(OutturnStatus.NotAvailable)}";

    /// <summary>The statuses by their names in the JSON API and open data: "Tbc, NotApplicable or NotAvailable".</summary>
    public static string Names { get; } = $"{OutturnStatus.Tbc}, {OutturnStatus.NotApplicable} or {OutturnStatus.NotAvailable}";

    /// <summary>
    /// Reads a status as people and programs write it: the label (TBC, N/A, Not available), the name (Tbc,
    /// NotApplicable, NotAvailable) or the words (To be confirmed, Not applicable, NA, N.A.), ignoring case, spaces,
    /// dots, hyphens and slashes. Blank is no status; any other text is not a status and returns false.
    /// </summary>
    public static bool TryParse(string? text, out OutturnStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        status = new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray()) switch
        {
            "tbc" or "tobeconfirmed" => OutturnStatus.Tbc,
            "na" or "notapplicable" => OutturnStatus.NotApplicable,
            "notavailable" => OutturnStatus.NotAvailable,
            _ => null,
        };
        return status.HasValue;
    }

    /// <summary>The message for text that is not a status.</summary>
    public static string NotAStatus(string text) => $"'{text.Trim()}' is not a status; use {Choices} (or leave it blank and give a value).";

    /// <summary>The message when both a value and a status were given.</summary>
    public static string NotBoth { get; } = $"Give a value or a status ({Choices}), not both.";

    /// <summary>The message when neither a value nor a status was given.</summary>
    public static string OneNeeded { get; } = $"Give a value, or a status ({Choices}) when there is none.";
}
