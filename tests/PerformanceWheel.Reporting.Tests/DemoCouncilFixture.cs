using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.Reporting.Packs;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Reporting.Tests;

/// <summary>The demo council on a SQLite file with the application and reporting services, as the web app wires them.</summary>
public sealed class DemoCouncilFixture : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<byte[]>>> _pdfs = new();

    public TestDatabase Database { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateSqlite().MigrateAsync();
        await using (var db = Database.CreateContext())
        {
            await new DemoCouncilLoader(db).LoadAsync();
        }

        Services = BuildServices(Database);
    }

    public static ServiceProvider BuildServices(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reporting:BrowserExecutablePath"] = Tools.Chromium })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        AddApplication(services, database);
        services.AddReporting(configuration);
        // Scopes are validated as in Development. (Not ValidateOnBuild: this container is not a web host, so the
        // authorization services AddReporting registers lack the routing they need; the web hosts validate on build.)
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static void AddApplication(IServiceCollection services, TestDatabase database)
    {
        services.AddLogging();
        services.AddDbContextFactory<PerformanceWheelDbContext>(o => o.UseConfiguredDatabase(database.Options));
        services.AddPerformanceReading();
    }

    /// <summary>A pack built once per test class run and shared (printing is the slow part).</summary>
    public Task<byte[]> PdfAsync(string key, Func<PackBuilder, Task<PackModel>> model) =>
        _pdfs.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            var builder = scope.ServiceProvider.GetRequiredService<PackBuilder>();
            return (await builder.RenderAsync(await model(builder))).Content;
        })).Value;

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCouncilCollection : ICollectionFixture<DemoCouncilFixture>
{
    public const string Name = "Demo council on SQLite";
}
