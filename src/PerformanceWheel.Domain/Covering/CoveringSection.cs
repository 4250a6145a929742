namespace PerformanceWheel.Domain.Covering;

/// <summary>
/// The written sections of a covering report, in the order a decision report prints them (seed 001): background, summary,
/// recommendations and their reasons, other options, the implications, scrutiny's comments and the background papers.
/// </summary>
public enum CoveringSection
{
    Background = 1,
    Summary = 2,
    Recommendations = 3,
    Reasons = 4,
    OtherOptions = 5,
    FinancialImplications = 6,
    LegalImplications = 7,
    HrImplications = 8,
    EqualitiesImplications = 9,
    CommunitySafetyImplications = 10,
    ClimateImplications = 11,
    HealthAndSafetyImplications = 12,
    HealthAndWellbeingImplications = 13,
    SocialValueImplications = 14,
    ScrutinyComments = 15,
    BackgroundPapers = 16,
}

/// <summary>Headings of the sections and the packs a covering report fronts.</summary>
public static class CoveringSections
{
    /// <summary>Every section in print order.</summary>
    public static IReadOnlyList<CoveringSection> All { get; } = Enum.GetValues<CoveringSection>().Order().ToList();

    /// <summary>The implications, each of which starts from the council's standing text.</summary>
    public static IReadOnlyList<CoveringSection> Implications { get; } = All.Where(IsImplication).ToList();

    public static bool IsImplication(CoveringSection section) =>
        section is >= CoveringSection.FinancialImplications and <= CoveringSection.SocialValueImplications;

    /// <summary>The heading printed above the section (and the field's label on the forms).</summary>
    public static string Heading(CoveringSection section) => section switch
    {
        CoveringSection.Background => "Background",
        CoveringSection.Summary => "Summary",
        CoveringSection.Recommendations => "Recommendations",
        CoveringSection.Reasons => "Reasons for recommendations",
        CoveringSection.OtherOptions => "Other options considered",
        CoveringSection.FinancialImplications => "Financial and risk implications",
        CoveringSection.LegalImplications => "Legal implications",
        CoveringSection.HrImplications => "HR implications",
        CoveringSection.EqualitiesImplications => "Equalities implications",
        CoveringSection.CommunitySafetyImplications => "Community safety implications",
        CoveringSection.ClimateImplications => "Climate change and sustainability implications",
        CoveringSection.HealthAndSafetyImplications => "Health and safety implications",
        CoveringSection.HealthAndWellbeingImplications => "Health and wellbeing implications",
        CoveringSection.SocialValueImplications => "Social value implications",
        CoveringSection.ScrutinyComments => "Scrutiny comments / recommendations",
        CoveringSection.BackgroundPapers => "Background papers",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section of a covering report."),
    };

    /// <summary>The key of the Cabinet pack's covering report.</summary>
    public const string CabinetPack = "Cabinet";

    /// <summary>The key of a Scrutiny committee's pack ("Scrutiny:PC").</summary>
    public static string ScrutinyPack(string committeeCode) => "Scrutiny:" + Common.Guard.Required(committeeCode, "Committee", Common.Lengths.Code);

    /// <summary>The committee code of a Scrutiny pack's key; null for the Cabinet pack.</summary>
    public static string? CommitteeOf(string pack) =>
        pack.StartsWith("Scrutiny:", StringComparison.Ordinal) ? pack["Scrutiny:".Length..] : null;

    /// <summary>The longest pack key: "Scrutiny:" and a committee code.</summary>
    public const int PackLength = 9 + Common.Lengths.Code;
}
