using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>Creates, changes and retires segments in a ring; each change audited as "Field: old → new".</summary>
public sealed class SegmentCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public Task<ChangeResult> SaveAsync(int? id, SegmentDraft draft, string by) => RunAsync(id, draft, by, save: true);

    /// <summary>The problems <see cref="SaveAsync"/> would find with <paramref name="draft"/> (a code in use, no ring), saving nothing.</summary>
    public Task<ChangeResult> CheckAsync(int? id, SegmentDraft draft) => RunAsync(id, draft, string.Empty, save: false);

    private async Task<ChangeResult> RunAsync(int? id, SegmentDraft draft, string by, bool save)
    {
        await using var db = await contexts.CreateDbContextAsync();
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Segment? segment = null;
        if (id is { } existingId)
        {
            segment = await db.Segments.Include(s => s.Group).Include(s => s.Committees).FirstOrDefaultAsync(s => s.Id == existingId);
            if (segment is null)
            {
                return ChangeResult.Failed("Title", $"There is no segment with the id {existingId}.");
            }
        }

        string? key = segment?.Code;
        SegmentGroup? group = segment?.Group;
        if (segment is null)
        {
            key = Check(problems, "Code", () => Guard.Required(draft.Code, "Segment code", Lengths.Code));
            if (key is not null && await db.Segments.AnyAsync(s => s.Code == key))
            {
                problems.Add(new("Code", $"A segment with the code {key} already exists."));
            }

            group = await db.SegmentGroups.Include(g => g.Plan).FirstOrDefaultAsync(g => g.Id == draft.GroupId);
            if (group is null)
            {
                problems.Add(new("GroupId", "Choose the ring the segment belongs to."));
            }
            else if (group.Plan.IsRetired)
            {
                problems.Add(new("GroupId", $"The ring {group.Name} is in the retired plan {group.Plan.Name}; choose a ring of the current plan."));
            }
        }

        Check(problems, "Title", () => Guard.Required(draft.Title, "Segment title", Lengths.Title));
        Check(problems, "Lead", () => Guard.Optional(draft.Lead, "Segment lead", Lengths.Name));
        var committees = await CommitteesAsync(db, draft.CommitteeIds, problems);
        if (problems.Count > 0)
        {
            return Abandon(db, problems);
        }

        if (!save)
        {
            return Checked(db, id);
        }

        var before = segment is null ? null : FrameworkAudit.Describe(segment);
        segment ??= group!.AddSegment(key!, draft.Title, draft.Lead, draft.Order);
        segment.Edit(draft.Title, draft.Lead, draft.Order);
        foreach (var c in segment.Committees.Where(c => !committees.Contains(c)).ToList())
        {
            segment.UntagCommittee(c);
        }

        foreach (var c in committees)
        {
            segment.TagCommittee(c);
        }

        if (draft.IsRetired)
        {
            segment.Retire();
        }
        else
        {
            segment.Reinstate();
        }

        await SaveAuditedAsync(db, clock, by, FrameworkAudit.ActionFor(before, draft.IsRetired), "Segment", segment.Code, before, FrameworkAudit.Describe(segment));
        return ChangeResult.Saved(segment.Id);
    }
}
