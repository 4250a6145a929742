using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>Creates and renames the rings (segment groups) of a plan; each change audited as "Field: old → new".</summary>
public sealed class RingCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public Task<ChangeResult> SaveAsync(int? id, int planId, string name, int order, string by) => RunAsync(id, planId, name, order, by, save: true);

    /// <summary>The problems <see cref="SaveAsync"/> would find, saving nothing (the form checks a field as it is left).</summary>
    public Task<ChangeResult> CheckAsync(int? id, int planId, string name, int order) => RunAsync(id, planId, name, order, string.Empty, save: false);

    private async Task<ChangeResult> RunAsync(int? id, int planId, string name, int order, string by, bool save)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var problems = new List<FieldProblem>();
        var trimmed = Check(problems, "Name", () => Guard.Required(name, "Group name", Lengths.Name));
        SegmentGroup? group = null;
        Plan? plan;
        if (id is { } existingId)
        {
            group = await db.SegmentGroups.Include(g => g.Plan).ThenInclude(p => p.Groups).FirstOrDefaultAsync(g => g.Id == existingId);
            if (group is null)
            {
                return ChangeResult.Failed("Name", $"There is no ring with the id {existingId}.");
            }

            plan = group.Plan;
        }
        else
        {
            plan = await db.Plans.Include(p => p.Groups).FirstOrDefaultAsync(p => p.Id == planId);
        }

        CheckGroup(plan, group, trimmed, problems);

        if (problems.Count > 0)
        {
            return Abandon(db, problems);
        }

        if (!save)
        {
            return Checked(db, id);
        }

        var before = group is null ? null : FrameworkAudit.Describe(group);
        if (group is null)
        {
            group = plan!.AddGroup(trimmed!, order);
        }
        else
        {
            group.Rename(trimmed!, order);
        }

        await SaveAuditedAsync(db, clock, by, before is null ? "Created" : "Updated", "Segment group", group.Name, before, FrameworkAudit.Describe(group));
        return ChangeResult.Saved(group.Id);
    }

    /// <summary>
    /// Checks a ring as the ring form does: a new one needs a current plan, and a plan's rings have different names
    /// (<paramref name="group"/> is the ring being changed, null for a new one).
    /// </summary>
    internal static void CheckGroup(Plan? plan, SegmentGroup? group, string? name, List<FieldProblem> problems)
    {
        if (group is null && plan is null)
        {
            problems.Add(new("PlanId", "Choose the plan the ring belongs to."));
        }
        else if (group is null && plan!.IsRetired)
        {
            problems.Add(new("PlanId", $"The plan {plan.Name} is retired; add the ring to the current plan."));
        }

        if (name is not null && plan is not null && plan.Groups.Any(g => !ReferenceEquals(g, group) && g.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new("Name", $"The plan already has a ring named {name}."));
        }
    }
}
