using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>
/// A directorate's "key issues" for a quarter: the director's own words on what matters in their figures, written during
/// their review and printed in the covering report (seed 001, "Key issues per directorate"). One text per directorate and
/// quarter, with who last wrote it and a version for optimistic concurrency.
/// </summary>
public sealed class DirectorateKeyIssues : Entity
{
    /// <summary>The field's name in messages.</summary>
    public const string TextField = "Key issues";

    private DirectorateKeyIssues() { }

    public DirectorateKeyIssues(Directorate directorate, ReportingPeriod quarter)
    {
        ArgumentNullException.ThrowIfNull(directorate);
        if (quarter.Kind != PeriodKind.Quarter)
        {
            throw new DomainException(DomainFields.Period, $"Key issues are written for a quarter; {quarter.Label} is not one.");
        }

        Directorate = directorate;
        Quarter = quarter;
    }

    public int DirectorateId { get; private set; }

    public Directorate Directorate { get; private set; } = null!;

    public ReportingPeriod Quarter { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string? UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, incremented on every change (0 before the first).</summary>
    public int Version { get; private set; }

    /// <summary>Writes the text (required, at most <see cref="Lengths.Text"/> characters); false when it is as stored.</summary>
    public bool Write(string? text, string by, DateTimeOffset at)
    {
        var written = Guard.Required(text, TextField, Lengths.Text);
        if (Version > 0 && written == Text)
        {
            return false;
        }

        Text = written;
        UpdatedBy = Guard.Required(by, "User", Lengths.User);
        UpdatedAt = at;
        Version++;
        return true;
    }
}
