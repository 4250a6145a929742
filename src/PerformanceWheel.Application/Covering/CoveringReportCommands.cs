using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Application.Covering.CoveringTemplateCommands;

namespace PerformanceWheel.Application.Covering;

/// <summary>
/// The performance officers' commands on a quarter's covering report (Admin and PerformanceOfficer): start it from the
/// council's template, change it, and record or clear each role's sign-off. Every field is checked before anything is
/// saved, with a message naming it; an edit carries the version it started from and is refused when someone else saved
/// in between; every change is audited ("Covering report", "{pack} {quarter}").
/// </summary>
public sealed class CoveringReportCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public const string AuditType = "Covering report";

    /// <summary>Starts the quarter's covering report of a pack from the template (the meeting: the Cabinet's name or the committee's).</summary>
    public async Task<ChangeResult> StartAsync(string? pack, ReportingPeriod quarter, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsOfficer)
        {
            return NotOfficer();
        }

        if (quarter.Kind != PeriodKind.Quarter)
        {
            return ChangeResult.Failed("Quarter", $"A covering report is for a quarter, such as 2019/20 Q2; {quarter.Label} is not one.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await CoveringReportReader.LoadTemplateAsync(db, tracked: false, cancellationToken) ?? CoveringTemplate.Default();
        var meeting = await MeetingAsync(db, pack, template, cancellationToken);
        if (meeting is null)
        {
            return ChangeResult.Failed("Pack", $"There is no pack '{pack}': choose the Cabinet pack or a committee's Scrutiny pack.");
        }

        if (await db.Set<CoveringReport>().AnyAsync(r => r.Pack == pack && r.Quarter == quarter, cancellationToken))
        {
            return ChangeResult.Failed("Pack", $"The covering report of this pack for {quarter.Label} has already been started.");
        }

        var report = new CoveringReport(pack!, quarter, meeting, template, user.Name, clock.GetUtcNow());
        db.Add(report);
        db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Started", AuditType, Key(report), $"Meeting: {report.Meeting}; from the council's template"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await ExistsAsync(pack!, quarter, cancellationToken))
            {
                throw;
            }

            return ChangeResult.Failed("Pack", $"Someone else has just started the covering report of this pack for {quarter.Label}. Reload the page.");
        }

        return ChangeResult.Saved(report.Id);
    }

    /// <summary>Changes the report's front matter and sections. Nothing is saved when any field is wrong or someone else saved since <see cref="CoveringReportInput.Version"/>.</summary>
    public async Task<ChangeResult> SaveAsync(string pack, ReportingPeriod quarter, CoveringReportInput input, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsOfficer)
        {
            return NotOfficer();
        }

        var problems = new List<FieldProblem>();
        var d = input.Details;
        Check(problems, nameof(CoveringDetails.Meeting), () => Guard.Required(d.Meeting, "Meeting", Lengths.Name));
        Check(problems, nameof(CoveringDetails.ForwardPlanReference), () => Guard.Optional(d.ForwardPlanReference, "Forward plan reference", Lengths.Label));
        Check(problems, nameof(CoveringDetails.ExecutiveMembers), () => Guard.Optional(d.ExecutiveMembers, "Executive member(s)", Lengths.Title));
        Check(problems, nameof(CoveringDetails.LeadOfficer), () => Guard.Optional(d.LeadOfficer, "Lead officer", Lengths.Title));
        Check(problems, nameof(CoveringDetails.Author), () => Guard.Optional(d.Author, "Author", Lengths.Title));
        Check(problems, nameof(CoveringDetails.Contact), () => Guard.Optional(d.Contact, "Contact details", Lengths.Title));
        foreach (var (section, text) in input.Texts)
        {
            Check(problems, section.ToString(), () => Guard.Optional(text, CoveringSections.Heading(section), Lengths.Text));
        }

        if (problems.Count > 0)
        {
            return ChangeResult.Failed(problems);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await CoveringReportReader.LoadReportAsync(db, pack, quarter, tracked: true, cancellationToken);
        if (report is null)
        {
            return Missing(quarter);
        }

        if (input.Version is { } seen && seen != report.Version)
        {
            return ChangeResult.Failed(nameof(CoveringDetails.Meeting),
                $"{report.ChangedBy} changed this covering report at {report.ChangedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} UTC, or a sign-off was recorded, since you opened it. Your text is kept below: save again to replace theirs.");
        }

        var changed = report.Change(d, input.Texts, user.Name, clock.GetUtcNow());
        if (changed.Count == 0)
        {
            return ChangeResult.Saved(report.Id);
        }

        var signed = report.SignOffs.Count;
        db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Changed", AuditType, Key(report),
            FrameworkAudit.Shorten($"Revision {report.Revision}: {string.Join(", ", changed)}{(signed > 0 ? $" (after {Counted.Of(signed, "sign-off")})" : string.Empty)}", Lengths.Text)));
        return await SaveOrConflictAsync(db, report, cancellationToken);
    }

    /// <summary>Records (or replaces) a role's sign-off: the name of who signed and the date.</summary>
    public async Task<ChangeResult> SignOffAsync(string pack, ReportingPeriod quarter, string? role, string? name, DateOnly? signedOn, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsOfficer)
        {
            return NotOfficer();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await CoveringReportReader.LoadReportAsync(db, pack, quarter, tracked: true, cancellationToken);
        if (report is null)
        {
            return Missing(quarter);
        }

        var template = await CoveringReportReader.LoadTemplateAsync(db, tracked: false, cancellationToken) ?? CoveringTemplate.Default();
        var known = template.SignOffRoles.Select(r => r.Title).Concat(report.SignOffs.Select(s => s.Role));
        if (string.IsNullOrWhiteSpace(role) || !known.Contains(role.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return ChangeResult.Failed("Role", $"'{role}' is not a role of the council's sign-off list.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CoveringSignOff signOff;
        try
        {
            signOff = report.SignOff(role, name, signedOn, today, user.Name, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ChangeResult.Failed(e.Field ?? "Name", e.Message);
        }

        db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Signed off", AuditType, Key(report),
            FrameworkAudit.Shorten($"{signOff.Role}: {signOff.Name}, {signOff.SignedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} (revision {signOff.AtRevision})", Lengths.Text)));
        return await SaveOrConflictAsync(db, report, cancellationToken);
    }

    /// <summary>Clears a role's sign-off (recorded in error); the audit entry keeps who had signed.</summary>
    public async Task<ChangeResult> ClearSignOffAsync(string pack, ReportingPeriod quarter, string? role, WorkflowUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsOfficer)
        {
            return NotOfficer();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await CoveringReportReader.LoadReportAsync(db, pack, quarter, tracked: true, cancellationToken);
        if (report is null)
        {
            return Missing(quarter);
        }

        var signOff = report.SignOffOf(role ?? string.Empty);
        if (signOff is null)
        {
            return ChangeResult.Failed("Role", $"'{role}' has not signed off this report.");
        }

        var was = $"{signOff.Role}: {signOff.Name}, {signOff.SignedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
        report.ClearSignOff(signOff.Role);
        db.AuditEntries.Add(new AuditEntry(user.Name, clock.GetUtcNow(), "Sign-off cleared", AuditType, Key(report), FrameworkAudit.Shorten(was, Lengths.Text)));
        return await SaveOrConflictAsync(db, report, cancellationToken);
    }

    /// <summary>The report's audit trail, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string pack, ReportingPeriod quarter, int take = 30, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = Key(pack, quarter);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditType && a.EntityKey == key)
            .OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    public static string Key(string pack, ReportingPeriod quarter) => FrameworkAudit.Shorten($"{pack} {quarter.Label}", Lengths.Label);

    private static string Key(CoveringReport report) => Key(report.Pack, report.Quarter);

    private static async Task<string?> MeetingAsync(PerformanceWheelDbContext db, string? pack, CoveringTemplate template, CancellationToken cancellationToken)
    {
        if (pack == CoveringSections.CabinetPack)
        {
            return template.CabinetMeeting;
        }

        var code = pack is null ? null : CoveringSections.CommitteeOf(pack);
        return code is null
            ? null
            : await db.Committees.AsNoTracking().Where(c => c.Code == code && !c.IsRetired).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> ExistsAsync(string pack, ReportingPeriod quarter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<CoveringReport>().AnyAsync(r => r.Pack == pack && r.Quarter == quarter, cancellationToken);
    }

    private static async Task<ChangeResult> SaveOrConflictAsync(PerformanceWheelDbContext db, CoveringReport report, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult.Saved(report.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Failed(nameof(CoveringDetails.Meeting), "Someone else saved this covering report at the same moment; nothing of yours was saved. Reload the page and try again.");
        }
    }

    private static ChangeResult Missing(ReportingPeriod quarter) =>
        ChangeResult.Failed("Pack", $"This pack has no covering report for {quarter.Label} yet: start it first.");

    private static ChangeResult NotOfficer() =>
        ChangeResult.Failed("Pack", "Only the performance officers (PerformanceOfficer or Admin) write covering reports.");
}
