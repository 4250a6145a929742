using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;

namespace PerformanceWheel.Application.Projects;

/// <summary>One project of a directorate on the entry page: its update for the quarter (if any) and the one before.</summary>
public sealed record ProjectEntryRow(Project Project, ProjectUpdate? Update, ProjectUpdate? Previous);

/// <summary>A directorate's project updates for a quarter, with the history of their workflow steps.</summary>
public sealed record ProjectEntry(string Directorate, ReportingPeriod Quarter, IReadOnlyList<ProjectEntryRow> Rows, IReadOnlyList<AuditEntry> History)
{
    public int Count(WorkflowState state) => Rows.Count(r => r.Update?.State == state);

    public int Missing => Rows.Count(r => r.Update is null);
}

/// <summary>One directorate's project updates on the data-due tracker.</summary>
public sealed record ProjectDueLine(string Directorate, int Due, IReadOnlyList<string> Missing, int Draft, int Returned, int Submitted, int Approved, int Published);

/// <summary>
/// Reads project updates. Every read for readers (pages, packs, exports, API, open data) goes through
/// <see cref="Visible"/>, which applies the reader's <see cref="FigureScope"/>: published updates for everybody, drafts
/// (draft, submitted, returned, approved) only of the directorates whose drafts the reader sees.
/// </summary>
public sealed class ProjectUpdateReader(IDbContextFactory<PerformanceWheelDbContext> contexts)
{
    /// <summary>Projects with the updates (and their milestones) this reader may see.</summary>
    public static IQueryable<Project> Visible(PerformanceWheelDbContext db, FigureScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var projects = db.Projects.AsNoTracking().Include(p => p.Directorate);
        if (scope.AllDrafts)
        {
            return projects.Include(p => p.Updates).ThenInclude(u => u.Milestones).AsSplitQuery();
        }

        var names = scope.DraftDirectorates.ToList();
        var draftProjects = db.Projects.Where(p => p.Directorate != null && names.Contains(p.Directorate.Name)).Select(p => p.Id);
        return projects
            .Include(p => p.Updates.Where(u => u.State == WorkflowState.Published || draftProjects.Contains(u.ProjectId)))
            .ThenInclude(u => u.Milestones)
            .AsSplitQuery();
    }

    /// <summary>A directorate's projects (not retired) with their update for the quarter and the quarter before.</summary>
    public async Task<ProjectEntry?> EntryAsync(string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Directorates.AnyAsync(d => d.Name == directorate, cancellationToken))
        {
            return null;
        }

        var previous = quarter.Previous;
        var projects = await db.Projects.AsNoTracking().Include(p => p.Directorate).Include(p => p.Segment)
            .Include(p => p.Updates.Where(u => u.Period == quarter || u.Period == previous)).ThenInclude(u => u.Milestones)
            .Where(p => !p.IsRetired && p.Directorate!.Name == directorate)
            .OrderBy(p => p.Code)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var rows = projects.Select(p => new ProjectEntryRow(p, p.Updates.FirstOrDefault(u => u.Period == quarter), p.Updates.FirstOrDefault(u => u.Period == previous))).ToList();
        var key = ProjectUpdateCommands.StepKey(directorate, quarter);
        var codes = projects.Select(p => ProjectUpdateCommands.Key(p.Code, quarter)).ToList();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == ProjectUpdateCommands.StepEntityType && a.EntityKey == key) || (a.EntityType == ProjectUpdateCommands.EntityType && codes.Contains(a.EntityKey)))
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return new ProjectEntry(directorate, quarter, rows, history);
    }

    /// <summary>For each directorate with projects: updates due for the quarter, missing, and in each workflow state.</summary>
    public async Task<IReadOnlyList<ProjectDueLine>> TrackerAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Include(p => p.Directorate)
            .Include(p => p.Updates.Where(u => u.Period == quarter))
            .Where(p => !p.IsRetired && p.Directorate != null && !p.Directorate.IsRetired)
            .ToListAsync(cancellationToken);
        return projects.GroupBy(p => p.Directorate!.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var updates = g.Select(p => p.Updates.FirstOrDefault()).ToList();
            int Count(WorkflowState s) => updates.Count(u => u?.State == s);
            return new ProjectDueLine(g.Key, g.Count(), g.Where(p => p.Updates.Count == 0).Select(p => p.Code).Order(StringComparer.Ordinal).ToList(),
                Count(WorkflowState.Draft), Count(WorkflowState.Returned), Count(WorkflowState.Submitted), Count(WorkflowState.Approved), Count(WorkflowState.Published));
        }).ToList();
    }

    /// <summary>The updates a reader may see, newest quarter first, optionally of one quarter, directorate or project.</summary>
    public async Task<IReadOnlyList<(Project Project, ProjectUpdate Update)>> ListAsync(
        FigureScope scope, ReportingPeriod? quarter, string? directorate, string? projectCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await Visible(db, scope)
            .Where(p => directorate == null || (p.Directorate != null && p.Directorate.Name == directorate))
            .Where(p => projectCode == null || p.Code == projectCode)
            .ToListAsync(cancellationToken);
        return projects
            .SelectMany(p => p.Updates.Where(u => quarter == null || u.Period == quarter).Select(u => (p, u)))
            .OrderByDescending(x => x.u.Period).ThenBy(x => x.p.Code, StringComparer.Ordinal)
            .ToList();
    }
}
