using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Covering;

/// <summary>The front matter of a covering report: the meeting and the people it names.</summary>
public sealed record CoveringDetails(
    string? Meeting,
    DateOnly? DecisionDate,
    string? ForwardPlanReference,
    bool KeyDecision,
    string? ExecutiveMembers,
    string? LeadOfficer,
    string? Author,
    string? Contact);

/// <summary>
/// A quarter's covering report for one pack (the Cabinet's or a Scrutiny committee's): the decision report the
/// performance report is the appendix of. Started from the council's template, written by the performance officers, and
/// signed off role by role. Every change raises <see cref="Revision"/>, so a sign-off given at an earlier revision shows
/// that the report changed after it was signed (and <see cref="Changes"/> says what and when).
/// </summary>
public sealed class CoveringReport : Entity
{
    private readonly List<CoveringText> _texts = [];
    private readonly List<CoveringSignOff> _signOffs = [];
    private readonly List<CoveringChange> _changes = [];

    private CoveringReport() { }

    /// <summary>Starts a report from the template: its people, the meeting and every section's standing text.</summary>
    public CoveringReport(string pack, ReportingPeriod quarter, string meeting, CoveringTemplate template, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (quarter.Kind != PeriodKind.Quarter)
        {
            throw new DomainException(DomainFields.Period, $"A covering report is for a quarter, such as 2019/20 Q2; {quarter.Label} is not one.");
        }

        Pack = Guard.Required(pack, "Pack", CoveringSections.PackLength);
        Quarter = quarter;
        Meeting = Guard.Required(meeting, "Meeting", Lengths.Name);
        ExecutiveMembers = template.ExecutiveMembers;
        LeadOfficer = template.LeadOfficer;
        Author = template.Author;
        Contact = template.Contact;
        foreach (var section in CoveringSections.All)
        {
            if (template.Text(section) is { } text)
            {
                _texts.Add(new CoveringText(section, text));
            }
        }

        CreatedBy = ChangedBy = Guard.Required(by, "User", Lengths.User);
        CreatedAt = ChangedAt = at;
    }

    /// <summary>"Cabinet" or "Scrutiny:{committee code}" (<see cref="CoveringSections"/>).</summary>
    public string Pack { get; private set; } = string.Empty;

    public ReportingPeriod Quarter { get; private set; }

    /// <summary>The meeting the report goes to ("Cabinet", "Scrutiny for Policies, Adults &amp; Health").</summary>
    public string Meeting { get; private set; } = string.Empty;

    public DateOnly? DecisionDate { get; private set; }

    public string? ForwardPlanReference { get; private set; }

    public bool KeyDecision { get; private set; }

    public string? ExecutiveMembers { get; private set; }

    public string? LeadOfficer { get; private set; }

    public string? Author { get; private set; }

    public string? Contact { get; private set; }

    /// <summary>Raised by every change of content; a sign-off remembers the revision it was given at.</summary>
    public int Revision { get; private set; } = 1;

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string ChangedBy { get; private set; } = string.Empty;

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Concurrency token: raised with every saved change (content or sign-off).</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<CoveringText> Texts => _texts.AsReadOnly();

    public IReadOnlyCollection<CoveringSignOff> SignOffs => _signOffs.AsReadOnly();

    /// <summary>The changes of content after the report was started, oldest first.</summary>
    public IReadOnlyList<CoveringChange> Changes => _changes.OrderBy(c => c.Revision).ToList();

    public string? Text(CoveringSection section) => _texts.FirstOrDefault(t => t.Section == section)?.Text;

    public CoveringDetails Details => new(Meeting, DecisionDate, ForwardPlanReference, KeyDecision, ExecutiveMembers, LeadOfficer, Author, Contact);

    /// <summary>
    /// Changes the front matter and the sections given (a section left out keeps its text; an empty one is cleared).
    /// Returns what changed, by its label; when anything did, the revision goes up and the change is kept with who and when.
    /// </summary>
    public IReadOnlyList<string> Change(CoveringDetails details, IReadOnlyDictionary<CoveringSection, string?> texts, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(texts);
        var meeting = Guard.Required(details.Meeting, "Meeting", Lengths.Name);
        var reference = Guard.Optional(details.ForwardPlanReference, "Forward plan reference", Lengths.Label);
        var members = Guard.Optional(details.ExecutiveMembers, "Executive member(s)", Lengths.Title);
        var lead = Guard.Optional(details.LeadOfficer, "Lead officer", Lengths.Title);
        var author = Guard.Optional(details.Author, "Author", Lengths.Title);
        var contact = Guard.Optional(details.Contact, "Contact details", Lengths.Title);
        var newTexts = texts.ToDictionary(t => t.Key, t => Guard.Optional(t.Value, CoveringSections.Heading(t.Key), Lengths.Text));
        var user = Guard.Required(by, "User", Lengths.User);

        var changed = new List<string>();
        Meeting = Note(changed, "Meeting", Meeting, meeting)!;
        if (DecisionDate != details.DecisionDate)
        {
            changed.Add("Decision date");
            DecisionDate = details.DecisionDate;
        }

        ForwardPlanReference = Note(changed, "Forward plan reference", ForwardPlanReference, reference);
        if (KeyDecision != details.KeyDecision)
        {
            changed.Add("Key decision");
            KeyDecision = details.KeyDecision;
        }

        ExecutiveMembers = Note(changed, "Executive member(s)", ExecutiveMembers, members);
        LeadOfficer = Note(changed, "Lead officer", LeadOfficer, lead);
        Author = Note(changed, "Author", Author, author);
        Contact = Note(changed, "Contact details", Contact, contact);
        foreach (var section in CoveringSections.All.Where(newTexts.ContainsKey))
        {
            var value = newTexts[section];
            var existing = _texts.FirstOrDefault(t => t.Section == section);
            if (existing?.Text == value)
            {
                continue;
            }

            changed.Add(CoveringSections.Heading(section));
            if (existing is not null)
            {
                _texts.Remove(existing);
            }

            if (value is not null)
            {
                _texts.Add(new CoveringText(section, value));
            }
        }

        if (changed.Count > 0)
        {
            Revision++;
            ChangedBy = user;
            ChangedAt = at;
            _changes.Add(new CoveringChange(Revision, string.Join(", ", changed), user, at));
            Version++;
        }

        return changed;
    }

    /// <summary>
    /// Records (or replaces) the sign-off of a role: the name of who signed and the date, at the report's current revision.
    /// A date after <paramref name="today"/> is refused: a sign-off records what has happened.
    /// </summary>
    public CoveringSignOff SignOff(string role, string? name, DateOnly? signedOn, DateOnly today, string by, DateTimeOffset at)
    {
        var title = Guard.Required(role, "Sign-off role", Lengths.Title);
        var signer = Guard.Required(name, $"Name ({title})", Lengths.Title);
        if (signedOn is not { } date)
        {
            throw new DomainException("SignedOn", $"Date completed ({title}) is required.");
        }

        if (date > today)
        {
            throw new DomainException("SignedOn", $"Date completed ({title}) cannot be after today ({today:dd/MM/yyyy}).");
        }

        var user = Guard.Required(by, "User", Lengths.User);
        _signOffs.RemoveAll(s => string.Equals(s.Role, title, StringComparison.OrdinalIgnoreCase));
        var signOff = new CoveringSignOff(title, signer, date, Revision, user, at);
        _signOffs.Add(signOff);
        Version++;
        return signOff;
    }

    /// <summary>Removes a role's sign-off (given in error); whether there was one.</summary>
    public bool ClearSignOff(string role)
    {
        var removed = _signOffs.RemoveAll(s => string.Equals(s.Role, role?.Trim(), StringComparison.OrdinalIgnoreCase)) > 0;
        if (removed)
        {
            Version++;
        }

        return removed;
    }

    /// <summary>The sign-off of a role, if recorded.</summary>
    public CoveringSignOff? SignOffOf(string role) =>
        _signOffs.FirstOrDefault(s => string.Equals(s.Role, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The changes of content made after a sign-off was given (empty: the report is as it was signed).</summary>
    public IReadOnlyList<CoveringChange> ChangesSince(CoveringSignOff signOff)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        return Changes.Where(c => c.Revision > signOff.AtRevision).ToList();
    }

    private static string? Note(List<string> changed, string field, string? before, string? after)
    {
        if (before != after)
        {
            changed.Add(field);
        }

        return after;
    }
}

/// <summary>One section's text in a covering report.</summary>
public sealed class CoveringText : Entity
{
    private CoveringText() { }

    internal CoveringText(CoveringSection section, string text)
    {
        Section = section;
        Text = text;
    }

    public int CoveringReportId { get; private set; }

    public CoveringSection Section { get; private set; }

    public string Text { get; private set; } = string.Empty;
}

/// <summary>A role's sign-off of a covering report: who signed, on what date, at which revision, and who recorded it.</summary>
public sealed class CoveringSignOff : Entity
{
    private CoveringSignOff() { }

    internal CoveringSignOff(string role, string name, DateOnly signedOn, int atRevision, string recordedBy, DateTimeOffset recordedAt)
    {
        Role = role;
        Name = name;
        SignedOn = signedOn;
        AtRevision = atRevision;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int CoveringReportId { get; private set; }

    public string Role { get; private set; } = string.Empty;

    /// <summary>The officer's or councillor's name, as the table prints it.</summary>
    public string Name { get; private set; } = string.Empty;

    public DateOnly SignedOn { get; private set; }

    /// <summary>The report's revision when this sign-off was recorded.</summary>
    public int AtRevision { get; private set; }

    public string RecordedBy { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A change of a covering report's content: the revision it made, what changed (labels) and who changed it when.</summary>
public sealed class CoveringChange : Entity
{
    private CoveringChange() { }

    internal CoveringChange(int revision, string what, string by, DateTimeOffset at)
    {
        Revision = revision;
        What = what.Length <= Lengths.Text ? what : what[..Lengths.Text];
        By = by;
        At = at;
    }

    public int CoveringReportId { get; private set; }

    public int Revision { get; private set; }

    /// <summary>The labels of what changed, joined by ", " ("Recommendations, Legal implications").</summary>
    public string What { get; private set; } = string.Empty;

    public string By { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }
}
