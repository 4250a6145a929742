using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// How the council looks on every page: its name, its colours (null = the site's own) and whether it has a logo.
/// <see cref="Stamp"/> changes whenever the colours or the logo do, so the theme's and the logo's addresses change with them.
/// </summary>
public sealed record CouncilLook(string Name, string? PrimaryColour, string? SecondaryColour, string? LogoContentType, int LogoLength)
{
    public bool HasLogo => LogoContentType is not null;

    /// <summary>A short text that differs when the colours or the logo differ (for cache-busting addresses).</summary>
    public string Stamp => $"{PrimaryColour?.TrimStart('#')}{SecondaryColour?.TrimStart('#')}{(HasLogo ? LogoLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
}

/// <summary>What every page shows of the council itself: its name, colours and logo, from its settings (anyone may read them).</summary>
public sealed class CouncilProfile(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
{
    /// <summary>Shown until the council's settings exist (a database that was never initialised).</summary>
    public const string NoName = "PerformanceWheel";

    private CouncilLook? _look;

    public async Task<string> NameAsync(CancellationToken cancellationToken = default) => (await LookAsync(cancellationToken)).Name;

    /// <summary>The council's name, colours and logo (read once per request: the page, the layout and the document share it).</summary>
    public async Task<CouncilLook> LookAsync(CancellationToken cancellationToken = default)
    {
        if (_look is not null)
        {
            return _look;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        _look = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new CouncilLook(c.Name, c.PrimaryColour, c.SecondaryColour, c.LogoContentType, c.Logo == null ? 0 : c.Logo.Length))
            .FirstOrDefaultAsync(cancellationToken) ?? new CouncilLook(NoName, null, null, null, 0);
        return _look;
    }

    /// <summary>The logo's bytes and media type, or null when the council has none.</summary>
    public async Task<(byte[] Image, string ContentType)?> LogoAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var logo = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id)
            .Where(c => c.Logo != null)
            .Select(c => new { c.Logo, c.LogoContentType })
            .FirstOrDefaultAsync(cancellationToken);
        return logo is null ? null : (logo.Logo!, logo.LogoContentType!);
    }
}
