using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Covering;

/// <summary>
/// Reads the council's covering-report template (its own, or the default one until the Admin saves it) and the quarter's
/// covering report of a pack, as the pack prints it and the compose page shows it.
/// </summary>
public sealed class CoveringReportReader(IDbContextFactory<PerformanceWheelDbContext> contexts)
{
    /// <summary>The council's template; the default one (seed 001's sign-off list, generic texts) until the Admin saves one.</summary>
    public async Task<CoveringTemplate> TemplateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadTemplateAsync(db, tracked: false, cancellationToken) ?? CoveringTemplate.Default();
    }

    /// <summary>The packs a covering report can front: the Cabinet's, then each committee's in code order.</summary>
    public async Task<IReadOnlyList<CoveringPackChoice>> PacksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await LoadTemplateAsync(db, tracked: false, cancellationToken) ?? CoveringTemplate.Default();
        var committees = await db.Committees.AsNoTracking().Where(c => !c.IsRetired).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        return [
            new(CoveringSections.CabinetPack, template.CabinetMeeting, null),
            .. committees.OrderBy(c => c.Code, StringComparer.OrdinalIgnoreCase).Select(c => new CoveringPackChoice(CoveringSections.ScrutinyPack(c.Code), c.Name, c.Code)),
        ];
    }

    /// <summary>The quarter's covering report of a pack ("Cabinet", "Scrutiny:PC"), or null when none has been started.</summary>
    public async Task<CoveringView?> ForPackAsync(string pack, ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await LoadReportAsync(db, pack, quarter, tracked: false, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var template = await LoadTemplateAsync(db, tracked: false, cancellationToken) ?? CoveringTemplate.Default();
        return View(report, template);
    }

    /// <summary>
    /// Where each pack's covering report stands for the quarter (the Cabinet's, then each committee's): not started, or
    /// its sign-off rows signed, not yet signed off and changed since signed off.
    /// </summary>
    public async Task<IReadOnlyList<CoveringPackStatus>> QuarterStatusAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        var packs = await PacksAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await LoadTemplateAsync(db, tracked: false, cancellationToken) ?? CoveringTemplate.Default();
        var reports = await db.Set<CoveringReport>().Include(r => r.Texts).Include(r => r.SignOffs).Include("_changes").AsSplitQuery()
            .AsNoTracking().Where(r => r.Quarter == quarter).ToListAsync(cancellationToken);
        return packs.Select(pack => reports.FirstOrDefault(r => r.Pack == pack.Key) is { } report
            ? CoveringPackStatus.Of(pack, View(report, template))
            : new CoveringPackStatus(pack, false, 0, 0, 0)).ToList();
    }

    internal static async Task<CoveringTemplate?> LoadTemplateAsync(PerformanceWheelDbContext db, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Set<CoveringTemplate>().Include(t => t.Texts).Include("_signOffRoles").AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
    }

    internal static async Task<CoveringReport?> LoadReportAsync(PerformanceWheelDbContext db, string pack, ReportingPeriod quarter, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Set<CoveringReport>().Include(r => r.Texts).Include(r => r.SignOffs).Include("_changes").AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Pack == pack && r.Quarter == quarter, cancellationToken);
    }

    /// <summary>The report as printed: its texts, and a sign-off row for each role of the council's list (then any other role signed).</summary>
    internal static CoveringView View(CoveringReport report, CoveringTemplate template)
    {
        var roles = template.SignOffRoles.Select(r => (r.Title, r.Consulted)).ToList();
        foreach (var signed in report.SignOffs.OrderBy(s => s.Id))
        {
            if (!roles.Any(r => string.Equals(r.Title, signed.Role, StringComparison.OrdinalIgnoreCase)))
            {
                roles.Insert(roles.Count(r => !r.Consulted), (signed.Role, false));
            }
        }

        var lines = roles.Select(role =>
        {
            var signOff = report.SignOffOf(role.Title);
            return signOff is null
                ? new CoveringSignOffLine(role.Title, role.Consulted, null, null, [])
                : new CoveringSignOffLine(role.Title, role.Consulted, signOff.Name, signOff.SignedOn, report.ChangesSince(signOff).Select(Line).ToList());
        }).ToList();

        return new CoveringView(
            report.Id,
            report.Pack,
            report.Quarter,
            report.Details,
            report.Texts.ToDictionary(t => t.Section, t => t.Text),
            lines,
            report.Changes.Select(Line).ToList(),
            report.Revision,
            report.Version,
            report.ChangedBy,
            report.ChangedAt);
    }

    private static CoveringChangeLine Line(CoveringChange change) => new(change.Revision, change.What, change.By, change.At);
}
