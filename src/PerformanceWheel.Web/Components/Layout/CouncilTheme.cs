using MudBlazor;

namespace PerformanceWheel.Web.Components.Layout;

/// <summary>
/// The one MudBlazor theme every page uses: the council's primary and secondary colours from its settings (each checked
/// to carry white text at 4.5:1 when saved), otherwise the site's own palette (the colours site.css, the wheel and the
/// packs already use); every text/background pair it sets is checked against WCAG 2.2 AA (4.5:1) by <see cref="TextPairs"/> and a test.
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

    /// <summary>The theme in the council's colours (null = the site's own).</summary>
    public static MudTheme Create(string? primary = null, string? secondary = null) => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = primary ?? Brand,
            PrimaryContrastText = White,
            Secondary = secondary ?? Muted,
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
            AppbarBackground = primary ?? Brand,
            AppbarText = White,
            DrawerBackground = Panel,
            DrawerText = Text,
            LinesDefault = "#b1b4b6",
            TableLines = "#b1b4b6",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = [.. Fonts.Split(", ")], FontSize = "1.0625rem", LineHeight = "1.5" },
            // Buttons say what they do in sentence case, as written (MudBlazor's default is capitals).
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
            // Page and section headings (MudText h1/h2/h3) at the site's sizes, not MudBlazor's display sizes.
            H1 = new H1Typography { FontSize = "2rem", FontWeight = "700", LineHeight = "1.2", LetterSpacing = "0" },
            H2 = new H2Typography { FontSize = "1.5rem", FontWeight = "700", LineHeight = "1.25", LetterSpacing = "0" },
            H3 = new H3Typography { FontSize = "1.25rem", FontWeight = "700", LineHeight = "1.3", LetterSpacing = "0" },
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
        return PerformanceWheel.Domain.Framework.Branding.ContrastRatio((a.R, a.G, a.B), (b.R, b.G, b.B));
    }
}
