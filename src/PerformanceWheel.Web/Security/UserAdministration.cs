using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Audit;

namespace PerformanceWheel.Web.Security;

/// <summary>A user as the admin pages show them.</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Directorates, bool IsDisabled, bool IsLockedOut);

/// <summary>An account as its edit page shows it: one role, the directorates of a Director.</summary>
public sealed record UserAccount(string Id, string Email, string DisplayName, string Role, IReadOnlyList<int> DirectorateIds);

/// <summary>Creates, edits, disables and re-enables accounts; every change is audited.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, PerformanceWheelDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name);
        var all = await users.Users.Include(u => u.Directorates).OrderBy(u => u.Email).ToListAsync();
        var result = new List<UserSummary>();
        foreach (var u in all)
        {
            result.Add(new UserSummary(
                u.Id, u.Email ?? u.UserName ?? u.Id, u.DisplayName, (await users.GetRolesAsync(u)).Order().ToList(),
                u.Directorates.Select(d => directorates.GetValueOrDefault(d.DirectorateId, "?")).Order().ToList(),
                u.IsDisabled, u.LockoutEnd > clock.GetUtcNow()));
        }

        return result;
    }

    public Task<AppUser?> FindAsync(string id) => users.Users.Include(u => u.Directorates).FirstOrDefaultAsync(u => u.Id == id);

    public async Task<UserAccount?> AccountAsync(string id)
    {
        var user = await FindAsync(id);
        return user is null ? null : new UserAccount(
            user.Id, user.Email ?? user.Id, user.DisplayName, (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Councillor,
            user.Directorates.Select(d => d.DirectorateId).ToList());
    }

    /// <summary>Changes the account <paramref name="id"/>; false when there is no such account.</summary>
    public async Task<bool> UpdateAsync(string id, string displayName, string role, IReadOnlyCollection<int> directorateIds, string by)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return false;
        }

        await UpdateAsync(user, displayName, role, directorateIds, by);
        return true;
    }

    /// <summary>Creates an account; returns the problems (field, message) or none.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> CreateAsync(string email, string displayName, string role, IReadOnlyCollection<int> directorateIds, string password, string by)
    {
        if (!Roles.All.Contains(role))
        {
            return [("Role", $"'{role}' is not a role.")];
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return [("Email", "An account with this email address already exists.")];
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim() };
        if (role == Roles.Director)
        {
            user.Directorates.AddRange(directorateIds.Select(id => new UserDirectorate { DirectorateId = id }));
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email", e.Description)).ToList();
        }

        await users.AddToRoleAsync(user, role);
        await AuditAsync(by, "Created", email, $"Role: {role}; name: {displayName}");
        return [];
    }

    public async Task UpdateAsync(AppUser user, string displayName, string role, IReadOnlyCollection<int> directorateIds, string by)
    {
        ArgumentNullException.ThrowIfNull(user);
        var before = await users.GetRolesAsync(user);
        var changes = new List<string>();
        if (user.DisplayName != displayName.Trim())
        {
            changes.Add($"Name: {user.DisplayName} → {displayName.Trim()}");
            user.DisplayName = displayName.Trim();
        }

        if (!before.SequenceEqual([role]))
        {
            changes.Add($"Role: {string.Join(", ", before)} → {role}");
            await users.RemoveFromRolesAsync(user, before);
            await users.AddToRoleAsync(user, role);
        }

        var wanted = role == Roles.Director ? directorateIds.Order().ToList() : [];
        var had = user.Directorates.Select(d => d.DirectorateId).Order().ToList();
        if (!had.SequenceEqual(wanted))
        {
            changes.Add($"Directorates: {string.Join(", ", had)} → {string.Join(", ", wanted)}");
            user.Directorates.Clear();
            user.Directorates.AddRange(wanted.Select(id => new UserDirectorate { UserId = user.Id, DirectorateId = id }));
        }

        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        if (changes.Count > 0)
        {
            await AuditAsync(by, "Updated", user.Email ?? user.Id, string.Join("; ", changes));
        }
    }

    /// <summary>Why <paramref name="by"/> may not disable the account <paramref name="id"/> (their own), or null.</summary>
    public static string? DisableRefusal(string id, System.Security.Claims.ClaimsPrincipal by) =>
        id == by?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ? "You cannot disable your own account." : null;

    /// <summary>Disables or re-enables an account. A disabled account is signed out within a minute and cannot sign in.</summary>
    public async Task<bool> SetDisabledAsync(string id, bool disabled, string by)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(by, disabled ? "Disabled" : "Re-enabled", user.Email ?? user.Id, null);
        return true;
    }

    private async Task AuditAsync(string by, string action, string key, string? changes)
    {
        db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), action, "User", key, changes));
        await db.SaveChangesAsync();
    }
}
