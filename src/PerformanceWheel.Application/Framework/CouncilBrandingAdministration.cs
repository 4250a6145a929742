using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;

namespace PerformanceWheel.Application.Framework;

/// <summary>The council's colours as the settings page shows them (null = the site's own).</summary>
public sealed record BrandingColours(string? Primary, string? Secondary, bool HasLogo);

/// <summary>
/// Changes the council's colours and logo (Admin only). Colours must carry white text at 4.5:1 (WCAG 2.2 AA); a logo is a
/// size-limited PNG or SVG kept in the database. Each change is audited; the settings row changing raises the figures
/// version, so every kept page is made again in the new colours.
/// </summary>
public sealed class CouncilBrandingAdministration(IDbContextFactory<PerformanceWheelDbContext> contextFactory, TimeProvider clock)
{
    public async Task<BrandingColours> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new BrandingColours(c.PrimaryColour, c.SecondaryColour, c.LogoContentType != null))
            .FirstOrDefaultAsync(cancellationToken) ?? new BrandingColours(null, null, false);
    }

    public Task<ChangeResult> SaveColoursAsync(string? primary, string? secondary, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync("PrimaryColour", by, settings =>
        {
            var (oldPrimary, oldSecondary) = (settings.PrimaryColour, settings.SecondaryColour);
            try
            {
                settings.ChangeColours(primary, secondary);
            }
            catch (DomainException e)
            {
                return (null, e.Message.StartsWith("Secondary", StringComparison.Ordinal) ? "SecondaryColour" : "PrimaryColour", e.Message);
            }

            var changes = new List<string>();
            if (oldPrimary != settings.PrimaryColour)
            {
                changes.Add($"Primary colour: {oldPrimary ?? "the site's own"} → {settings.PrimaryColour ?? "the site's own"}");
            }

            if (oldSecondary != settings.SecondaryColour)
            {
                changes.Add($"Secondary colour: {oldSecondary ?? "the site's own"} → {settings.SecondaryColour ?? "the site's own"}");
            }

            return (string.Join("; ", changes), null, null);
        }, cancellationToken);

    /// <summary>Sets the logo from an uploaded file (its bytes), or removes it when <paramref name="image"/> is null.</summary>
    public Task<ChangeResult> SaveLogoAsync(byte[]? image, string? fileName, string by, CancellationToken cancellationToken = default) =>
        ChangeAsync("Logo", by, settings =>
        {
            if (image is null)
            {
                var had = settings.Logo is not null;
                settings.RemoveLogo();
                return (had ? "Logo removed" : string.Empty, null, null);
            }

            try
            {
                settings.ChangeLogo(image);
            }
            catch (DomainException e)
            {
                return (null, "Logo", e.Message);
            }

            return ($"Logo: {Path.GetFileName(fileName ?? "uploaded")} ({settings.LogoContentType}, {image.Length / 1024.0:0.#} KB)", null, null);
        }, cancellationToken);

    private async Task<ChangeResult> ChangeAsync(
        string field, string by, Func<CouncilSettings, (string? Changes, string? Field, string? Problem)> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.CouncilSettings.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            return ChangeResult.Failed(field, "The council has no settings yet; restart the application to create them.");
        }

        var (changes, problemField, problem) = change(settings);
        if (problem is not null)
        {
            return ChangeResult.Failed(problemField!, problem);
        }

        if (!string.IsNullOrEmpty(changes))
        {
            var key = settings.Name.Length <= Lengths.Label ? settings.Name : settings.Name[..Lengths.Label];
            db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), "Updated", CouncilSettingsAdministration.AuditType, key, changes));
            await db.SaveChangesAsync(cancellationToken);
        }

        return ChangeResult.Saved(settings.Id);
    }
}
