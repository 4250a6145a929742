using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>The Segments sheet: creates segments (and the rings they name) in the latest current plan, or retitles and reorders existing ones.</summary>
internal sealed class SegmentSheet(WorkbookContent content, ImportLedger ledger, ImportCatalogue catalogue) : SheetCheck(content, ledger, Segments)
{
    public void Check()
    {
        if (Sheet is not { } sheet)
        {
            catalogue.SegmentCodesOnSheet.UnionWith(CodesOfUnusableSheet());
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Required(row, Code, "Segment code", Lengths.Code);
            var title = Required(row, Name, "Segment title", Lengths.Title);
            var groupName = Required(row, Group, "Group name", Lengths.Name);
            var order = WholeNumber(row, Order);
            if (code is not null)
            {
                catalogue.SegmentCodesOnSheet.Add(code);
                Duplicate(row, Code, seen, code, $"The segment {code}");
            }

            if (Errors.Count > before)
            {
                continue;
            }

            var group = FindGroup(groupName!);
            if (catalogue.Segments.TryGetValue(code!, out var segment))
            {
                if (!segment.Group.Name.Trim().Equals(groupName!.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    Error(row, Group, $"The segment {segment.Code} is in the ring '{segment.Group.Name}'; an import cannot move a segment to another ring.");
                    continue;
                }

                var old = FrameworkAudit.Describe(segment);
                segment.Edit(title!, segment.Lead, order ?? segment.Order);
                Ledger.Record(sheet, row, Segments, "Segment", segment.Code, old, FrameworkAudit.Describe(segment), null);
                continue;
            }

            group ??= CreateGroup(sheet, row, groupName!);
            if (group is null)
            {
                continue;
            }

            segment = group.AddSegment(code!, title!, null, order ?? (group.Segments.Count == 0 ? 1 : group.Segments.Max(s => s.Order) + 1));
            catalogue.Segments[segment.Code] = segment;
            Ledger.Record(sheet, row, Segments, "Segment", segment.Code, null, FrameworkAudit.Describe(segment), $"{segment.Title} (ring {group.Name})");
        }
    }

    // New segments and rings go in the current (not retired) plans, the latest first; a retired plan is kept as it was.
    private SegmentGroup? FindGroup(string name) =>
        catalogue.Plans.Where(p => !p.IsRetired).SelectMany(p => p.Groups).FirstOrDefault(g => g.Name.Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    private SegmentGroup? CreateGroup(SheetRows sheet, SheetRow row, string name)
    {
        var plan = catalogue.Plans.FirstOrDefault(p => !p.IsRetired);
        if (plan is null)
        {
            Error(row, Group, catalogue.Plans.Count == 0
                ? $"There is no ring named '{name}' and no plan to add it to: create the plan first (Framework › Plans, rings and segments › Add a plan)."
                : $"There is no ring named '{name}' and every plan is retired: add a plan for the current council term first (Framework › Plans, rings and segments › Add a plan).");
            return null;
        }

        var group = plan.AddGroup(name.Trim(), plan.Groups.Count == 0 ? 1 : plan.Groups.Max(g => g.Order) + 1);
        Ledger.Counts[ImportLedger.Rings].Created++;
        Ledger.Audit("Created", "Segment group", group.Name, null, FrameworkAudit.Describe(group));
        Ledger.Change(sheet.Sheet.Name, row.Number, "Created", $"Ring {group.Name}", $"in {plan.Name}");
        return group;
    }
}
