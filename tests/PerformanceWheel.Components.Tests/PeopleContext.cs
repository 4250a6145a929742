using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Accounts;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Security;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The Admin people pages (users, API keys, the council's colours) rendered by bunit as a live (Server) page, over a real
/// SQLite database of a new council with two directorates and its settings row, signed in as its Admin. Accounts use the
/// app's own Identity set-up (AccountSetup.AddAccounts: password rules, unique emails, the EF stores); each operation
/// gets its own DbContext per scope, as a request does. The dialog and snackbar providers are rendered beside the page.
/// </summary>
/// <remarks>
/// Why an earlier attempt at these tests hung: the Disable and Revoke buttons' handlers await ConfirmDialog's answer,
/// so awaiting the click (<c>await button.ClickAsync(...)</c>) never returns — the line that would press Cancel or
/// Confirm in the dialog is never reached. The tests here keep the click's task, answer the dialog rendered in the
/// MudDialogProvider, and only then await the click.
/// </remarks>
internal sealed class PeopleContext : IAsyncDisposable
{
    public const string Admin = "admin@new.council.example";

    public const string CouncilName = "New Council";

    /// <summary>A password the app's rules accept (12 characters, upper and lower case, a digit).</summary>
    public const string Password = "Harbour-Lights-2026";

    private PeopleContext(TestDatabase database, BunitContext bunit)
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

    public static async Task<PeopleContext> NewCouncilAsync()
    {
        var database = await TestDatabases.CreateSqlite().MigrateAsync();
        await using (var db = database.CreateContext())
        {
            db.CouncilSettings.Add(new CouncilSettings(CouncilName));
            db.Directorates.Add(new Directorate("Adult Social Care"));
            db.Directorates.Add(new Directorate("Public Health"));
            await db.SaveChangesAsync();
        }

        var signedIn = new SignedIn();
        signedIn.As(Admin, Roles.Admin);
        var ctx = LivePage.Context(database, signedIn, services =>
        {
            services.AddLogging();
            var configuration = new ConfigurationBuilder().Build();
            services.AddSingleton<IConfiguration>(configuration);
            // Identity's stores and UserAdministration take the context itself: one per scope, as in a request.
            services.AddScoped(_ => database.CreateContext());
            services.AddAccounts(configuration);
            // No key ring on disk: the tests never protect anything, but UserManager builds its token providers.
            services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            // The hash's strength is not what these tests check; 100,000 rounds per account is slow on a shared machine.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            services.AddScoped<DirectorateChoices>();
            services.AddScoped<FrameworkQueries>();
            services.AddScoped<ApiKeyAdministration>();
            services.AddScoped<CouncilBrandingAdministration>();
        });

        var people = new PeopleContext(database, ctx);
        await people.WithUsersAsync(async (_, services) =>
        {
            await services.GetRequiredService<AccountBootstrapper>().EnsureAsync(demoUsers: false);
            return 0;
        });
        await people.AccountAsync(Admin, "Council administrator", Roles.Admin);
        return people;
    }

    public IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        var page = parameters is null ? Bunit.Render<T>() : Bunit.Render(parameters);
        page.WaitForAssertion(() => page.Find("h1, h2"));
        return page;
    }

    /// <summary>Creates an account as an Admin would have done earlier; answers its id.</summary>
    public Task<string> AccountAsync(string email, string name, string role, params int[] directorateIds) =>
        WithUsersAsync(async (users, _) =>
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            user.Directorates.AddRange(directorateIds.Select(id => new UserDirectorate { DirectorateId = id }));
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            return user.Id;
        });

    /// <summary>The account with <paramref name="email"/> as it is in the database now, with its roles.</summary>
    public Task<(AppUser User, IList<string> Roles)> StoredAccountAsync(string email) =>
        WithUsersAsync(async (users, _) =>
        {
            var user = await users.Users.Include(u => u.Directorates).SingleAsync(u => u.Email == email);
            return (user, await users.GetRolesAsync(user));
        });

    /// <summary>The directorate's id by name.</summary>
    public Task<int> DirectorateAsync(string name) => QueryAsync(db => db.Directorates.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

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

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, IServiceProvider, Task<T>> operation)
    {
        await using var scope = Bunit.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), scope.ServiceProvider);
    }
}
