using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Infrastructure;
using PerformanceWheel.Web.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>
/// An interactive page's circuit keeps the user it started with for as long as the tab is open, so the app checks the
/// account again while the circuit lives (as the cookie is checked on each request): a disabled account, or one whose
/// role changed, stops being signed in on the circuit too.
/// </summary>
public sealed class CircuitRevalidationOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly AppFactory _factory = app.Factory;

    [Fact]
    public async Task CircuitsCheckTheirAccountAgainAndTheirSettingsAreTheOnesChosen()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().ShouldBeOfType<RevalidatingAccountState>();
        scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().ShouldBeAssignableTo<IHostEnvironmentAuthenticationStateProvider>();
        var circuit = _factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        circuit.DisconnectedCircuitRetentionPeriod.ShouldBe(TimeSpan.FromMinutes(10));
        circuit.DisconnectedCircuitMaxRetained.ShouldBe(100);
    }

    [Fact]
    public async Task ADisabledAccountIsNoLongerSignedInOnItsCircuit()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var (users, identity, admin, signIns) = Services(scope.ServiceProvider);
        var user = await CreateAsync(users, admin, "circuit.disabled@council.example");
        var principal = await signIns.CreateUserPrincipalAsync(user);
        (await RevalidatingAccountState.IsStillValidAsync(users, identity, principal)).ShouldBeTrue();

        (await admin.SetDisabledAsync(user.Id, disabled: true, by: "test")).ShouldBeTrue();

        (await RevalidatingAccountState.IsStillValidAsync(users, identity, principal)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnAccountWhoseRoleChangedMustSignInAgainOnItsCircuit()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var (users, identity, admin, signIns) = Services(scope.ServiceProvider);
        var user = await CreateAsync(users, admin, "circuit.role@council.example");
        var principal = await signIns.CreateUserPrincipalAsync(user);

        await admin.UpdateAsync((await admin.FindAsync(user.Id))!, "Now a councillor", Roles.Councillor, [], "test");

        (await RevalidatingAccountState.IsStillValidAsync(users, identity, principal)).ShouldBeFalse();
        var renewed = await signIns.CreateUserPrincipalAsync((await users.FindByIdAsync(user.Id))!);
        (await RevalidatingAccountState.IsStillValidAsync(users, identity, renewed)).ShouldBeTrue();
    }

    private static (UserManager<AppUser> Users, IdentityOptions Identity, UserAdministration Admin, SignInManager<AppUser> SignIns) Services(IServiceProvider services) =>
        (services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<IOptions<IdentityOptions>>().Value,
            services.GetRequiredService<UserAdministration>(), services.GetRequiredService<SignInManager<AppUser>>());

    private static async Task<AppUser> CreateAsync(UserManager<AppUser> users, UserAdministration admin, string email)
    {
        (await admin.CreateAsync(email, "Circuit Test", Roles.PerformanceOfficer, [], "Circuit-Test-Password-2026", "test")).ShouldBeEmpty();
        return (await users.FindByEmailAsync(email)).ShouldNotBeNull();
    }
}
