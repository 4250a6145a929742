using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The workbook's Plans sheet, through the plan form's checks (<see cref="PlanCommands.CheckPlan"/>) in bulk:
/// a plan is matched by name (an existing one is updated), its years may not overlap another current plan's (of the
/// database or of an earlier row), and each change is audited as the form audits it ("Plan", "Field: old → new").
/// Checked before the other sheets, so the Rings sheet can name a new plan, and new figures may fall in its years.
/// </summary>
internal sealed class PlansSheet(PerformanceWheelDbContext db, WorkbookContent content, ImportLedger ledger)
    : SheetCheck(content, ledger, Plans)
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (Sheet is not { } sheet)
        {
            return;
        }

        var plans = await db.Plans.Include(p => p.Groups).ToListAsync(cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var name = Text(row, Name);
            var first = Year(row, FirstYear);
            var last = Year(row, LastYear);
            var retired = YesNo(row, Retired);
            if (Errors.Count > before || (name is not null && Duplicate(row, Name, seen, name, $"The plan {name}")))
            {
                continue;
            }

            var plan = name is null ? null : plans.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var problems = new List<FieldProblem>();
            if (PlanCommands.CheckPlan(new PlanDraft(name ?? string.Empty, first, last, retired), plans.Where(p => p != plan), problems) is not (var n, var f, var l))
            {
                Problems(row, problems);
                continue;
            }

            var old = plan is null ? null : FrameworkAudit.Describe(plan);
            if (plan is null)
            {
                plan = db.Plans.Add(new Plan(n, f, l)).Entity;
                plans.Add(plan);
            }

            PlanCommands.ApplyPlan(plan, n, f, l, retired);
            var now = FrameworkAudit.Describe(plan);
            var changes = FrameworkAudit.ChangesText(old, now);
            Ledger.Audit(FrameworkAudit.ActionFor(old, retired), "Plan", plan.Name, old, now);

            Count(Plans, row, old is null ? "Created" : changes.Length > 0 ? "Updated" : null, $"Plan {plan.Name}", changes);
        }
    }

    // A year as the form takes it (its label); a date cell means the financial year it falls in.
    private string? Year(SheetRow row, string column)
    {
        var (year, problem) = ImportCells.Year(Cell(row, column));
        Problem(row, column, problem);
        return year?.Label;
    }
}
