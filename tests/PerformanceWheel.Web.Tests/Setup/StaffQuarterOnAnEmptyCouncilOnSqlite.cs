using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Setup;

/// <summary>
/// A new council (Production, an empty database, no figures yet) opens its staff pages on the quarter today falls in,
/// by the app's clock: never the demo's quarter, never a quarter the clock is not in.
/// </summary>
public sealed class StaffQuarterOnAnEmptyCouncilOnSqlite
{
    [Theory]
    [InlineData("2026-12-07", "2026/27 Q3")]
    [InlineData("2027-04-01", "2027/28 Q1")]
    [InlineData("2027-03-31", "2026/27 Q4")]
    public async Task TheTrackerAndTheCoveringReportOpenOnTheClocksQuarter(string today, string quarter)
    {
        var at = new DateTimeOffset(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddHours(10), TimeSpan.Zero);
        await using var app = new AppFactory(TestDatabases.CreateSqlite(), loadDemo: false, environment: "Production", settings: new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = NewCouncil.AdminEmail,
            ["Bootstrap:AdminPassword"] = NewCouncil.AdminPassword,
        });
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(at)))));
        var admin = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignedInClient.SignInAsync(admin, NewCouncil.AdminEmail, NewCouncil.AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await Page.OkAsync(admin, "/outturns")).QuerySelector("h1")!.TextContent.ShouldBe($"Data due, {quarter}");
        (await Page.OkAsync(admin, "/covering-reports")).QuerySelector("h1")!.TextContent.ShouldBe($"Cabinet, {quarter}");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
