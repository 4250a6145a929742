using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The framework pages rendered by bunit as a live (Server) page, with the app's framework commands and queries over a
/// real SQLite database of a new council, signed in as its Admin; the dialog and snackbar providers rendered beside them.
/// </summary>
internal sealed class FrameworkContext : IAsyncDisposable
{
    public const string Admin = "admin@new.council.example";

    private FrameworkContext(TestDatabase database, BunitContext bunit)
    {
        Database = database;
        Bunit = bunit;
        Dialogs = bunit.Render<MudDialogProvider>();
        Snackbars = bunit.Render<MudSnackbarProvider>();
    }

    public TestDatabase Database { get; }

    public BunitContext Bunit { get; }

    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    public IRenderedComponent<MudSnackbarProvider> Snackbars { get; }

    /// <summary>Where the page sent the browser last (a saved form goes back to its list with a message).</summary>
    public string Uri => Bunit.Services.GetRequiredService<NavigationManager>().Uri;

    public static async Task<FrameworkContext> NewCouncilAsync()
    {
        var database = await TestDatabases.CreateSqlite().MigrateAsync();
        var signedIn = new SignedIn();
        signedIn.As(Admin, Roles.Admin);
        var ctx = LivePage.Context(database, signedIn, services => services.AddFrameworkAdministration());
        return new FrameworkContext(database, ctx);
    }

    public IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        var page = parameters is null ? Bunit.Render<T>() : Bunit.Render(parameters);
        page.WaitForAssertion(() => page.Find("h1"));
        return page;
    }

    /// <summary>Queries the database as it is now.</summary>
    public async Task<T> QueryAsync<T>(Func<PerformanceWheelDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await Database.DisposeAsync();
    }
}
