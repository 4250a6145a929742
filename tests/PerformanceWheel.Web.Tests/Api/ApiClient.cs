using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Api;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>API keys made the way an Admin makes them, and clients that send them.</summary>
internal static class ApiClient
{
    /// <summary>The directorate a Director key answers for in these tests.</summary>
    public const string DirectorsDirectorate = "Adults Services";

    public static async Task<string> CreateKeyAsync(AppFactory factory, string role, string? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var directorates = role == Roles.Director
            ? await db.Directorates.Where(d => d.Name == DirectorsDirectorate).Select(d => d.Id).ToListAsync()
            : [];
        var (key, problems) = await scope.ServiceProvider.GetRequiredService<ApiKeyAdministration>()
            .CreateAsync(name ?? $"Test {role} key", role, directorates, "tests@demo.council");
        problems.ShouldBeEmpty();
        return key!;
    }

    /// <summary>One key per role.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> KeysForEveryRoleAsync(AppFactory factory)
    {
        var keys = new Dictionary<string, string>();
        foreach (var role in Roles.All)
        {
            keys[role] = await CreateKeyAsync(factory, role);
        }

        return keys;
    }

    /// <summary>A client that sends the key (or none), and never follows redirects.</summary>
    public static HttpClient With(AppFactory factory, string? key)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 answer with the status, and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await JsonAsync(response);
        body.GetProperty("status").GetInt32().ShouldBe(status);
        body.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return body;
    }

    public static Uri Url(string path) => new(path, UriKind.Relative);
}
