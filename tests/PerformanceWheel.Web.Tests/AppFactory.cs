using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using PerformanceWheel.Data;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Web.Tests;

/// <summary>
/// The real app on a real database (SQLite file or PostgreSQL), with the demo council loaded at startup (or, without it,
/// as a new council starts); <paramref name="settings"/> are further configuration values such as Bootstrap:AdminEmail.
/// DI scopes are validated as under <c>dotnet run</c> (Development), so a scoped service taken from the root provider fails a test.
/// </summary>
public sealed class AppFactory(TestDatabase database, bool loadDemo = true, string environment = "Testing", IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _logFolder = Path.Combine(Path.GetTempPath(), "pw-tests-logs", Guid.NewGuid().ToString("N"));

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "Sqlite");
        builder.UseSetting("ConnectionStrings:PerformanceWheel", database.Options.ConnectionString);
        builder.UseSetting("DemoData:LoadOnEmptyDatabase", loadDemo ? "true" : "false");
        builder.UseSetting("DemoData:CreateDemoUsers", loadDemo ? "true" : "false");
        builder.UseSetting("LogFile:Path", Path.Combine(_logFolder, "test-.log"));
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_logFolder, "keys"));
        // Packs are made ahead only where a test asks for it (it prints every published pack at start).
        builder.UseSetting("Reporting:MakePacksAhead", "false");
        if (Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_CHROMIUM") is { Length: > 0 } chromium)
        {
            builder.UseSetting("Reporting:BrowserExecutablePath", chromium);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        return base.CreateHost(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One app per test class on SQLite, shared by its tests.</summary>
public sealed class SqliteApp : IAsyncLifetime
{
    public AppFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new AppFactory(TestDatabases.CreateSqlite());
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
