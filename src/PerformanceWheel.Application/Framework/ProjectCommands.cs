using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Projects;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>Creates, changes and retires projects under a segment; each change audited as "Field: old → new".</summary>
public sealed class ProjectCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public async Task<ChangeResult> SaveAsync(int? id, ProjectDraft draft, string by)
    {
        await using var db = await contexts.CreateDbContextAsync();
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Project? project = null;
        if (id is { } existingId && (project = await db.Projects.Include(p => p.Segment).Include(p => p.Directorate).FirstOrDefaultAsync(p => p.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Title", $"There is no project with the id {existingId}.");
        }

        var candidate = draft.Code?.Trim();
        var taken = project is null && !string.IsNullOrEmpty(candidate) && await db.Projects.AnyAsync(p => p.Code == candidate);
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == draft.SegmentId);
        var directorate = await db.Directorates.FirstOrDefaultAsync(d => d.Id == draft.DirectorateId);
        var key = CheckProject(project, draft, _ => taken, segment, directorate, problems);
        if (problems.Count > 0)
        {
            return Abandon(db, problems);
        }

        var before = project is null ? null : FrameworkAudit.Describe(project);
        project ??= db.Projects.Add(new Project(key!, draft.Title, segment!)).Entity;
        ApplyProject(project, draft, segment!, directorate!);
        await SaveAuditedAsync(db, clock, by, FrameworkAudit.ActionFor(before, draft.IsRetired), "Project", project.Code, before, FrameworkAudit.Describe(project));
        return ChangeResult.Saved(project.Id);
    }

    /// <summary>
    /// Checks a project as the project form does (a new one's code, not taken; the title; the segment and the reporting
    /// directorate, found by the caller; a retired project stays retired) and answers its code.
    /// </summary>
    internal static string? CheckProject(Project? project, ProjectDraft draft, Func<string, bool> codeTaken, Segment? segment, Directorate? directorate, List<FieldProblem> problems)
    {
        var key = project?.Code;
        if (project is null)
        {
            key = Check(problems, "Code", () => Guard.Required(draft.Code, "Project code", Lengths.Code));
            if (key is not null && codeTaken(key))
            {
                problems.Add(new("Code", $"A project with the code {key} already exists."));
            }
        }

        Check(problems, "Title", () => Guard.Required(draft.Title, "Project title", Lengths.Title));
        if (segment is null)
        {
            problems.Add(new("SegmentId", "Choose the segment the project belongs to."));
        }

        if (directorate is null)
        {
            problems.Add(new("DirectorateId", "Choose the directorate that reports the project."));
        }

        if (project is { IsRetired: true } && !draft.IsRetired)
        {
            problems.Add(new("IsRetired", "A retired project cannot be brought back; create a new one."));
        }

        return key;
    }

    /// <summary>Gives a checked project its title, segment and directorate, and retires it when asked.</summary>
    internal static void ApplyProject(Project project, ProjectDraft draft, Segment segment, Directorate directorate)
    {
        project.Edit(draft.Title, segment);
        project.AssignTo(directorate);
        if (draft.IsRetired)
        {
            project.Retire();
        }
    }
}
