using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PerformanceWheel.Data;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The one set-up every context here starts from: a bunit context that renders components as a live (Server) page, with
/// MudBlazor's services, its script calls answered loosely, the clock, the real database and the signed-in user. Each
/// context adds the services of its own pages.
/// </summary>
internal static class LivePage
{
    /// <param name="database">The real (SQLite) database the page's commands and readers use.</param>
    /// <param name="user">Who is signed in.</param>
    /// <param name="services">The page's own services.</param>
    /// <param name="directorateAuthorization">Whether the app's own authorization service decides the directorate
    /// policies (pages that check them), rather than bunit's placeholder.</param>
    public static BunitContext Context(TestDatabase database, AuthenticationStateProvider user, Action<IServiceCollection> services, bool directorateAuthorization = false)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(services);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton<IDbContextFactory<PerformanceWheelDbContext>>(database.Factory());
        if (directorateAuthorization)
        {
            ctx.Services.AddAuthorizationCore();
            ctx.Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
            ctx.Services.AddSingleton<IAuthorizationHandler, DirectorateAuthorizationHandler>();
        }

        services(ctx.Services);
        ctx.Services.AddSingleton(user);
        ctx.Services.AddCascadingAuthenticationState();
        ctx.SetRendererInfo(new RendererInfo("Server", true));
        return ctx;
    }
}
