using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Components.Pages.Outturns;

namespace PerformanceWheel.Components.Tests;

/// <summary>The demo council in a SQLite database of its own (one per test class that uses it).</summary>
public sealed class DemoCouncil : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabases.CreateSqlite().MigrateAsync();
        await using var db = Database.CreateContext();
        await new DemoCouncilLoader(db).LoadAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public OutturnWorkflow Workflow() => new(Database.Factory(), TimeProvider.System);
}

/// <summary>Who is signed in to the circuit; a test may change it while the grid is open.</summary>
public sealed class SignedIn : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));

    public void As(string name, string role, string? directorate = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name), new(ClaimTypes.Role, role) };
        if (directorate is not null)
        {
            claims.Add(new Claim(DirectorateAccess.ClaimType, directorate));
        }

        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }
}

/// <summary>The outturn grid rendered by bunit with the app's own services over a real database.</summary>
public static class GridContext
{
    public const string Officer = "officer@demo.council";

    /// <summary>A context with MudBlazor, the grid's and the review's commands over <paramref name="database"/> and the directorate authorization.</summary>
    public static BunitContext Create(TestDatabase database, SignedIn signedIn)
    {
        return LivePage.Context(database, signedIn, services =>
        {
            services.AddScoped<OutturnWorkflow>();
            services.AddScoped<FigureReview>();
            services.AddScoped<KeyIssues>();
            services.AddScoped<KeyIssuesReader>();
        }, directorateAuthorization: true);
    }

    /// <summary>The demo director, as a Director of <paramref name="directorate"/>.</summary>
    public static SignedIn AsDirectorOf(string directorate)
    {
        var signedIn = new SignedIn();
        signedIn.As("director@demo.council", Roles.Director, directorate);
        return signedIn;
    }

    public static SignedIn AsOfficer()
    {
        var signedIn = new SignedIn();
        signedIn.As(Officer, Roles.PerformanceOfficer);
        return signedIn;
    }

    public static IRenderedComponent<OutturnGrid> Render(BunitContext ctx, string directorate, string quarter)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var grid = ctx.Render<OutturnGrid>(p => p.Add(g => g.Directorate, directorate).Add(g => g.Quarter, quarter));
        grid.WaitForState(() => grid.Instance.Sheet is not null || grid.FindAll(".grid-refused").Count > 0);
        return grid;
    }
}
