using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The workbook's Rings sheet, through the ring form's checks (<see cref="RingCommands.CheckGroup"/>) in bulk:
/// a ring is named with its plan (of the database or of the Plans sheet); an existing ring of the plan with that name
/// is updated (its order), a new one needs a plan that is not retired. Audited as the form audits it ("Segment group").
/// Checked before the Segments sheet, whose Group column can then name a ring of this sheet.
/// </summary>
internal sealed class RingsSheet(PerformanceWheelDbContext db, WorkbookContent content, ImportLedger ledger)
    : SheetCheck(content, ledger, Rings)
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (Sheet is not { } sheet)
        {
            return;
        }

        var plans = (await db.Plans.Include(p => p.Groups).ToListAsync(cancellationToken)).Union(db.Plans.Local).ToList();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var planName = Required(row, PlanName, "Plan name", Lengths.Name);
            var name = Required(row, Name, "Ring name", Lengths.Name);
            var (order, orderProblem) = ImportCells.WholeNumber(Cell(row, Order));
            Problem(row, Order, orderProblem);
            var plan = planName is null ? null : plans.FirstOrDefault(p => p.Name.Trim().Equals(planName, StringComparison.OrdinalIgnoreCase));
            if (planName is not null && plan is null)
            {
                Error(row, PlanName, $"There is no plan named '{planName}' in the database or on the Plans sheet.");
            }

            if (Errors.Count > before || Duplicate(row, Name, seen, $"{plan!.Name}\n{name}", $"The ring {name} of {plan.Name}"))
            {
                continue;
            }

            var group = plan.Groups.FirstOrDefault(g => g.Name.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
            var problems = new List<FieldProblem>();
            RingCommands.CheckGroup(plan, group, name, problems);
            if (problems.Count > 0)
            {
                Problems(row, problems);
                continue;
            }

            var old = group is null ? null : FrameworkAudit.Describe(group);
            if (group is null)
            {
                group = plan.AddGroup(name!, order ?? (plan.Groups.Count == 0 ? 1 : plan.Groups.Max(g => g.Order) + 1));
            }
            else
            {
                group.Rename(name!, order ?? group.Order);
            }

            var now = FrameworkAudit.Describe(group);
            var changes = FrameworkAudit.ChangesText(old, now);
            Ledger.Audit(old is null ? "Created" : "Updated", "Segment group", group.Name, old, now);

            Count(Rings, row, old is null ? "Created" : changes.Length > 0 ? "Updated" : null, $"Ring {group.Name}", $"in {plan.Name}; {changes}");
        }
    }
}
