using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Serilog.Core;
using Serilog.Events;
using PerformanceWheel.Data;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.EndToEnd.Tests;

/// <summary>
/// The real app served by Kestrel on a free loopback port, on a fresh SQLite database with the demo council and its demo
/// users, and one headless Chromium shared by the tests of the collection. Each test opens its own browser context.
/// A subclass may start it otherwise (another environment, other settings), as <see cref="NewCouncilApp"/> does.
/// </summary>
public class LiveApp : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pw-e2e", Guid.NewGuid().ToString("N"));
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly WarningsSink _warnings = new();
    private Factory? _factory;
    private IPlaywright? _playwright;

    /// <summary>The demo council with one demo user per role, in the Testing environment.</summary>
    public LiveApp()
        : this("Testing", new Dictionary<string, string>
        {
            ["DemoData:LoadOnEmptyDatabase"] = "true",
            ["DemoData:CreateDemoUsers"] = "true",
        })
    {
    }

    /// <summary>The app in <paramref name="environment"/> with <paramref name="settings"/> added to its configuration.</summary>
    protected LiveApp(string environment, IReadOnlyDictionary<string, string> settings)
    {
        _environment = environment;
        _settings = settings;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>What the app has logged at Warning or above so far (every test of the collection shares the app).</summary>
    public IReadOnlyList<LogEvent> Warnings => _warnings.All;

    public async Task InitializeAsync()
    {
        _factory = new Factory(TestDatabases.CreateSqlite(), _folder, _environment, _settings, _warnings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        // Every waiting assertion (Assertions.Expect) waits up to 30 s, as every action does (NewPageAsync): on a loaded
        // 2-core CI machine a circuit's round trip can take longer than Playwright's 5 s. The setting is the process's, so
        // it is made here, before any test of any collection runs, not left to whichever test set it first.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new browser context (own cookies) with downloads allowed, at a desktop size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>PERFORMANCEWHEEL_TEST_CHROMIUM, else the Debian package's binary; the test command installs it.</summary>
    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("PERFORMANCEWHEEL_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium was not found at {path}: run the README's test command (it installs it) or set PERFORMANCEWHEEL_TEST_CHROMIUM.");
    }

    /// <summary>Keeps the app's Warning-and-above events; Serilog may emit from any thread.</summary>
    private sealed class WarningsSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> All => [.. _events];

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Level >= LogEventLevel.Warning)
            {
                _events.Enqueue(logEvent);
            }
        }
    }

    private sealed class Factory(TestDatabase database, string folder, string environment, IReadOnlyDictionary<string, string> settings, ILogEventSink warnings)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);

            // The framework's and MudBlazor's files (_framework/blazor.web.js, _content/MudBlazor/…) come from the build's
            // static web assets manifest, which only Development reads on its own (a published app has them in wwwroot).
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "Sqlite");
            builder.UseSetting("ConnectionStrings:PerformanceWheel", database.Options.ConnectionString);
            builder.UseSetting("LogFile:Path", Path.Combine(folder, "logs", "e2e-.log"));
            builder.UseSetting("DataProtection:KeysPath", Path.Combine(folder, "keys"));
            // Packs are made ahead only where a test asks for it (it prints every published pack at start).
            builder.UseSetting("Reporting:MakePacksAhead", "false");
            builder.UseSetting("Reporting:BrowserExecutablePath", ChromiumPath());
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // The app's Serilog logger takes its extra sinks from DI (ReadFrom.Services).
            builder.ConfigureServices(s => s.AddSingleton(warnings));
        }

        // Scopes validated as under `dotnet run` (Development).
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
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "Browser against the live app";
}
