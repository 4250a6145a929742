using System.Globalization;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Framework;

/// <summary>
/// The council's colours and logo rules. A colour is "#rrggbb"; it carries white text (the app bar, buttons, links on a
/// white page), so its contrast with white must reach WCAG 2.2 AA for normal text (4.5:1). A logo is a PNG or SVG image
/// of at most <see cref="MaxLogoBytes"/>.
/// </summary>
public static class Branding
{
    /// <summary>WCAG 2.2 AA for normal text.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>The largest logo accepted (200 KB): it is sent with the page's app bar.</summary>
    public const int MaxLogoBytes = 200 * 1024;

    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";

    public const int ColourLength = 7;

    public const int ContentTypeLength = 32;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The colour as "#rrggbb" in lower case (a leading '#' is optional; "#rgb" is widened), or a domain error naming the field.</summary>
    public static string Colour(string value, string field)
    {
        var v = value.Trim().TrimStart('#');
        if (v.Length == 3)
        {
            v = string.Concat(v.Select(c => new string(c, 2)));
        }

        if (v.Length != 6 || !int.TryParse(v, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
        {
            throw new DomainException($"{field}: '{value.Trim()}' is not a colour; enter it as #rrggbb, e.g. #1d4f91.");
        }

        var colour = "#" + v.ToLowerInvariant();
        var ratio = ContrastRatio(colour, "#ffffff");
        if (ratio < MinimumContrast)
        {
            throw new DomainException(
                $"{field}: {colour} against white has a contrast ratio of {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1; " +
                $"it needs at least {MinimumContrast.ToString("0.0", CultureInfo.InvariantCulture)}:1 (WCAG 2.2 AA) for the white text drawn on it. Choose a darker colour.");
        }

        return colour;
    }

    /// <summary>The WCAG contrast ratio (1 to 21) of two opaque colours given as "#rrggbb".</summary>
    public static double ContrastRatio(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    /// <summary>The WCAG contrast ratio of two opaque colours given by their channels.</summary>
    public static double ContrastRatio((byte R, byte G, byte B) a, (byte R, byte G, byte B) b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    /// <summary>Checks a logo: PNG (by its signature) or SVG (an svg element, no script), at most <see cref="MaxLogoBytes"/>.</summary>
    public static string LogoType(byte[] image, string field)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Length == 0)
        {
            throw new DomainException($"{field}: the file is empty.");
        }

        if (image.Length > MaxLogoBytes)
        {
            throw new DomainException($"{field}: the file is {image.Length / 1024} KB; a logo may be at most {MaxLogoBytes / 1024} KB.");
        }

        if (image.AsSpan().StartsWith(PngSignature))
        {
            return Png;
        }

        var text = System.Text.Encoding.UTF8.GetString(image);
        if (text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
        {
            if (text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException($"{field}: the SVG contains script; upload an image without it.");
            }

            return Svg;
        }

        throw new DomainException($"{field}: the file is neither a PNG nor an SVG image.");
    }

    private static double Luminance(string colour)
    {
        var v = colour.TrimStart('#');
        var rgb = int.Parse(v, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return Luminance(((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb));
    }

    private static double Luminance((byte R, byte G, byte B) c) =>
        (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));

    private static double Channel(byte value)
    {
        var c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
