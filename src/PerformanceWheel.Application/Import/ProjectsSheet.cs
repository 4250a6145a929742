using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Projects;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The workbook's Projects sheet, through the project form's checks (<see cref="ProjectCommands.CheckProject"/>)
/// in bulk: a project is matched by code (an existing one is updated), belongs to a segment (of the database or of the
/// Segments sheet) and is reported by a directorate (of the database or made by the Measures sheet); a retired project
/// cannot come back. Audited as the form audits it ("Project"). Checked after the framework sheets, before ProjectUpdates.
/// </summary>
internal sealed class ProjectsSheet(PerformanceWheelDbContext db, WorkbookContent content, ImportLedger ledger)
    : SheetCheck(content, ledger, ImportFormat.Projects)
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (Sheet is not { } sheet)
        {
            return;
        }

        var segments = (await db.Segments.ToListAsync(cancellationToken)).Union(db.Segments.Local).ToList();
        var directorates = (await db.Directorates.ToListAsync(cancellationToken)).Union(db.Directorates.Local).ToList();
        var projects = await db.Projects.Include(p => p.Segment).Include(p => p.Directorate).ToListAsync(cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Required(row, Code, "Project code", Lengths.Code);
            var title = Required(row, Title, "Project title", Lengths.Title);
            var segmentCode = Required(row, Segment, "Segment code", Lengths.Code);
            var directorateName = Required(row, Directorate, "Directorate name", Lengths.Name);
            var retired = YesNo(row, Retired);
            var segment = segmentCode is null ? null : Find(segments, s => s.Code, segmentCode);
            if (segmentCode is not null && segment is null)
            {
                Error(row, Segment, $"There is no segment with the code {segmentCode} in the database or on the Segments sheet.");
            }

            var directorate = directorateName is null ? null : Find(directorates, d => d.Name, directorateName);
            if (directorateName is not null && directorate is null)
            {
                Error(row, Directorate, $"There is no directorate named '{directorateName}' in the database or on the Measures sheet; add it first (Framework › Directorates).");
            }

            if (Errors.Count > before || Duplicate(row, Code, seen, code!, $"The project {code}"))
            {
                continue;
            }

            var project = Find(projects, p => p.Code, code!);
            var draft = new ProjectDraft(code!, title ?? string.Empty, 0, retired);
            var problems = new List<FieldProblem>();
            var key = ProjectCommands.CheckProject(project, draft, c => Find(projects, p => p.Code, c) is not null, segment, directorate, problems);
            if (problems.Count > 0)
            {
                Problems(row, problems);
                continue;
            }

            var old = project is null ? null : FrameworkAudit.Describe(project);
            if (project is null)
            {
                project = db.Projects.Add(new Project(key!, draft.Title, segment!)).Entity;
                projects.Add(project);
            }

            ProjectCommands.ApplyProject(project, draft, segment!, directorate!);
            var now = FrameworkAudit.Describe(project);
            var changes = FrameworkAudit.ChangesText(old, now);
            Ledger.Audit(FrameworkAudit.ActionFor(old, retired), "Project", project.Code, old, now);

            Count(ImportFormat.Projects, row, old is null ? "Created" : changes.Length > 0 ? "Updated" : null, project.Code, changes);
        }
    }

    // By code or name, ignoring case; an exact match wins.
    private static T? Find<T>(List<T> items, Func<T, string> key, string wanted)
        where T : class =>
        items.FirstOrDefault(i => key(i) == wanted) ?? items.FirstOrDefault(i => key(i).Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase));
}
