using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Data.Identity;

/// <summary>
/// A key for the JSON API (/api/v1), created and revoked by an Admin. Only the SHA-256 hash of the key is kept; the key
/// itself is shown once, when it is created. A key acts with one role, and a Director key for its directorates.
/// </summary>
public sealed class ApiKey : Entity
{
    /// <summary>Hex SHA-256: 64 characters.</summary>
    public const int HashLength = 64;

    /// <summary>The start of the key kept in clear so admins can tell keys apart ("pw_3kQ9xZ1a").</summary>
    public const int PrefixLength = 16;

    /// <summary>Names are short labels ("Power BI refresh").</summary>
    public const int NameLength = Lengths.Label;

    private readonly List<ApiKeyDirectorate> _directorates = [];

    private ApiKey() { }

    public ApiKey(string name, string prefix, string hash, string role, IEnumerable<int> directorateIds, bool isBootstrap, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(directorateIds);
        Name = Guard.Required(name, "Name", NameLength);
        Prefix = Guard.Required(prefix, "Prefix", PrefixLength);
        Hash = hash is { Length: HashLength } ? hash : throw new DomainException("An API key hash is 64 hexadecimal characters.");
        if (!Roles.All.Contains(role))
        {
            throw new DomainException($"'{role}' is not a role.");
        }

        Role = role;
        if (role == Roles.Director)
        {
            _directorates.AddRange(directorateIds.Distinct().Select(id => new ApiKeyDirectorate { DirectorateId = id }));
            if (_directorates.Count == 0)
            {
                throw new DomainException("A Director key needs at least one directorate.");
            }
        }

        IsBootstrap = isBootstrap;
        CreatedBy = Guard.Required(createdBy, "Created by", Lengths.User);
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = string.Empty;

    public string Prefix { get; private set; } = string.Empty;

    public string Hash { get; private set; } = string.Empty;

    /// <summary>One of <see cref="Roles.All"/>.</summary>
    public string Role { get; private set; } = string.Empty;

    /// <summary>The key from the setting Bootstrap:AdminApiKey (kept in step with it at startup).</summary>
    public bool IsBootstrap { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt.HasValue;

    /// <summary>The name the key's changes are recorded under in audit entries and figures ("Power BI (API key pw_3kQ9xZ1a…)").</summary>
    public string ActingName => ActingNameOf(Name, Prefix);

    /// <summary>The name a key of this name and prefix acts under (<see cref="ActingName"/>).</summary>
    public static string ActingNameOf(string name, string prefix) => $"{name} (API key {prefix}…)";

    /// <summary>For a Director key: the directorates it answers for.</summary>
    public IReadOnlyCollection<ApiKeyDirectorate> Directorates => _directorates.AsReadOnly();

    /// <summary>Revokes the key for good: requests that send it are refused from now on.</summary>
    public void Revoke(string by, DateTimeOffset at)
    {
        if (IsRevoked)
        {
            throw new DomainException($"The key {Name} ({Prefix}…) was already revoked.");
        }

        RevokedBy = Guard.Required(by, "Revoked by", Lengths.User);
        RevokedAt = at;
    }

    public void MarkUsed(DateTimeOffset at) => LastUsedAt = at;
}

/// <summary>A directorate a Director key answers for.</summary>
public sealed class ApiKeyDirectorate
{
    public int ApiKeyId { get; set; }

    public int DirectorateId { get; set; }
}
