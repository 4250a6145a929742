namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The app started as a council starts it: the Production environment with its own appsettings (no demo data, AllowedHosts
/// localhost and 127.0.0.1), an empty database, the council's name from Council:Name and the first Admin from
/// Bootstrap:AdminEmail and Bootstrap:AdminPassword, as docs/user-guide.md "Setting up your council" says.
/// </summary>
public sealed class NewCouncilApp : LiveApp
{
    public const string CouncilName = "Riverside Borough Council";
    public const string AdminEmail = "admin@riverside.example";
    public const string AdminPassword = "First-Admin-Riverside-2026";

    public NewCouncilApp()
        : base("Production", new Dictionary<string, string>
        {
            ["Council:Name"] = CouncilName,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        })
    {
    }
}

[CollectionDefinition(Name)]
public sealed class NewCouncilCollection : ICollectionFixture<NewCouncilApp>
{
    public const string Name = "Browser against a new council in Production";
}
