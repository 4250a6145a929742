using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Covering;
using Microsoft.EntityFrameworkCore;

namespace PerformanceWheel.Application.Covering;

/// <summary>
/// Saves the council's covering-report template (Admin only): the Cabinet meeting's name, the default people, each
/// section's standing text and the sign-off list (one role a line; "Consulted: " before a role consulted). Every field is
/// checked before anything is saved; a change is audited ("Covering template").
/// </summary>
public sealed class CoveringTemplateCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public const string AuditType = "Covering template";

    /// <summary>What marks a consulted role in the sign-off list's text.</summary>
    public const string ConsultedPrefix = "Consulted:";

    public async Task<ChangeResult> SaveAsync(CoveringTemplateInput input, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAdmin)
        {
            return ChangeResult.Failed(nameof(CoveringTemplateInput.CabinetMeeting), "Only an Admin may change the council's covering-report template.");
        }

        var problems = new List<FieldProblem>();
        Check(problems, nameof(CoveringTemplateInput.CabinetMeeting), () => Guard.Required(input.CabinetMeeting, "Cabinet meeting", Lengths.Name));
        Check(problems, nameof(CoveringTemplateInput.ExecutiveMembers), () => Guard.Optional(input.ExecutiveMembers, "Executive member(s)", Lengths.Title));
        Check(problems, nameof(CoveringTemplateInput.LeadOfficer), () => Guard.Optional(input.LeadOfficer, "Lead officer", Lengths.Title));
        Check(problems, nameof(CoveringTemplateInput.Author), () => Guard.Optional(input.Author, "Author", Lengths.Title));
        Check(problems, nameof(CoveringTemplateInput.Contact), () => Guard.Optional(input.Contact, "Contact details", Lengths.Title));
        foreach (var (section, text) in input.Texts)
        {
            Check(problems, section.ToString(), () => Guard.Optional(text, CoveringSections.Heading(section), Lengths.Text));
        }

        var roles = ParseRoles(input.SignOffRoles);
        if (roles.Count == 0)
        {
            problems.Add(new(nameof(CoveringTemplateInput.SignOffRoles), "The sign-off list needs at least one role, one a line."));
        }

        if (problems.Count > 0)
        {
            return ChangeResult.Failed(problems);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await CoveringReportReader.LoadTemplateAsync(db, tracked: true, cancellationToken);
        if (template is null)
        {
            template = CoveringTemplate.Default();
            db.Add(template);
        }

        var changed = new List<string>();
        try
        {
            changed.AddRange(template.ChangePeople(input.CabinetMeeting, input.ExecutiveMembers, input.LeadOfficer, input.Author, input.Contact));
            foreach (var (section, text) in input.Texts)
            {
                if (template.SetText(section, text))
                {
                    changed.Add(CoveringSections.Heading(section));
                }
            }

            if (template.ChangeSignOffRoles(roles))
            {
                changed.Add("Sign-off list");
            }
        }
        catch (DomainException e)
        {
            return ChangeResult.Failed(e.Field ?? nameof(CoveringTemplateInput.SignOffRoles), e.Message);
        }

        if (changed.Count > 0 || template.Id == 0)
        {
            db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Updated", AuditType, "Council",
                FrameworkAudit.Shorten(changed.Count == 0 ? "Saved the default template" : "Changed: " + string.Join(", ", changed), Lengths.Text)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return ChangeResult.Saved(template.Id);
    }

    /// <summary>The template's audit trail, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditType).OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>The sign-off list as the form shows it: one role a line, consulted ones after "Consulted: ".</summary>
    public static string RolesText(CoveringTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return string.Join("\n", template.SignOffRoles.Select(r => r.Consulted ? $"{ConsultedPrefix} {r.Title}" : r.Title));
    }

    /// <summary>The sign-off list from the form's text (blank lines skipped).</summary>
    public static IReadOnlyList<(string Title, bool Consulted)> ParseRoles(string? text) =>
        (text ?? string.Empty).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => l.StartsWith(ConsultedPrefix, StringComparison.OrdinalIgnoreCase) ? (l[ConsultedPrefix.Length..].Trim(), true) : (l, false))
            .ToList();

    internal static void Check(List<FieldProblem> problems, string field, Func<string?> check)
    {
        try
        {
            check();
        }
        catch (DomainException e)
        {
            problems.Add(new(field, e.Message));
        }
    }
}
