using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Web.Api;

/// <summary>An API key as the admin page shows it (never the key itself).</summary>
public sealed record ApiKeySummary(
    int Id, string Name, string Prefix, string Role, IReadOnlyList<string> Directorates, bool IsBootstrap,
    string CreatedBy, DateTimeOffset CreatedAt, string? RevokedBy, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsRevoked => RevokedAt.HasValue;
}

/// <summary>A key that was presented and found active: what the authentication handler turns into claims.</summary>
public sealed record ApiKeyIdentity(int Id, string Name, string Prefix, string Role, IReadOnlyList<string> Directorates)
{
    /// <summary>The name written in audit entries and outturns ("Power BI (API key pw_3kQ9xZ1a…)").</summary>
    public string UserName => ApiKey.ActingNameOf(Name, Prefix);
}

/// <summary>
/// How keys are made and checked. A key is "pw_" and 43 characters of base64url (256 random bits); only its SHA-256
/// hash is stored, so a leaked database does not leak usable keys. A high-entropy key needs no slow hash.
/// </summary>
public static class ApiKeyHashing
{
    public const string KeyPrefix = "pw_";

    /// <summary>Longer headers are refused before hashing.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>How many characters of a generated key are kept in clear so admins can tell keys apart.</summary>
    public const int ShownCharacters = 11;

    public static string NewKey() => KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}

/// <summary>Finds the active key behind a presented one, and records when a key was last used.</summary>
public sealed class ApiKeyStore(IDbContextFactory<PerformanceWheelDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>How often "last used" is written (not on every request).</summary>
    private static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyIdentity?> FindActiveAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > ApiKeyHashing.MaxKeyLength)
        {
            return null;
        }

        var hash = ApiKeyHashing.Hash(presented);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().Include(k => k.Directorates)
            .FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        if (key is null || !ApiKeyHashing.SameHash(key.Hash, hash))
        {
            return null;
        }

        var ids = key.Directorates.Select(d => d.DirectorateId).ToList();
        var directorates = await db.Directorates.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is not { } last || now - last >= UsageResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyIdentity(key.Id, key.Name, key.Prefix, key.Role, directorates);
    }
}

/// <summary>Lists, creates and revokes API keys (Admin only); every change is audited like the user pages.</summary>
public sealed class ApiKeyAdministration(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public const string AuditType = "API key";

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().Include(k => k.Directorates).ToListAsync(cancellationToken);
        return keys
            .OrderBy(k => k.IsRevoked).ThenByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => new ApiKeySummary(
                k.Id, k.Name, k.Prefix, k.Role,
                k.Directorates.Select(d => names.GetValueOrDefault(d.DirectorateId, "?")).Order().ToList(),
                k.IsBootstrap, k.CreatedBy, k.CreatedAt, k.RevokedBy, k.RevokedAt, k.LastUsedAt))
            .ToList();
    }

    /// <summary>Creates a key; returns the key (to be shown once) or the problems (field, message).</summary>
    public async Task<(string? Key, IReadOnlyList<(string Field, string Message)> Problems)> CreateAsync(
        string name, string role, IReadOnlyCollection<int> directorateIds, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directorateIds);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(("Name", "Enter a name that says what the key is for"));
        }
        else if (name.Trim().Length > ApiKey.NameLength)
        {
            problems.Add(("Name", $"The name must be at most {ApiKey.NameLength} characters"));
        }

        if (!Roles.All.Contains(role))
        {
            problems.Add(("Role", $"'{role}' is not a role"));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.Directorates.AsNoTracking().Where(d => directorateIds.Contains(d.Id)).Select(d => d.Name).ToListAsync(cancellationToken);
        if (role == Roles.Director && known.Count == 0)
        {
            problems.Add(("DirectorateIds", "Choose at least one directorate for a Director key"));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var key = ApiKeyHashing.NewKey();
        var entity = new ApiKey(name, key[..ApiKeyHashing.ShownCharacters], ApiKeyHashing.Hash(key), role, directorateIds, isBootstrap: false, by, clock.GetUtcNow());
        db.ApiKeys.Add(entity);
        Audit(db, by, "Created", entity, $"Role: {role}{(role == Roles.Director ? $"; directorates: {string.Join(", ", known.Order())}" : string.Empty)}");
        await db.SaveChangesAsync(cancellationToken);
        return (key, []);
    }

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(int id, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return false;
        }

        key.Revoke(by, clock.GetUtcNow());
        Audit(db, by, "Revoked", key, null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The audit history of API keys, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditType).OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Adds the audit entry of a change to a key to the context of the operation that makes it.</summary>
    internal void Audit(PerformanceWheelDbContext db, string by, string action, ApiKey key, string? changes)
    {
        var label = $"{key.Name} ({key.Prefix}…)";
        db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), action, AuditType, label.Length <= Lengths.Label ? label : label[..Lengths.Label], changes));
    }
}

/// <summary>
/// Keeps the provisioning key from the setting Bootstrap:AdminApiKey in step at startup (idempotent). The setting is
/// the source of truth: while it is set, exactly one active bootstrap key with its value and the Admin role exists;
/// when its value changes, the old bootstrap key is revoked and a new one created; when it is removed, the bootstrap
/// key is revoked. A value that was revoked before is not brought back (startup logs an error instead).
/// </summary>
public sealed class ApiKeyBootstrapper(IDbContextFactory<PerformanceWheelDbContext> contexts, ApiKeyAdministration administration, TimeProvider clock, ILogger<ApiKeyBootstrapper> logger)
{
    public const string Setting = "Bootstrap:AdminApiKey";

    /// <summary>A configured key shorter than this is refused: it would be guessable.</summary>
    public const int MinimumLength = 32;

    private const string SystemUser = "system (" + Setting + ")";

    public async Task EnsureAsync(string? configured, CancellationToken cancellationToken = default)
    {
        var value = configured?.Trim();
        if (!string.IsNullOrEmpty(value) && value.Length < MinimumLength)
        {
            throw new InvalidOperationException($"{Setting} must be at least {MinimumLength} characters long (a random value, e.g. from `openssl rand -base64 33`).");
        }

        var hash = string.IsNullOrEmpty(value) ? null : ApiKeyHashing.Hash(value);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.ApiKeys.Where(k => k.IsBootstrap && k.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var stale in active.Where(k => hash is null || k.Hash != hash))
        {
            stale.Revoke(SystemUser, clock.GetUtcNow());
            administration.Audit(db, SystemUser, "Revoked", stale, hash is null ? $"{Setting} was removed" : $"{Setting} changed");
            logger.LogInformation("Revoked the bootstrap API key {Prefix}: {Setting} {What}", stale.Prefix, Setting, hash is null ? "was removed" : "changed");
        }

        if (hash is not null && !active.Any(k => k.Hash == hash))
        {
            var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
            if (existing is null)
            {
                var key = new ApiKey("Bootstrap admin key", value![..4], hash, Roles.Admin, [], isBootstrap: true, SystemUser, clock.GetUtcNow());
                db.ApiKeys.Add(key);
                administration.Audit(db, SystemUser, "Created", key, $"Role: {Roles.Admin}; from {Setting}");
                logger.LogInformation("Created the bootstrap Admin API key from {Setting}", Setting);
            }
            else if (existing.IsRevoked)
            {
                logger.LogError("{Setting} holds a key that was revoked on {RevokedAt:u} by {RevokedBy}; it stays revoked. Set a new value.", Setting, existing.RevokedAt, existing.RevokedBy);
            }
            else
            {
                logger.LogWarning("{Setting} holds the value of the existing API key {Name} ({Prefix}); that key keeps its role {Role}.", Setting, existing.Name, existing.Prefix, existing.Role);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
