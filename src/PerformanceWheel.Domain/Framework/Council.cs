using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Framework;

/// <summary>The council's settings. One row.</summary>
public sealed class CouncilSettings : Entity
{
    private readonly List<SchemeChange> _schemeChanges = [];

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

    /// <summary>
    /// Separation of duties: whoever entered or last changed a figure cannot approve it (an Admin may override with a
    /// reason). On for a new council; a council that existed before the setting keeps working as before until an Admin turns it on.
    /// </summary>
    public bool SeparatesDuties { get; private set; } = true;

    /// <summary>Days after a period ends before missing data is overdue.</summary>
    public int OverdueDaysAfterPeriodEnd { get; private set; } = 30;

    /// <summary>The original scheme: the one in force before the first <see cref="SchemeChanges"/> entry (every year when there is none).</summary>
    public RagScheme Scheme => RagScheme.Create(BlueExceedsTargetByPercent, RedOnlyWhenWorseThanLastYear, SegmentRatingMethod);

    /// <summary>Scheme changes, each from a financial year on; earlier years keep the scheme they were rated and published under.</summary>
    public IReadOnlyCollection<SchemeChange> SchemeChanges => _schemeChanges.AsReadOnly();

    public SchemeHistory SchemeHistory => new(Scheme, _schemeChanges.Select(c => (c.EffectiveFrom, c.Scheme)));

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

    /// <summary>
    /// Changes the scheme from a financial year on: that year and later ones are rated under the new scheme, earlier ones
    /// keep theirs. A later change already recorded is replaced (the new scheme runs on from its year).
    /// </summary>
    public SchemeChange ChangeSchemeFrom(
        FinancialYear effectiveFrom, decimal? blueExceedsTargetByPercent, bool redOnlyWhenWorseThanLastYear, SegmentRatingMethod method, string by, DateTimeOffset at)
    {
        var scheme = RagScheme.Create(blueExceedsTargetByPercent, redOnlyWhenWorseThanLastYear, method);
        _schemeChanges.RemoveAll(c => c.EffectiveFrom >= effectiveFrom);
        var change = new SchemeChange(effectiveFrom, scheme, by, at);
        _schemeChanges.Add(change);
        return change;
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

    /// <summary>Turns separation of duties on or off.</summary>
    public void ChangeSeparationOfDuties(bool on) => SeparatesDuties = on;

    /// <summary>Turns the open data downloads (published figures only) on or off.</summary>
    public void ChangeOpenData(bool enabled) => OpenDataEnabled = enabled;

    /// <summary>The council's main colour ("#rrggbb": the app bar, buttons and links); null = the site's own.</summary>
    public string? PrimaryColour { get; private set; }

    /// <summary>The council's second colour ("#rrggbb": secondary buttons and muted accents); null = the site's own.</summary>
    public string? SecondaryColour { get; private set; }

    /// <summary>The council's logo (PNG or SVG), shown in the app bar; null = none.</summary>
    public byte[]? Logo { get; private set; }

    /// <summary>The logo's media type (<see cref="Branding.Png"/> or <see cref="Branding.Svg"/>).</summary>
    public string? LogoContentType { get; private set; }

    /// <summary>Sets the council's colours (null or empty = the site's own); each must carry white text at 4.5:1 or more.</summary>
    public void ChangeColours(string? primary, string? secondary)
    {
        var p = string.IsNullOrWhiteSpace(primary) ? null : Branding.Colour(primary, "Primary colour");
        var s = string.IsNullOrWhiteSpace(secondary) ? null : Branding.Colour(secondary, "Secondary colour");
        (PrimaryColour, SecondaryColour) = (p, s);
    }

    /// <summary>Sets the council's logo: a PNG or SVG image, size-limited (<see cref="Branding.LogoType"/>).</summary>
    public void ChangeLogo(byte[] image)
    {
        LogoContentType = Branding.LogoType(image, "Logo");
        Logo = [.. image];
    }

    /// <summary>Removes the logo: the app bar shows the council's name alone.</summary>
    public void RemoveLogo() => (Logo, LogoContentType) = (null, null);
}

/// <summary>A change of the rating scheme from a financial year on, with who made it and when.</summary>
public sealed class SchemeChange : Entity
{
    private SchemeChange() { }

    internal SchemeChange(FinancialYear effectiveFrom, RagScheme scheme, string by, DateTimeOffset at)
    {
        EffectiveFrom = effectiveFrom;
        BlueExceedsTargetByPercent = scheme.BlueExceedsTargetByPercent;
        RedOnlyWhenWorseThanLastYear = scheme.RedOnlyWhenWorseThanLastYear;
        SegmentRatingMethod = scheme.SegmentRating;
        ChangedBy = Guard.Required(by, "Changed by", Lengths.User);
        ChangedAt = at;
    }

    public FinancialYear EffectiveFrom { get; private set; }

    public decimal? BlueExceedsTargetByPercent { get; private set; }

    public bool RedOnlyWhenWorseThanLastYear { get; private set; }

    public SegmentRatingMethod SegmentRatingMethod { get; private set; }

    public string ChangedBy { get; private set; } = string.Empty;

    public DateTimeOffset ChangedAt { get; private set; }

    public RagScheme Scheme => RagScheme.Create(BlueExceedsTargetByPercent, RedOnlyWhenWorseThanLastYear, SegmentRatingMethod);
}
