using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>
/// The settings of interactive pages' circuits (section <c>Circuits</c>), chosen for officers' work rather than left at
/// the framework's defaults; docs/decisions/0014 and docs/scaling.md give the reasons and the measured cost of a circuit.
/// </summary>
public sealed class CircuitSettings
{
    public const string Section = "Circuits";

    /// <summary>How long a circuit whose browser went away (a laptop lid closed, Wi-Fi dropped) is kept so the tab can
    /// reconnect with its unsaved figures. Framework default 3 minutes; 10 covers a short walk between meetings.</summary>
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many disconnected circuits are kept per node (the oldest go first).</summary>
    public int DisconnectedMaxRetained { get; set; } = 100;

    /// <summary>How often a circuit checks that its account is still valid (not disabled, role and directorates
    /// unchanged: the security stamp). Matches the cookie's check (one minute) so a circuit is not a way around it.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest message a browser may send on the circuit. The framework's 32 KB cuts the connection on
    /// a block of about 400 rows pasted into the outturn grid; 256 KB takes a whole directorate's sheet with commentary.</summary>
    public int MaximumReceiveMessageBytes { get; set; } = 256 * 1024;

    /// <summary>The longest block the outturn grid sends on the circuit: a third of the message size, as a tab or line
    /// break is sent as two bytes and a non-ASCII letter as up to three.</summary>
    public int MaximumPasteCharacters => MaximumReceiveMessageBytes / 3;
}

public static class Circuits
{
    /// <summary>Interactive Server components with <see cref="CircuitSettings"/> and an authentication state that is
    /// checked again while the circuit lives.</summary>
    public static IServiceCollection AddCircuits(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(CircuitSettings.Section).Get<CircuitSettings>() ?? new CircuitSettings();
        services.AddSingleton(Options.Create(settings));
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                o.DisconnectedCircuitRetentionPeriod = settings.DisconnectedRetention;
                o.DisconnectedCircuitMaxRetained = settings.DisconnectedMaxRetained;
                o.DetailedErrors = environment.IsDevelopment();
            })
            .AddHubOptions(o => o.MaximumReceiveMessageSize = settings.MaximumReceiveMessageBytes);
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountState>();
        return services;
    }
}

/// <summary>
/// The signed-in user of a circuit, checked every <see cref="CircuitSettings.RevalidationInterval"/>: when the account
/// has been disabled, deleted, or its role or directorates changed (each changes its security stamp), the circuit's
/// user becomes anonymous, so the page's next command is refused as it would be on a new request.
/// </summary>
public sealed class RevalidatingAccountState(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<CircuitSettings> settings,
    IHostApplicationLifetime lifetime)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A check that falls due while the app stops would find its services gone (and log an error for nothing): the
        // circuit is closing with the app, so its user is left as it is.
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return true;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            return await IsStillValidAsync(users, identity.Value, authenticationState.User);
        }
        catch (ObjectDisposedException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <summary>Whether <paramref name="principal"/> still describes its account: it exists, is not disabled, and its
    /// security stamp is the one the cookie was issued with.</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<AppUser> users, IdentityOptions identity, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(principal);
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
