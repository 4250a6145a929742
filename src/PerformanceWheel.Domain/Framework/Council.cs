using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Framework;

/// <summary>The council's settings. One row.</summary>
public sealed class CouncilSettings : Entity
{
    private CouncilSettings() { }

    public CouncilSettings(string name)
    {
        Rename(name);
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Scheme option (a): null = off.</summary>
    public decimal? BlueExceedsTargetByPercent { get; private set; }

    /// <summary>Scheme option (b).</summary>
    public bool RedOnlyWhenWorseThanLastYear { get; private set; }

    public SegmentRatingMethod SegmentRatingMethod { get; private set; } = SegmentRatingMethod.Majority;

    /// <summary>Whether published figures can be read without signing in (off by default).</summary>
    public bool AllowAnonymousReading { get; private set; }

    /// <summary>Whether published figures are offered as CSV at /open-data for anyone to download (off by default).</summary>
    public bool OpenDataEnabled { get; private set; }

    /// <summary>Days after a period ends before missing data is overdue.</summary>
    public int OverdueDaysAfterPeriodEnd { get; private set; } = 30;

    public RagScheme Scheme => RagScheme.Create(BlueExceedsTargetByPercent, RedOnlyWhenWorseThanLastYear, SegmentRatingMethod);

    public void Rename(string name)
    {
        Name = Guard.Required(name, "Council name", Lengths.Name);
    }

    public void ChangeScheme(decimal? blueExceedsTargetByPercent, bool redOnlyWhenWorseThanLastYear, SegmentRatingMethod method)
    {
        var scheme = RagScheme.Create(blueExceedsTargetByPercent, redOnlyWhenWorseThanLastYear, method);
        BlueExceedsTargetByPercent = scheme.BlueExceedsTargetByPercent;
        RedOnlyWhenWorseThanLastYear = scheme.RedOnlyWhenWorseThanLastYear;
        SegmentRatingMethod = scheme.SegmentRating;
    }

    public void ChangeReading(bool allowAnonymousReading, int overdueDaysAfterPeriodEnd)
    {
        if (overdueDaysAfterPeriodEnd is < 0 or > 365)
        {
            throw new DomainException("Overdue days must be between 0 and 365.");
        }

        AllowAnonymousReading = allowAnonymousReading;
        OverdueDaysAfterPeriodEnd = overdueDaysAfterPeriodEnd;
    }

    /// <summary>Turns the open data downloads (published figures only) on or off.</summary>
    public void ChangeOpenData(bool enabled) => OpenDataEnabled = enabled;
}
