using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>Creates, renames, retires and reinstates directorates; each change audited as "Field: old → new".</summary>
public sealed class DirectorateCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public Task<ChangeResult> SaveAsync(int? id, string name, bool retired, string by) => RunAsync(id, name, retired, by, save: true);

    /// <summary>The problems <see cref="SaveAsync"/> would find (a name in use), saving nothing.</summary>
    public Task<ChangeResult> CheckAsync(int? id, string name, bool retired) => RunAsync(id, name, retired, string.Empty, save: false);

    private async Task<ChangeResult> RunAsync(int? id, string name, bool retired, string by, bool save)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var problems = new List<FieldProblem>();
        var trimmed = Check(problems, "Name", () => Guard.Required(name, "Directorate name", Lengths.Name));
        Directorate? directorate = null;
        if (id is { } existingId && (directorate = await db.Directorates.FirstOrDefaultAsync(d => d.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Name", $"There is no directorate with the id {existingId}.");
        }

        if (trimmed is not null && (await db.Directorates.Where(d => d.Id != (id ?? 0)).Select(d => d.Name).ToListAsync())
                .Any(n => n.Equals(trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new("Name", $"There is already a directorate named {trimmed}."));
        }

        if (problems.Count > 0)
        {
            return Abandon(db, problems);
        }

        if (!save)
        {
            return Checked(db, id);
        }

        var before = directorate is null ? null : FrameworkAudit.Describe(directorate);
        directorate ??= db.Directorates.Add(new Directorate(trimmed!)).Entity;
        directorate.Rename(trimmed!);
        if (retired)
        {
            directorate.Retire();
        }
        else
        {
            directorate.Reinstate();
        }

        await SaveAuditedAsync(db, clock, by, FrameworkAudit.ActionFor(before, retired), "Directorate", directorate.Name, before, FrameworkAudit.Describe(directorate));
        return ChangeResult.Saved(directorate.Id);
    }
}
