using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Api;

namespace PerformanceWheel.Web.Security;

/// <summary>
/// Adds a signed-in Director's directorates (by name, read on every request so a change by an Admin applies at once)
/// as <see cref="ApiKeyDefaults.DirectorateClaim"/> claims, the same claims a Director API key carries, so
/// <see cref="SignedInAudience"/> scopes both alike. Other roles and API keys are left as they are.
/// </summary>
internal sealed class DirectorateClaims(IDbContextFactory<PerformanceWheelDbContext> contextFactory) : IClaimsTransformation
{
    private const string Loaded = "performancewheel:directorates-loaded";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || identity.AuthenticationType == ApiKeyDefaults.Scheme
            || !principal.IsInRole(Roles.Director)
            || principal.HasClaim(c => c.Type == Loaded)
            || principal.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return principal;
        }

        await using var db = await contextFactory.CreateDbContextAsync();
        var names = await db.UserDirectorates.AsNoTracking()
            .Where(u => u.UserId == userId)
            .Join(db.Directorates, u => u.DirectorateId, d => d.Id, (u, d) => d.Name)
            .ToListAsync();
        var scoped = identity.Clone();
        foreach (var claim in scoped.FindAll(ApiKeyDefaults.DirectorateClaim).ToList())
        {
            scoped.RemoveClaim(claim);
        }

        scoped.AddClaims(names.Select(n => new Claim(ApiKeyDefaults.DirectorateClaim, n)));
        scoped.AddClaim(new Claim(Loaded, "true"));
        return new ClaimsPrincipal(scoped);
    }
}
