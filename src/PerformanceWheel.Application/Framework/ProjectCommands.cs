using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Projects;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>Creates, changes and retires projects under a segment; each change audited as "Field: old → new".</summary>
public sealed class ProjectCommands(PerformanceWheelDbContext db, TimeProvider clock)
{
    public async Task<ChangeResult> SaveAsync(int? id, ProjectDraft draft, string by)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Project? project = null;
        if (id is { } existingId && (project = await db.Projects.Include(p => p.Segment).Include(p => p.Directorate).FirstOrDefaultAsync(p => p.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Title", $"There is no project with the id {existingId}.");
        }

        string? key = project?.Code;
        if (project is null)
        {
            key = Check(problems, "Code", () => Guard.Required(draft.Code, "Project code", Lengths.Code));
            if (key is not null && await db.Projects.AnyAsync(p => p.Code == key))
            {
                problems.Add(new("Code", $"A project with the code {key} already exists."));
            }
        }

        Check(problems, "Title", () => Guard.Required(draft.Title, "Project title", Lengths.Title));
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == draft.SegmentId);
        if (segment is null)
        {
            problems.Add(new("SegmentId", "Choose the segment the project belongs to."));
        }

        var directorate = await db.Directorates.FirstOrDefaultAsync(d => d.Id == draft.DirectorateId);
        if (directorate is null)
        {
            problems.Add(new("DirectorateId", "Choose the directorate that reports the project."));
        }

        if (project is { IsRetired: true } && !draft.IsRetired)
        {
            problems.Add(new("IsRetired", "A retired project cannot be brought back; create a new one."));
        }

        if (problems.Count > 0)
        {
            return Abandon(db, problems);
        }

        var before = project is null ? null : FrameworkAudit.Describe(project);
        project ??= db.Projects.Add(new Project(key!, draft.Title, segment!)).Entity;
        project.Edit(draft.Title, segment!);
        project.AssignTo(directorate!);
        if (draft.IsRetired)
        {
            project.Retire();
        }

        await SaveAuditedAsync(db, clock, by, FrameworkAudit.ActionFor(before, draft.IsRetired), "Project", project.Code, before, FrameworkAudit.Describe(project));
        return ChangeResult.Saved(project.Id);
    }
}
