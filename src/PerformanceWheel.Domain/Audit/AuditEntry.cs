using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Domain.Audit;

/// <summary>A record of a change to the framework or the workflow: who, when, what and how.</summary>
public sealed class AuditEntry : Entity
{
    private AuditEntry() { }

    public AuditEntry(string user, DateTimeOffset at, string action, string entityType, string entityKey, string? changes)
    {
        User = Guard.Required(user, "User", Lengths.User);
        At = at;
        Action = Guard.Required(action, "Action", Lengths.Label);
        EntityType = Guard.Required(entityType, "Entity type", Lengths.Label);
        EntityKey = Guard.Required(entityKey, "Entity key", Lengths.Label);
        Changes = Guard.Optional(changes, "Changes", Lengths.Text);
    }

    public string User { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    /// <summary>E.g. Created, Updated, Retired, Submitted, Approved, Returned, Published.</summary>
    public string Action { get; private set; } = string.Empty;

    public string EntityType { get; private set; } = string.Empty;

    public string EntityKey { get; private set; } = string.Empty;

    /// <summary>What changed, as "Field: old → new" lines.</summary>
    public string? Changes { get; private set; }
}
