using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Tests.Support;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Outturns;

/// <summary>A published figure changes only through a correction with a reason.</summary>
public class PublishedOutturnCorrection
{
    private static Outturn Published()
    {
        var outturn = OutturnTable.Draft(value: "50");
        outturn.PublishHistorical("importer", DateTimeOffset.UnixEpoch);
        return outturn;
    }

    [Fact]
    public void RefusesAPlainRecord()
    {
        var outturn = Published();

        Should.Throw<DomainException>(() => outturn.Record(60m, null, false, null, "tester", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe("X1 2019/20 Q2 is published; a change needs a correction with a reason.");
        outturn.Value.ShouldBe(50m);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesACorrectionWithoutAReason(string? reason)
    {
        var outturn = Published();

        Should.Throw<DomainException>(() => outturn.Correct(60m, null, false, null, reason!, "tester", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe("Reason for the correction is required.");
        outturn.Value.ShouldBe(50m);
    }

    [Fact]
    public void AcceptsACorrectionWithAReasonAndStaysPublished()
    {
        var outturn = Published();
        var version = outturn.Version;

        outturn.Correct(60m, null, false, "Revised by the NHS", "Source data revised", "tester", DateTimeOffset.UnixEpoch);

        outturn.Value.ShouldBe(60m);
        outturn.State.ShouldBe(WorkflowState.Published);
        outturn.Version.ShouldBe(version + 1);
    }

    [Fact]
    public void RefusesToCorrectAFigureThatIsNotPublished()
    {
        var draft = OutturnTable.Draft(value: "50");

        Should.Throw<DomainException>(() => draft.Correct(60m, null, false, null, "Source data revised", "tester", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe("X1 2019/20 Q2 is not published (Draft); change it in the entry grid instead.");
        draft.Value.ShouldBe(50m);
    }

    [Fact]
    public void StillChecksTheCorrectedValue()
    {
        Should.Throw<DomainException>(() => Published().Correct(120m, null, false, null, "typo", "tester", DateTimeOffset.UnixEpoch))
            .Message.ShouldBe("A percentage must be between 0 and 100.");
    }
}
