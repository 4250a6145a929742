using PerformanceWheel.Domain.Outturns;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Outturns;

/// <summary>One owner reads and writes a figure's status: each of the three reads back as itself, and other text is no status.</summary>
public class OutturnStatusTexts
{
    [Theory]
    [InlineData(OutturnStatus.Tbc, "TBC")]
    [InlineData(OutturnStatus.NotApplicable, "N/A")]
    [InlineData(OutturnStatus.NotAvailable, "Not available")]
    public void EachStatusReadsBackFromItsLabelAndItsName(OutturnStatus status, string label)
    {
        OutturnStatusText.Label(status).ShouldBe(label);
        OutturnStatusText.TryParse(label, out var fromLabel).ShouldBeTrue();
        OutturnStatusText.TryParse(status.ToString(), out var fromName).ShouldBeTrue();
        OutturnStatusText.TryParse(OutturnStatusText.Description(status), out var fromDescription).ShouldBe(status == OutturnStatus.NotAvailable);
        (fromLabel, fromName).ShouldBe((status, status));
    }

    [Theory]
    [InlineData("tbc", OutturnStatus.Tbc)]
    [InlineData("To be confirmed", OutturnStatus.Tbc)]
    [InlineData("NA", OutturnStatus.NotApplicable)]
    [InlineData("n.a.", OutturnStatus.NotApplicable)]
    [InlineData("Not applicable", OutturnStatus.NotApplicable)]
    [InlineData("NOT AVAILABLE", OutturnStatus.NotAvailable)]
    [InlineData("not-available", OutturnStatus.NotAvailable)]
    public void CommonSpellingsAreRead(string text, OutturnStatus expected)
    {
        OutturnStatusText.TryParse(text, out var status).ShouldBeTrue();
        status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("Later")]
    [InlineData("N")]
    [InlineData("Not known")]
    public void OtherTextIsNoStatus(string text)
    {
        OutturnStatusText.TryParse(text, out var status).ShouldBeFalse();
        status.ShouldBeNull();
        OutturnStatusText.NotAStatus(text).ShouldBe($"'{text}' is not a status; use TBC, N/A or Not available (or leave it blank and give a value).");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankIsNoStatusAndNoProblem(string? text)
    {
        OutturnStatusText.TryParse(text, out var status).ShouldBeTrue();
        status.ShouldBeNull();
    }
}
