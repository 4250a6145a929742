using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Accounts;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Components.Tests;

/// <summary>The admin pages (users, API keys, settings) rendered by bunit with the app's own services over a real database.</summary>
public static class AdminContext
{
    public const string AdminEmail = "admin@demo.council";
    public const string AdminId = "admin-id";

    /// <summary>A context signed in as an Admin, with MudBlazor, Identity and the admin pages' services over <paramref name="database"/>.</summary>
    public static async Task<BunitContext> CreateAsync(PerformanceWheel.TestSupport.TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton<IDbContextFactory<PerformanceWheelDbContext>>(database.Factory());
        ctx.Services.AddScoped(_ => database.CreateContext());
        ctx.Services.AddLogging();
        ctx.Services.AddDataProtection();
        ctx.Services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PerformanceWheelDbContext>();
        ctx.Services.AddScoped<UserAdministration>();
        ctx.Services.AddScoped<DirectorateChoices>();
        ctx.Services.AddScoped<ApiKeyAdministration>();
        ctx.Services.AddScoped<FrameworkQueries>();
        ctx.Services.AddScoped<CouncilBrandingAdministration>();
        ctx.Services.AddAuthorizationCore();
        ctx.Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        var signedIn = new SignedIn();
        ctx.Services.AddSingleton<AuthenticationStateProvider>(signedIn);
        ctx.Services.AddCascadingAuthenticationState();
        ctx.SetRendererInfo(new RendererInfo("Server", true));

        await using (var scope = ctx.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
        }

        signedIn.As(AdminEmail, Roles.Admin);
        return ctx;
    }

    /// <summary>Reads the database directly (what the data holds).</summary>
    public static async Task<T> QueryAsync<T>(PerformanceWheel.TestSupport.TestDatabase database, Func<PerformanceWheelDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = database.CreateContext();
        return await query(db);
    }

    /// <summary>Creates an account through the app's own service.</summary>
    public static async Task<string> AccountAsync(BunitContext ctx, string email, string role)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        await using var scope = ctx.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var problems = await admin.CreateAsync(email, "Test " + role, role, [], "Test-Password-2026", "test");
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
        }

        return (await admin.ListAsync()).Single(u => u.Email == email).Id;
    }
}
