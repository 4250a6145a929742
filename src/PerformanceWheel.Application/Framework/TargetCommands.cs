using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// Sets and removes measures' targets for the targets form. The rules and the audit text are <see cref="TargetRules"/>'s,
/// which the workbook import applies too; this class reads the form's text.
/// </summary>
public sealed class TargetCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    /// <summary>Sets a measure's target for a year, or for one period of it. Within range measures need a low and a high.</summary>
    public async Task<ChangeResult> SetAsync(int measureId, TargetDraft draft, string by)
    {
        await using var db = await contexts.CreateDbContextAsync();
        ArgumentNullException.ThrowIfNull(draft);
        var measure = await db.Measures.Include(m => m.Targets).FirstOrDefaultAsync(m => m.Id == measureId);
        if (measure is null)
        {
            return ChangeResult.Failed(FrameworkFields.Year, $"There is no measure with the id {measureId}.");
        }

        var problems = new List<FieldProblem>();
        FinancialYear? year = null;
        if (FinancialYear.TryParse(draft.Year, out var parsed))
        {
            year = parsed;
        }
        else
        {
            problems.Add(new(FrameworkFields.Year, $"'{draft.Year}' is not a financial year; expected a label such as 2019/20."));
        }

        ReportingPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(draft.Period))
        {
            if (ReportingPeriod.TryParse(draft.Period, out var p))
            {
                period = p;
            }
            else
            {
                problems.Add(new(FrameworkFields.Period, $"'{draft.Period}' is not a period; expected 2019/20 Q2 or Sep-19, or leave it empty for the whole year."));
            }
        }

        TargetRules.Check(measure, year, period, draft.Value, draft.Low, draft.High, problems);
        if (problems.Count > 0)
        {
            return Abandon(db, problems);
        }

        var set = TargetRules.Set(measure, year!.Value, period, draft.Value, draft.Low, draft.High, by, clock.GetUtcNow(), problems);
        if (set is not { } done)
        {
            return Abandon(db, problems);
        }

        var (target, audit) = done;

        if (audit is not null)
        {
            db.AuditEntries.Add(audit);
        }

        await db.SaveChangesAsync();
        return ChangeResult.Saved(target.Id);
    }

    public async Task<ChangeResult> RemoveAsync(int measureId, int targetId, string by)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var measure = await db.Measures.Include(m => m.Targets).FirstOrDefaultAsync(m => m.Id == measureId);
        var target = measure?.Targets.FirstOrDefault(t => t.Id == targetId);
        if (measure is null || target is null)
        {
            return ChangeResult.Failed(FrameworkFields.Year, "That target no longer exists.");
        }

        db.AuditEntries.Add(TargetRules.Remove(measure, target, by, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return ChangeResult.Saved(targetId);
    }
}
