namespace PerformanceWheel.Domain.Outturns;

/// <summary>An API key the approver made: the name its changes are recorded under, and the key's own name.</summary>
public sealed record ApproversKey(string ActingName, string Name);

/// <summary>
/// Separation of duties: whoever entered a figure (<see cref="Outturn.EnteredBy"/>) or last changed it (the person on
/// its latest <see cref="OutturnRevision"/>) cannot approve it, and neither can whoever made the API key that did.
/// User names are compared without regard to case.
/// </summary>
public static class SeparationOfDuties
{
    /// <summary>Why <paramref name="approver"/> may not approve the figure, or null when they may.</summary>
    /// <param name="lastChange">The figure's latest revision, if it was ever changed after it was entered.</param>
    /// <param name="approversKeys">The API keys the approver made: a figure one of them entered or changed is the approver's own.</param>
    public static string? Conflict(Outturn outturn, OutturnRevision? lastChange, string approver, IReadOnlyCollection<ApproversKey>? approversKeys = null)
    {
        ArgumentNullException.ThrowIfNull(outturn);
        var keys = approversKeys ?? [];
        var entered = Who(outturn.EnteredBy, approver, keys);
        var changed = lastChange is null ? null : Who(lastChange.ChangedBy, approver, keys);
        return (entered, changed) switch
        {
            (null, null) => null,
            ({ } e, null) => $"{e} entered it",
            (null, { } c) => $"{c} made its last change",
            ({ } e, { } c) when e == c => $"{e} entered it and made its last change",
            ({ } e, { } c) => $"{e} entered it and {c} made its last change",
        };
    }

    /// <summary>Whether two user names are the same person's.</summary>
    public static bool Same(string? who, string approver) =>
        !string.IsNullOrWhiteSpace(who) && string.Equals(who.Trim(), approver.Trim(), StringComparison.OrdinalIgnoreCase);

    // "you", "your API key Power BI", or null when neither the approver nor one of their keys did it.
    private static string? Who(string? who, string approver, IReadOnlyCollection<ApproversKey> keys) =>
        Same(who, approver) ? "you"
        : keys.FirstOrDefault(k => Same(who, k.ActingName)) is { } key ? $"your API key {key.Name}"
        : null;
}
