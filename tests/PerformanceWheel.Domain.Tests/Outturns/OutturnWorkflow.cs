using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Outturns;

/// <summary>Draft → Submitted → Approved → Published, with Returned and back-to-draft in between.</summary>
public class OutturnWorkflow
{
    private static Outturn In(WorkflowState state)
    {
        var outturn = OutturnTable.Draft();
        WorkflowState[] path = state switch
        {
            WorkflowState.Draft => [],
            WorkflowState.Submitted => [WorkflowState.Submitted],
            WorkflowState.Returned => [WorkflowState.Submitted, WorkflowState.Returned],
            WorkflowState.Approved => [WorkflowState.Submitted, WorkflowState.Approved],
            _ => [WorkflowState.Submitted, WorkflowState.Approved, WorkflowState.Published],
        };
        foreach (var step in path)
        {
            outturn.MoveTo(step, "tester", DateTimeOffset.UnixEpoch);
        }

        outturn.State.ShouldBe(state);
        return outturn;
    }

    [Theory]
    [InlineData(WorkflowState.Draft, WorkflowState.Submitted)]
    [InlineData(WorkflowState.Returned, WorkflowState.Submitted)]
    [InlineData(WorkflowState.Submitted, WorkflowState.Approved)]
    [InlineData(WorkflowState.Submitted, WorkflowState.Returned)]
    [InlineData(WorkflowState.Submitted, WorkflowState.Draft)]
    [InlineData(WorkflowState.Approved, WorkflowState.Published)]
    [InlineData(WorkflowState.Approved, WorkflowState.Draft)]
    [InlineData(WorkflowState.Returned, WorkflowState.Draft)]
    public void AllowsTheWorkflowsSteps(WorkflowState from, WorkflowState to)
    {
        var outturn = In(from);
        var version = outturn.Version;

        outturn.MoveTo(to, "approver", DateTimeOffset.UnixEpoch);

        outturn.State.ShouldBe(to);
        outturn.UpdatedBy.ShouldBe("approver");
        outturn.Version.ShouldBe(version + 1);
    }

    [Theory]
    [InlineData(WorkflowState.Draft, WorkflowState.Draft)]
    [InlineData(WorkflowState.Draft, WorkflowState.Approved)]
    [InlineData(WorkflowState.Draft, WorkflowState.Returned)]
    [InlineData(WorkflowState.Draft, WorkflowState.Published)]
    [InlineData(WorkflowState.Submitted, WorkflowState.Submitted)]
    [InlineData(WorkflowState.Submitted, WorkflowState.Published)]
    [InlineData(WorkflowState.Returned, WorkflowState.Approved)]
    [InlineData(WorkflowState.Returned, WorkflowState.Published)]
    [InlineData(WorkflowState.Returned, WorkflowState.Returned)]
    [InlineData(WorkflowState.Approved, WorkflowState.Submitted)]
    [InlineData(WorkflowState.Approved, WorkflowState.Returned)]
    [InlineData(WorkflowState.Approved, WorkflowState.Approved)]
    [InlineData(WorkflowState.Published, WorkflowState.Draft)]
    [InlineData(WorkflowState.Published, WorkflowState.Submitted)]
    [InlineData(WorkflowState.Published, WorkflowState.Approved)]
    [InlineData(WorkflowState.Published, WorkflowState.Returned)]
    [InlineData(WorkflowState.Published, WorkflowState.Published)]
    public void RefusesOtherSteps(WorkflowState from, WorkflowState to)
    {
        var outturn = In(from);

        Should.Throw<DomainException>(() => outturn.MoveTo(to, "approver", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe($"X1 2019/20 Q2 is {from}; it cannot become {to}.");
        outturn.State.ShouldBe(from);
    }
}
