using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Web.Tests;

/// <summary>
/// The real app on SQLite with the demo council (<see cref="AppFactory"/>), with services a test adds to it — a log
/// sink, a telemetry exporter — and clients that send an API key or nothing.
/// </summary>
internal sealed class AppWithServices : IAsyncDisposable
{
    public AppWithServices(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection> services)
    {
        App = new AppFactory(TestDatabases.CreateSqlite(), settings: settings);
        Factory = App.WithWebHostBuilder(b => b.ConfigureTestServices(services));
        _ = Factory.Server;
    }

    public AppFactory App { get; }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A client that never follows redirects and keeps no cookies, sending the key when there is one.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await App.DisposeAsync();
    }
}
