using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>Signing in and out, lockout, disabled accounts, antiforgery, and drafts kept from councillors and the public.</summary>
public sealed class AccountsOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly AppFactory _factory = app.Factory;

    [Fact]
    public async Task ADemoUserSignsInAndSeesTheirNameAndRole()
    {
        var client = await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer);

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        page.ShouldContain("Signed in as <strong>officer@demo.council</strong> (PerformanceOfficer)");
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAMessage()
    {
        var client = SignedInClient.Anonymous(_factory);

        var response = await SignedInClient.SignInAsync(client, SignedInClient.EmailFor(Roles.Councillor), "not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(PerformanceWheel.Web.Components.Pages.Account.SignIn.FailedMessage));
    }

    [Fact]
    public async Task FiveFailedAttemptsLockTheAccountEvenAgainstTheRightPassword()
    {
        var client = SignedInClient.Anonymous(_factory);
        var email = SignedInClient.EmailFor(Roles.Director);
        for (var i = 0; i < 5; i++)
        {
            await SignedInClient.SignInAsync(client, email, "wrong-" + i);
        }

        var response = await SignedInClient.SignInAsync(client, email, AccountBootstrapper.DemoPassword);

        // Locked: the one failure message (nothing tells a guesser the account exists); the audit log says why.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(PerformanceWheel.Web.Components.Pages.Account.SignIn.FailedMessage));
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>().AuditEntries
            .CountAsync(a => a.Action == "Sign-in failed" && a.EntityKey == email && a.Changes!.StartsWith("the account is locked"))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignIn()
    {
        var admin = await SignedInClient.AsAsync(_factory, Roles.Admin);
        var councillorId = await UserIdAsync(Roles.Councillor);
        var token = await SignedInClient.TokenAsync(admin, "/admin/users");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            (await admin.PostAsync(new Uri($"/admin/users/{councillorId}/disable", UriKind.Relative), form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var response = await SignedInClient.SignInAsync(SignedInClient.Anonymous(_factory), SignedInClient.EmailFor(Roles.Councillor), AccountBootstrapper.DemoPassword);

        (await response.Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(PerformanceWheel.Web.Components.Pages.Account.SignIn.FailedMessage));
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        (await db.AuditEntries.CountAsync(a => a.Action == "Disabled" && a.EntityKey == SignedInClient.EmailFor(Roles.Councillor))).ShouldBe(1);

        // Re-enabling lets the councillor back in (and leaves the shared app as it was).
        using var again = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await SignedInClient.TokenAsync(admin, "/admin/users") });
        (await admin.PostAsync(new Uri($"/admin/users/{councillorId}/enable", UriKind.Relative), again)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignedInClient.SignInAsync(SignedInClient.Anonymous(_factory), SignedInClient.EmailFor(Roles.Councillor), AccountBootstrapper.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task APostWithoutAnAntiforgeryTokenIsRefused()
    {
        var client = await SignedInClient.AsAsync(_factory, Roles.Admin);

        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());
        var signOut = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), empty);
        using var noToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Input.Email"] = "x@y.z", ["Input.Password"] = "p" });
        var signIn = await SignedInClient.Anonymous(_factory).PostAsync(new Uri("/account/sign-in", UriKind.Relative), noToken);

        signOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        signIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DraftFiguresAreShownToOfficersMarkedAsDraftsAndNeverToCouncillorsOrThePublic()
    {
        // A draft for a quarter that has no published figures yet.
        var draftQuarter = ReportingPeriod.Parse("2019/20 Q3");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
            var measure = await db.Measures.Include(m => m.Directorate).SingleAsync(m => m.Code == "PH-HV-01");
            var outturn = measure.NewOutturn(draftQuarter);
            outturn.Record(77.7m, null, false, "Draft for checking", "officer@demo.council", DateTimeOffset.UtcNow);
            db.Outturns.Add(outturn);
            await db.SaveChangesAsync();
        }

        var url = "/measures/PH-HV-01?period=2019/20%20Q3";
        var officer = await (await SignedInClient.AsAsync(_factory, Roles.PerformanceOfficer)).GetStringAsync(new Uri(url, UriKind.Relative));
        var councillor = await (await SignedInClient.AsAsync(_factory, Roles.Councillor)).GetAsync(new Uri(url, UriKind.Relative));
        var anonymous = await SignedInClient.Anonymous(_factory).GetAsync(new Uri(url, UriKind.Relative));
        var councillorWheel = await (await SignedInClient.AsAsync(_factory, Roles.Councillor)).GetAsync(new Uri("/?period=2019/20%20Q3", UriKind.Relative));

        officer.ShouldContain("77.7%");
        officer.ShouldContain("tag-draft");
        (await councillor.Content.ReadAsStringAsync()).ShouldNotContain("77.7%");
        (await anonymous.Content.ReadAsStringAsync()).ShouldNotContain("77.7%");
        councillorWheel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<string> UserIdAsync(string role)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.Users.Where(u => u.Email == SignedInClient.EmailFor(role)).Select(u => u.Id).SingleAsync();
    }
}
