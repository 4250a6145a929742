namespace PerformanceWheel.Domain.Outturns;

/// <summary>
/// Separation of duties: whoever entered a figure (<see cref="Outturn.EnteredBy"/>) or last changed it (the person on
/// its latest <see cref="OutturnRevision"/>) cannot approve it. User names are compared without regard to case.
/// </summary>
public static class SeparationOfDuties
{
    /// <summary>Why <paramref name="approver"/> may not approve the figure, or null when they may.</summary>
    /// <param name="lastChange">The figure's latest revision, if it was ever changed after it was entered.</param>
    public static string? Conflict(Outturn outturn, OutturnRevision? lastChange, string approver)
    {
        ArgumentNullException.ThrowIfNull(outturn);
        var entered = Same(outturn.EnteredBy, approver);
        var changed = lastChange is not null && Same(lastChange.ChangedBy, approver);
        return (entered, changed) switch
        {
            (true, true) => "you entered it and made its last change",
            (true, false) => "you entered it",
            (false, true) => "you made its last change",
            _ => null,
        };
    }

    private static bool Same(string? who, string approver) =>
        !string.IsNullOrWhiteSpace(who) && string.Equals(who.Trim(), approver.Trim(), StringComparison.OrdinalIgnoreCase);
}
