using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>
/// The quarterly workflow's steps, one table for everything that goes through it (figures and project updates):
/// a draft or returned item is submitted; a submitted one is approved or returned; an approved one is published.
/// Submitted, approved and returned items may go back to draft. Published items are final (a figure changes only by a
/// correction). Submitted, approved and published items are locked: their content no longer changes in entry.
/// </summary>
public static class WorkflowSteps
{
    /// <summary>Whether an item in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool Allows(WorkflowState from, WorkflowState to) => (from, to) switch
    {
        (WorkflowState.Draft or WorkflowState.Returned, WorkflowState.Submitted) => true,
        (WorkflowState.Submitted, WorkflowState.Approved or WorkflowState.Returned) => true,
        (WorkflowState.Approved, WorkflowState.Published) => true,
        (WorkflowState.Submitted or WorkflowState.Approved or WorkflowState.Returned, WorkflowState.Draft) => true,
        _ => false,
    };

    /// <summary>The new state, or a domain exception naming the item ("X1 2019/20 Q2 is Draft; it cannot become Approved.").</summary>
    public static WorkflowState Move(WorkflowState from, WorkflowState to, string item) =>
        Allows(from, to) ? to : throw new DomainException($"{item} is {from}; it cannot become {to}.");

    /// <summary>Whether the content is locked: submitted, approved and published items are no longer edited.</summary>
    public static bool IsLocked(WorkflowState state) => state is WorkflowState.Submitted or WorkflowState.Approved or WorkflowState.Published;

    /// <summary>The state an item is in once its content changes in entry: a returned item becomes a draft again.</summary>
    public static WorkflowState AfterEntry(WorkflowState state) => state == WorkflowState.Returned ? WorkflowState.Draft : state;
}
