using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>Why an outturn's figure changed.</summary>
public enum RevisionKind
{
    /// <summary>Saved again while a draft or returned.</summary>
    Edit = 1,

    /// <summary>A published figure corrected, with a reason.</summary>
    Correction = 2,

    /// <summary>Changed by a workbook import.</summary>
    Import = 3,
}

/// <summary>One change to an outturn's figure: old → new, who, when and why. Outturns are never overwritten without one.</summary>
public sealed class OutturnRevision : Entity
{
    private OutturnRevision() { }

    public OutturnRevision(Outturn outturn, decimal? oldValue, OutturnStatus? oldStatus, RevisionKind kind, string? reason, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(outturn);
        if (kind == RevisionKind.Correction && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(DomainFields.Reason, "A correction to a published figure needs a reason.");
        }

        Outturn = outturn;
        Period = outturn.Period;
        OldValue = oldValue;
        OldStatus = oldStatus;
        NewValue = outturn.Value;
        NewStatus = outturn.Status;
        Kind = kind;
        Reason = Guard.Optional(reason, "Reason", Lengths.Text);
        ChangedBy = Guard.Required(by, "User", Lengths.User);
        ChangedAt = at;
    }

    public int OutturnId { get; private set; }

    public Outturn Outturn { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public decimal? OldValue { get; private set; }

    public OutturnStatus? OldStatus { get; private set; }

    public decimal? NewValue { get; private set; }

    public OutturnStatus? NewStatus { get; private set; }

    public RevisionKind Kind { get; private set; }

    public string? Reason { get; private set; }

    public string ChangedBy { get; private set; } = string.Empty;

    public DateTimeOffset ChangedAt { get; private set; }
}
