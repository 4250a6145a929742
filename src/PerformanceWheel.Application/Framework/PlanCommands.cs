using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>Creates and changes council plans (their years may not overlap another current plan's); each change audited as "Field: old → new".</summary>
public sealed class PlanCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Creates a plan (when <paramref name="id"/> is null) or changes one. A plan's years may not overlap another current
    /// plan's, so each financial year has one plan for its wheel; a retired plan keeps its rings and segments for history.
    /// </summary>
    public Task<ChangeResult> SaveAsync(int? id, PlanDraft draft, string by) => RunAsync(id, draft, by, save: true);

    /// <summary>The problems <see cref="SaveAsync"/> would find with <paramref name="draft"/>, saving nothing (the form checks a field as it is left).</summary>
    public Task<ChangeResult> CheckAsync(int? id, PlanDraft draft) => RunAsync(id, draft, string.Empty, save: false);

    private async Task<ChangeResult> RunAsync(int? id, PlanDraft draft, string by, bool save)
    {
        await using var db = await contexts.CreateDbContextAsync();
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Plan? plan = null;
        if (id is { } existingId && (plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Name", $"There is no plan with the id {existingId}.");
        }

        var others = await db.Plans.AsNoTracking().Where(p => p.Id != (id ?? 0)).ToListAsync();
        if (CheckPlan(draft, others, problems) is not (var name, var first, var last))
        {
            return Abandon(db, problems);
        }

        if (!save)
        {
            return Checked(db, id);
        }

        var before = plan is null ? null : FrameworkAudit.Describe(plan);
        plan ??= db.Plans.Add(new Plan(name, first, last)).Entity;
        ApplyPlan(plan, name, first, last, draft.IsRetired);
        await SaveAuditedAsync(db, clock, by, FrameworkAudit.ActionFor(before, draft.IsRetired), "Plan", plan.Name, before, FrameworkAudit.Describe(plan));
        return ChangeResult.Saved(plan.Id);
    }

    /// <summary>
    /// Checks a plan as the plan form does, against the other plans (the workbook's Plans sheet passes those of the
    /// database and of its earlier rows): the name, unique; the years, in order and not overlapping a current plan's.
    /// Answers null when there is a problem (added to <paramref name="problems"/>).
    /// </summary>
    internal static (string Name, FinancialYear First, FinancialYear Last)? CheckPlan(PlanDraft draft, IEnumerable<Plan> others, List<FieldProblem> problems)
    {
        var count = problems.Count;
        var name = Check(problems, "Name", () => Guard.Required(draft.Name, "Plan name", Lengths.Name));
        var otherPlans = others.ToList();
        if (name is not null && otherPlans.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new("Name", $"There is already a plan named {name}."));
        }

        var first = Year(problems, "FirstYear", "first", draft.FirstYear);
        var last = Year(problems, "LastYear", "last", draft.LastYear);
        if (first is { } f && last is { } l)
        {
            if (l < f)
            {
                problems.Add(new("LastYear", $"The last year ({l.Label}) is before the first ({f.Label})."));
            }
            else if (!draft.IsRetired && otherPlans.FirstOrDefault(p => !p.IsRetired && p.FirstYear <= l && p.LastYear >= f) is { } overlap)
            {
                problems.Add(new("FirstYear",
                    $"{overlap.Name} already covers {overlap.FirstYear.Label} to {overlap.LastYear.Label}; change its years or retire it first, so each year has one plan."));
            }
        }

        return problems.Count > count ? null : (name!, first!.Value, last!.Value);
    }

    /// <summary>Gives a checked plan its name, years and whether it is retired.</summary>
    internal static void ApplyPlan(Plan plan, string name, FinancialYear first, FinancialYear last, bool retired)
    {
        plan.Rename(name);
        plan.ChangeYears(first, last);
        if (retired)
        {
            plan.Retire();
        }
        else
        {
            plan.Reinstate();
        }
    }
}
