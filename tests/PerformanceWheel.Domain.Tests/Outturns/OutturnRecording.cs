using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;
using static PerformanceWheel.Domain.Tests.Support.Values;

namespace PerformanceWheel.Domain.Tests.Outturns;

/// <summary>An outturn holds a value or a status (TBC, N/A, not available), never both and never neither.</summary>
public class OutturnRecording
{
    private static readonly DateTimeOffset At = new(2019, 10, 15, 9, 0, 0, TimeSpan.Zero);

    private static Outturn NewPercentOutturn() => MeasureBuilder.Quarterly().Build().NewOutturn(P("2019/20 Q2"));

    [Fact]
    public void RejectsBothAValueAndAStatus()
    {
        Should.Throw<DomainException>(() => NewPercentOutturn().Record(50m, OutturnStatus.Tbc, false, null, "tester", At))
            .Message.ShouldBe("Give a value or a status (TBC, N/A or Not available), not both.");
    }

    [Fact]
    public void RejectsNeitherAValueNorAStatus()
    {
        Should.Throw<DomainException>(() => NewPercentOutturn().Record(null, null, false, null, "tester", At))
            .Message.ShouldBe("Give a value, or a status (TBC, N/A or Not available) when there is none.");
    }

    [Theory]
    [InlineData("120")]
    [InlineData("100.1")]
    [InlineData("-1")]
    public void RejectsAPercentageOutsideZeroToAHundred(string value)
    {
        var outturn = NewPercentOutturn();

        Should.Throw<DomainException>(() => outturn.Record(D(value), null, false, null, "tester", At))
            .Message.ShouldBe("A percentage must be between 0 and 100.");
        outturn.Value.ShouldBeNull();
        outturn.Version.ShouldBe(0);
    }

    [Fact]
    public void KeepsTheValueWhoAndWhen()
    {
        var outturn = NewPercentOutturn();

        outturn.Record(84.8m, null, true, "  Awaiting validation  ", "tester", At);

        outturn.Value.ShouldBe(84.8m);
        outturn.Status.ShouldBeNull();
        outturn.IsProvisional.ShouldBeTrue();
        outturn.Commentary.ShouldBe("Awaiting validation");
        outturn.UpdatedBy.ShouldBe("tester");
        outturn.UpdatedAt.ShouldBe(At);
        outturn.State.ShouldBe(WorkflowState.Draft);
        outturn.Version.ShouldBe(1);
    }

    [Theory]
    [InlineData(OutturnStatus.Tbc)]
    [InlineData(OutturnStatus.NotApplicable)]
    [InlineData(OutturnStatus.NotAvailable)]
    public void KeepsAStatusInPlaceOfAValue(OutturnStatus status)
    {
        var outturn = NewPercentOutturn();
        outturn.Record(50m, null, false, null, "tester", At);

        outturn.Record(null, status, false, null, "tester", At);

        outturn.HasValue.ShouldBeFalse();
        outturn.Status.ShouldBe(status);
    }

    [Fact]
    public void NeedsToKnowWhoRecordedIt()
    {
        Should.Throw<DomainException>(() => NewPercentOutturn().Record(50m, null, false, null, " ", At)).Message.ShouldBe("User is required.");
    }
}
