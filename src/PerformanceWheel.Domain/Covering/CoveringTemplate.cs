using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Covering;

/// <summary>
/// The council's covering-report template (one row, the Admin's): the name of the Cabinet meeting, the people a report
/// names by default, the standing text each section starts from, and the sign-off list every report is signed against.
/// A quarter's report copies what it needs when it is started; later changes to the template reach later reports only.
/// </summary>
public sealed class CoveringTemplate : Entity
{
    private readonly List<StandingText> _texts = [];
    private readonly List<SignOffRole> _signOffRoles = [];

    private CoveringTemplate() { }

    /// <summary>The template of a council that has not written its own: seed 001's sign-off list and generic standing texts.</summary>
    public static CoveringTemplate Default()
    {
        var template = new CoveringTemplate { CabinetMeeting = "Cabinet" };
        foreach (var (section, text) in DefaultTexts)
        {
            template._texts.Add(new StandingText(section, text));
        }

        template._signOffRoles.AddRange(DefaultSignOffRoles.Select((r, i) => new SignOffRole(i + 1, r.Title, r.Consulted)));
        return template;
    }

    /// <summary>The meeting the Cabinet pack goes to ("Cabinet", "Executive").</summary>
    public string CabinetMeeting { get; private set; } = "Cabinet";

    public string? ExecutiveMembers { get; private set; }

    public string? LeadOfficer { get; private set; }

    public string? Author { get; private set; }

    public string? Contact { get; private set; }

    public IReadOnlyCollection<StandingText> Texts => _texts.AsReadOnly();

    /// <summary>The sign-off list in print order: officers' roles first, then those consulted.</summary>
    public IReadOnlyList<SignOffRole> SignOffRoles => _signOffRoles.OrderBy(r => r.Order).ToList();

    /// <summary>The standing text of a section (null: the section starts empty).</summary>
    public string? Text(CoveringSection section) => _texts.FirstOrDefault(t => t.Section == section)?.Text;

    /// <summary>Changes the meeting name and the default people; returns the names of the fields that changed.</summary>
    public IReadOnlyList<string> ChangePeople(string? cabinetMeeting, string? executiveMembers, string? leadOfficer, string? author, string? contact)
    {
        var changed = new List<string>();
        CabinetMeeting = Note(changed, "Cabinet meeting", CabinetMeeting, Guard.Required(cabinetMeeting, "Cabinet meeting", Lengths.Name))!;
        ExecutiveMembers = Note(changed, "Executive member(s)", ExecutiveMembers, Guard.Optional(executiveMembers, "Executive member(s)", Lengths.Title));
        LeadOfficer = Note(changed, "Lead officer", LeadOfficer, Guard.Optional(leadOfficer, "Lead officer", Lengths.Title));
        Author = Note(changed, "Author", Author, Guard.Optional(author, "Author", Lengths.Title));
        Contact = Note(changed, "Contact details", Contact, Guard.Optional(contact, "Contact details", Lengths.Title));
        return changed;
    }

    /// <summary>Sets a section's standing text (empty: none); whether it changed.</summary>
    public bool SetText(CoveringSection section, string? text)
    {
        var value = Guard.Optional(text, CoveringSections.Heading(section), Lengths.Text);
        var existing = _texts.FirstOrDefault(t => t.Section == section);
        if (existing?.Text == value)
        {
            return false;
        }

        if (existing is not null)
        {
            _texts.Remove(existing);
        }

        if (value is not null)
        {
            _texts.Add(new StandingText(section, value));
        }

        return true;
    }

    /// <summary>
    /// Replaces the sign-off list (in order; each title once, ignoring case); whether it changed. Reports keep the sign-offs
    /// already recorded against a role that leaves the list.
    /// </summary>
    public bool ChangeSignOffRoles(IReadOnlyList<(string Title, bool Consulted)> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Count == 0)
        {
            throw new DomainException("SignOffRoles", "The sign-off list needs at least one role.");
        }

        var titles = roles.Select(r => Guard.Required(r.Title, "Sign-off role", Lengths.Title)).ToList();
        if (titles.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException("SignOffRoles", $"The sign-off role '{twice.Key}' is listed twice.");
        }

        var wanted = titles.Select((t, i) => (Title: t, roles[i].Consulted)).ToList();
        if (SignOffRoles.Select(r => (r.Title, r.Consulted)).SequenceEqual(wanted))
        {
            return false;
        }

        _signOffRoles.Clear();
        _signOffRoles.AddRange(wanted.Select((r, i) => new SignOffRole(i + 1, r.Title, r.Consulted)));
        return true;
    }

    private static string? Note(List<string> changed, string field, string? before, string? after)
    {
        if (before != after)
        {
            changed.Add(field);
        }

        return after;
    }

    /// <summary>Seed 001's sign-off table (Somerset Council, Q1 2023/24).</summary>
    public static IReadOnlyList<(string Title, bool Consulted)> DefaultSignOffRoles { get; } =
    [
        ("Legal & Governance Implications", false),
        ("Communications", false),
        ("Finance & Procurement", false),
        ("Workforce", false),
        ("Asset Management", false),
        ("Executive Director / Senior Manager", false),
        ("Strategy & Performance", false),
        ("Executive Lead Member", false),
        ("Opposition Spokesperson (circulated)", true),
        ("Scrutiny Chairs (circulated)", true),
    ];

    private static readonly (CoveringSection Section, string Text)[] DefaultTexts =
    [
        (CoveringSection.Reasons, "To ensure performance is effectively managed and reviewed, and areas of concern identified and addressed."),
        (CoveringSection.FinancialImplications, "There are no direct financial implications to the proposals set out in this report."),
        (CoveringSection.LegalImplications, "There are no legal implications to this recommendation being accepted."),
        (CoveringSection.HrImplications, "There are no direct HR implications resulting from this report."),
        (CoveringSection.EqualitiesImplications, "Where appropriate, measures will be reported with information against protected characteristics."),
        (CoveringSection.CommunitySafetyImplications, "There are no implications."),
        (CoveringSection.ClimateImplications, "There are no implications."),
        (CoveringSection.HealthAndSafetyImplications, "There are no implications."),
        (CoveringSection.HealthAndWellbeingImplications, "There are no implications."),
        (CoveringSection.SocialValueImplications, "There are no implications."),
    ];
}

/// <summary>The council's standing text for one section of the covering report.</summary>
public sealed class StandingText : Entity
{
    private StandingText() { }

    internal StandingText(CoveringSection section, string text)
    {
        Section = section;
        Text = text;
    }

    public int CoveringTemplateId { get; private set; }

    public CoveringSection Section { get; private set; }

    public string Text { get; private set; } = string.Empty;
}

/// <summary>A role in the council's sign-off list ("Finance &amp; Procurement"); consulted roles print under "Consulted".</summary>
public sealed class SignOffRole : Entity
{
    private SignOffRole() { }

    internal SignOffRole(int order, string title, bool consulted)
    {
        Order = order;
        Title = title;
        Consulted = consulted;
    }

    public int CoveringTemplateId { get; private set; }

    public int Order { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public bool Consulted { get; private set; }
}
