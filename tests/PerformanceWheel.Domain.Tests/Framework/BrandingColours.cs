using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using Shouldly;

namespace PerformanceWheel.Domain.Tests.Framework;

/// <summary>A council colour carries white text, so it must reach 4.5:1 against white (WCAG 2.2 AA); it is kept as #rrggbb.</summary>
public sealed class BrandingColours
{
    [Theory]
    [InlineData("#1d4f91", "#1d4f91")]
    [InlineData("1D4F91", "#1d4f91")]
    [InlineData("#000", "#000000")]
    [InlineData("#767676", "#767676")] // 4.54:1, just enough
    public void ADarkEnoughColourIsKeptAsLowerCaseHex(string given, string kept) =>
        Branding.Colour(given, "Primary colour").ShouldBe(kept);

    [Theory]
    [InlineData("#777777", "Primary colour: #777777 against white has a contrast ratio of 4.48:1")] // just too light
    [InlineData("#ffffff", "Primary colour: #ffffff against white has a contrast ratio of 1.00:1")]
    [InlineData("#12345", "Primary colour: '#12345' is not a colour")]
    [InlineData("red", "Primary colour: 'red' is not a colour")]
    public void AColourTooLightOrNotAColourIsRefusedNamingTheField(string given, string message) =>
        Should.Throw<DomainException>(() => Branding.Colour(given, "Primary colour")).Message.ShouldStartWith(message);

    [Fact]
    public void ClearingTheColoursGoesBackToTheSitesOwn()
    {
        var council = new CouncilSettings("Borsetshire");
        council.ChangeColours("#0b6e4f", "#4c2c92");

        council.ChangeColours("", null);

        council.PrimaryColour.ShouldBeNull();
        council.SecondaryColour.ShouldBeNull();
    }
}
