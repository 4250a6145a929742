using Microsoft.AspNetCore.Identity;

namespace PerformanceWheel.Data.Identity;

/// <summary>A person who signs in: local account, roles, and (for a Director) the directorates they answer for.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled account cannot sign in; it is kept so the audit trail keeps its name.</summary>
    public bool IsDisabled { get; set; }

    public List<UserDirectorate> Directorates { get; } = [];
}

/// <summary>A directorate a Director answers for.</summary>
public sealed class UserDirectorate
{
    public string UserId { get; set; } = string.Empty;

    public int DirectorateId { get; set; }
}

/// <summary>The four roles.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string PerformanceOfficer = "PerformanceOfficer";
    public const string Director = "Director";
    public const string Councillor = "Councillor";

    public static IReadOnlyList<string> All { get; } = [Admin, PerformanceOfficer, Director, Councillor];
}
