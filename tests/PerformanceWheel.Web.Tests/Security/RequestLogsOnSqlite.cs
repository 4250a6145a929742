using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Infrastructure;
using PerformanceWheel.Web.Security;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Import;
using Serilog.Core;
using Serilog.Events;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>
/// Every log event of a sign-in, a failed sign-in, an API call with a key and a workbook import, captured from the real
/// host at Debug level (framework events included): none holds an e-mail address, a password, an API key or a cookie
/// value, and each request's event carries its status, elapsed time, user id, role, trace id and correlation id.
/// </summary>
public sealed class RequestLogsOnSqlite : IAsyncLifetime
{
    private const string WrongPassword = "Not-The-Password-42";
    private readonly CapturedEvents _events = new();

    private AppWithServices Host { get; set; } = null!;

    public Task InitializeAsync()
    {
        Host = new AppWithServices(
            new Dictionary<string, string>
            {
                ["Serilog:MinimumLevel:Default"] = "Debug",
                ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
                ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
            },
            s => s.AddSingleton<ILogEventSink>(_events));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task NoEventHoldsAnEmailPasswordKeyOrCookieAndRequestEventsSayWhoAndHowLong()
    {
        var email = SignedInClient.EmailFor(Roles.Admin);
        var secrets = new List<string> { "@demo.council", AccountBootstrapper.DemoPassword, WrongPassword };

        // A failed sign-in, then a sign-in and a page read with the cookie it set.
        var client = Host.Client();
        var failed = await SignInAsync(client, email, WrongPassword, secrets);
        failed.StatusCode.ShouldBe(HttpStatusCode.OK, "a failed sign-in shows the form again");
        var signedIn = await SignInAsync(client, email, AccountBootstrapper.DemoPassword, secrets);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var identityCookie = Cookies(signedIn).Single(c => c.StartsWith("PerformanceWheel.Auth=", StringComparison.Ordinal));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/outturns");
        page.Headers.Add("Cookie", identityCookie);
        (await client.SendAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An API call and an import with a key; the API call sends its own correlation id.
        var key = await ApiClient.CreateKeyAsync(Host.App, Roles.Admin, "Logging test");
        secrets.Add(key);
        var api = Host.Client(key);
        using var measures = new HttpRequestMessage(HttpMethod.Get, "/api/v1/measures");
        measures.Headers.Add(Logging.CorrelationHeader, "caller-run-7");
        var answer = await api.SendAsync(measures);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        answer.Headers.GetValues(Logging.CorrelationHeader).ShouldBe(["caller-run-7"]);
        var imported = await api.PostAsync(new Uri("/api/v1/imports/workbook", UriKind.Relative), ApiImportOnSqlite.Upload(Samples.Good("LOG").Bytes()));
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        // The request event is written when the pipeline ends, which can be just after the client has its answer.
        await _events.WaitForAsync(e => e.MessageTemplate.Text == Logging.RequestTemplate && Scalar(e, "RequestPath") == "/api/v1/imports/workbook");
        var adminId = await UserIdAsync(email);
        var events = _events.All;
        events.Count.ShouldBeGreaterThan(50, "framework events at Debug level are captured too");
        foreach (var e in events)
        {
            var text = Text(e);
            foreach (var secret in secrets)
            {
                text.ShouldNotContain(secret, Case.Insensitive, $"an event ({e.MessageTemplate.Text}) holds a secret");
            }
        }

        var requests = events.Where(e => e.MessageTemplate.Text == Logging.RequestTemplate).ToList();
        foreach (var e in requests)
        {
            foreach (var property in new[] { "RequestMethod", "RequestPath", "StatusCode", "Elapsed", "UserId", "UserRole", Logging.CorrelationProperty })
            {
                e.Properties.ContainsKey(property).ShouldBeTrue($"{Text(e)} has no {property}");
            }

            e.TraceId.ShouldNotBeNull();
        }

        var failedEvent = Request(requests, "POST", "/account/sign-in", 200);
        Scalar(failedEvent, "UserId").ShouldBeNull("nobody is signed in after a failed sign-in");
        var pageEvent = Request(requests, "GET", "/outturns", 200);
        Scalar(pageEvent, "UserId").ShouldBe(adminId);
        Scalar(pageEvent, "UserRole").ShouldBe(Roles.Admin);
        Scalar(pageEvent, Logging.CorrelationProperty).ShouldBe(pageEvent.TraceId!.Value.ToHexString(), "without a header the trace id is the correlation id");
        var apiEvent = Request(requests, "GET", "/api/v1/measures", 200);
        Scalar(apiEvent, "UserId").ShouldNotBeNull().ShouldStartWith("api-key:");
        Scalar(apiEvent, "UserRole").ShouldBe(Roles.Admin);
        Scalar(apiEvent, Logging.CorrelationProperty).ShouldBe("caller-run-7");
        var importEvent = Request(requests, "POST", "/api/v1/imports/workbook", 200);
        Scalar(importEvent, "UserId").ShouldBe(Scalar(apiEvent, "UserId"));

        // Events written while the import ran (not only the request's own) carry its correlation id.
        var importId = Scalar(importEvent, Logging.CorrelationProperty).ShouldNotBeNull();
        events.Count(e => Scalar(e, Logging.CorrelationProperty) == importId).ShouldBeGreaterThan(1);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, List<string> secrets)
    {
        var form = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var antiforgery = Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        secrets.Add(CookieValue(antiforgery));
        var token = new HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(post);
        secrets.AddRange(Cookies(response).Select(CookieValue).Where(v => v.Length > 0));
        return response;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    private static string CookieValue(string cookie) => cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..];

    private static LogEvent Request(IEnumerable<LogEvent> requests, string method, string path, int status) =>
        requests.Where(e => Scalar(e, "RequestMethod") == method && Scalar(e, "RequestPath") == path && Scalar(e, "StatusCode") == status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ShouldHaveSingleItem($"one request event for {method} {path} {status}");

    private static string? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } v } ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Everything an event could write: its rendered message, every property and the exception.</summary>
    private static string Text(LogEvent e) =>
        $"{e.RenderMessage()} {string.Join(' ', e.Properties.Select(p => $"{p.Key}={p.Value}"))} {e.Exception}";

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private sealed class CapturedEvents : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> All => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        public async Task WaitForAsync(Func<LogEvent, bool> written)
        {
            for (var waited = 0; waited < 100 && !_events.Any(written); waited++)
            {
                await Task.Delay(50);
            }
        }
    }
}

/// <summary>Which correlation id a request gets: the caller's when it is a safe short token, else its trace id.</summary>
public sealed class CorrelationIds
{
    [Theory]
    [InlineData("caller-run-7", true)]
    [InlineData("a:b.c_d-9", true)]
    [InlineData("has space", false)]
    [InlineData("<script>", false)]
    [InlineData("", false)]
    public void ACallersCorrelationIdIsKeptOnlyWhenItIsAShortToken(string requested, bool kept)
    {
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom();
        using var activity = new System.Diagnostics.Activity("test").SetParentId(trace, System.Diagnostics.ActivitySpanId.CreateRandom()).Start();
        Logging.CorrelationId(requested, activity).ShouldBe(kept ? requested : trace.ToHexString());
        Logging.CorrelationId(new string('a', 65), activity).ShouldBe(trace.ToHexString());
    }
}
