using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Application.Covering;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The Admin's settings pages (council settings, the covering-report template) rendered by bunit as a live (Server) page,
/// with the app's own administration services over a real SQLite database of a new council (its settings row made as the
/// app makes it at start-up), signed in as its Admin; the snackbar provider rendered beside them.
/// </summary>
internal sealed class SettingsContext : IAsyncDisposable
{
    public const string Admin = "admin@new.council.example";

    public const string CouncilName = "Newtown Borough Council";

    private SettingsContext(TestDatabase database, BunitContext bunit)
    {
        Database = database;
        Bunit = bunit;
        Snackbars = bunit.Render<MudSnackbarProvider>();
    }

    public TestDatabase Database { get; }

    public BunitContext Bunit { get; }

    public IRenderedComponent<MudSnackbarProvider> Snackbars { get; }

    public static async Task<SettingsContext> NewCouncilAsync()
    {
        var database = await TestDatabases.CreateSqlite().MigrateAsync();
        await using (var db = database.CreateContext())
        {
            db.CouncilSettings.Add(new CouncilSettings(CouncilName));
            await db.SaveChangesAsync();
        }

        var signedIn = new SignedIn();
        signedIn.As(Admin, Roles.Admin);
        var ctx = LivePage.Context(database, signedIn, services =>
        {
            services.AddPerformanceReading();
            services.AddScoped<CouncilSettingsAdministration>();
            services.AddScoped<CouncilBrandingAdministration>();
            services.AddScoped<CoveringReportReader>();
            services.AddScoped<CoveringTemplateCommands>();
        });
        return new SettingsContext(database, ctx);
    }

    public IRenderedComponent<T> Render<T>()
        where T : IComponent
    {
        var page = Bunit.Render<T>();
        page.WaitForAssertion(() => page.Find("form"));
        return page;
    }

    /// <summary>Queries the database as it is now.</summary>
    public async Task<T> QueryAsync<T>(Func<PerformanceWheelDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    /// <summary>The council's settings row as saved.</summary>
    public Task<CouncilSettings> SettingsAsync() => QueryAsync(db => db.CouncilSettings.AsNoTracking().SingleAsync());

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await Database.DisposeAsync();
    }
}
