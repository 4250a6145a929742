using MudBlazor;

namespace PerformanceWheel.Web.Components.Layout;

/// <summary>
/// The one MudBlazor theme every page uses. The council's settings hold no colours, so it is built from the site's own
/// palette (the colours site.css, the wheel and the packs already use); every text/background pair it sets is checked
/// against WCAG 2.2 AA (4.5:1) by <see cref="TextPairs"/> and a test.
/// </summary>
public static class CouncilTheme
{
    public const string Text = "#0b0c0c";
    public const string Muted = "#505a5f";
    public const string Brand = "#1d4f91";
    public const string Panel = "#f3f2f1";
    public const string Green = "#00703c";
    public const string Amber = "#f47738";
    public const string Red = "#d4351c";
    public const string Blue = "#1d70b8";
    public const string White = "#ffffff";
    private const string Fonts = "\"Liberation Sans\", Arial, Helvetica, sans-serif";

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Brand,
            PrimaryContrastText = White,
            Secondary = Muted,
            SecondaryContrastText = White,
            Success = Green,
            SuccessContrastText = White,
            Warning = Amber,
            WarningContrastText = Text,
            Error = Red,
            ErrorContrastText = White,
            Info = Blue,
            InfoContrastText = White,
            TextPrimary = Text,
            TextSecondary = Muted,
            Background = White,
            Surface = White,
            AppbarBackground = Brand,
            AppbarText = White,
            DrawerBackground = Panel,
            DrawerText = Text,
            LinesDefault = "#b1b4b6",
            TableLines = "#b1b4b6",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = [.. Fonts.Split(", ")], FontSize = "1.0625rem", LineHeight = "1.5" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "2px" },
    };

    /// <summary>Each text colour the theme sets with the background it is drawn on, named for the contrast test.</summary>
    public static IReadOnlyList<(string Name, MudBlazor.Utilities.MudColor Foreground, MudBlazor.Utilities.MudColor Background)> TextPairs(MudTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var p = theme.PaletteLight;
        return
        [
            ("text on background", p.TextPrimary, p.Background),
            ("secondary text on background", p.TextSecondary, p.Background),
            ("text on surface", p.TextPrimary, p.Surface),
            ("secondary text on the panel", p.TextSecondary, p.DrawerBackground),
            ("links (primary) on background", p.Primary, p.Background),
            ("app bar text", p.AppbarText, p.AppbarBackground),
            ("primary contrast text", p.PrimaryContrastText, p.Primary),
            ("secondary contrast text", p.SecondaryContrastText, p.Secondary),
            ("success contrast text (Green)", p.SuccessContrastText, p.Success),
            ("warning contrast text (Amber)", p.WarningContrastText, p.Warning),
            ("error contrast text (Red)", p.ErrorContrastText, p.Error),
            ("info contrast text (Blue)", p.InfoContrastText, p.Info),
        ];
    }

    /// <summary>The WCAG contrast ratio of two opaque colours (1 to 21).</summary>
    public static double ContrastRatio(MudBlazor.Utilities.MudColor a, MudBlazor.Utilities.MudColor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (lighter, darker) = (Luminance(a), Luminance(b)) is var (x, y) && x >= y ? (x, y) : (y, x);
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(MudBlazor.Utilities.MudColor colour) =>
        (0.2126 * Channel(colour.R)) + (0.7152 * Channel(colour.G)) + (0.0722 * Channel(colour.B));

    private static double Channel(byte value)
    {
        var c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
