using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>Creates, renames and retires committees; each change audited as "Field: old → new".</summary>
public sealed class CommitteeCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public Task<ChangeResult> SaveAsync(int? id, string committeeCode, string name, bool retired, string by) => RunAsync(id, committeeCode, name, retired, by, save: true);

    /// <summary>The problems <see cref="SaveAsync"/> would find (a code in use), saving nothing.</summary>
    public Task<ChangeResult> CheckAsync(int? id, string committeeCode, string name, bool retired) => RunAsync(id, committeeCode, name, retired, string.Empty, save: false);

    private async Task<ChangeResult> RunAsync(int? id, string committeeCode, string name, bool retired, string by, bool save)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var problems = new List<FieldProblem>();
        Committee? committee = null;
        if (id is { } existingId && (committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Name", $"There is no committee with the id {existingId}.");
        }

        string? key = committee?.Code;
        if (committee is null)
        {
            key = Check(problems, "Code", () => Guard.Required(committeeCode, "Committee code", Lengths.Code));
            if (key is not null && await db.Committees.AnyAsync(c => c.Code == key))
            {
                problems.Add(new("Code", $"A committee with the code {key} already exists."));
            }
        }

        Check(problems, "Name", () => Guard.Required(name, "Committee name", Lengths.Name));
        if (committee is { IsRetired: true } && !retired)
        {
            problems.Add(new("IsRetired", "A retired committee cannot be brought back; create a new one."));
        }

        if (problems.Count > 0)
        {
            return Abandon(db, problems);
        }

        if (!save)
        {
            return Checked(db, id);
        }

        var before = committee is null ? null : FrameworkAudit.Describe(committee);
        committee ??= db.Committees.Add(new Committee(key!, name)).Entity;
        committee.Rename(name);
        if (retired)
        {
            committee.Retire();
        }

        await SaveAuditedAsync(db, clock, by, FrameworkAudit.ActionFor(before, retired), "Committee", committee.Code, before, FrameworkAudit.Describe(committee));
        return ChangeResult.Saved(committee.Id);
    }
}
