using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Infrastructure;
using PerformanceWheel.Web.Tests.Api;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Operations;

/// <summary>
/// OpenTelemetry with an in-memory exporter in place of OTLP: an import through the API and a Cabinet pack each produce
/// their request span with the app's own spans (and EF Core's) beneath it in the same trace, and their metrics.
/// Activity listeners are process-wide, so each request is found by the correlation id it sends.
/// </summary>
public sealed class TelemetryOnSqlite : IAsyncLifetime
{
    private readonly Recorded<Activity> _activities = new();
    private readonly Recorded<Metric> _metrics = new();

    private AppWithServices Host { get; set; } = null!;

    public Task InitializeAsync()
    {
        Host = new AppWithServices(new Dictionary<string, string> { ["Telemetry:Enabled"] = "true" }, s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_activities))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task AnImportIsTracedPhaseByPhaseUnderItsRequestAndCounted()
    {
        var client = Host.Client(await ApiClient.CreateKeyAsync(Host.App, Roles.Admin, "Telemetry test"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/workbook") { Content = ApiImportOnSqlite.Upload(Samples.Good("OTL").Bytes()) };
        request.Headers.Add(Logging.CorrelationHeader, "otel-import");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var trace = await TraceOfAsync("otel-import");
        var server = trace.Single(a => a.Source.Name == "Microsoft.AspNetCore");
        server.GetTagItem("http.response.status_code").ShouldBe(200);
        server.GetTagItem("enduser.role").ShouldBe(Roles.Admin);
        var run = trace.Single(a => a.DisplayName == "Import.Run");
        run.ParentSpanId.ShouldBe(server.SpanId);
        run.GetTagItem("import.outcome").ShouldBe("applied");
        run.GetTagItem("import.mode").ShouldBe("Historical");
        foreach (var phase in new[] { "Import.Read", "Import.Load", "Import.Check", "Import.Save" })
        {
            trace.Single(a => a.DisplayName == phase).ParentSpanId.ShouldBe(run.SpanId, phase);
        }

        trace.ShouldContain(a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore", "EF Core commands are traced");
        Metrics().ShouldContain("performancewheel.import.runs");
        Metrics().ShouldContain("performancewheel.import.duration");
        Metrics().ShouldContain("http.server.request.duration");
    }

    [Fact]
    public async Task APackIsTracedFromGatheringToPrintingAndCounted()
    {
        var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/directorates/Adults%20Services.pdf?period=2019/20 Q2");
        request.Headers.Add(Logging.CorrelationHeader, "otel-pack");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var trace = await TraceOfAsync("otel-pack");
        trace.Single(a => a.DisplayName == "Pack.Gather").GetTagItem("pack.kind").ShouldBe("Directorate");
        var render = trace.Single(a => a.DisplayName == "Pack.Render");
        render.GetTagItem("pack.bytes").ShouldBe(pdf.Length);
        var prints = trace.Where(a => a.DisplayName == "Pdf.Print").ToList();
        prints.Count.ShouldBe(2, "a pack's first print in a process prints twice: once to find its pages, once with the contents");
        prints.ShouldAllBe(p => p.ParentSpanId == render.SpanId);
        trace.Count(a => a.DisplayName == "Pack.Html").ShouldBe(2);
        Metrics().ShouldContain("performancewheel.pack.renders");
        Metrics().ShouldContain("performancewheel.pack.size");
    }

    /// <summary>Every finished span of the trace whose request sent the correlation id (the request span ends last).</summary>
    private async Task<IReadOnlyList<Activity>> TraceOfAsync(string correlationId)
    {
        Activity? server = null;
        for (var waited = 0; waited < 100 && server is null; waited++)
        {
            server = _activities.Snapshot().FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore" && (a.GetTagItem("correlation.id") as string) == correlationId);

            if (server is null)
            {
                await Task.Delay(50);
            }
        }

        server.ShouldNotBeNull($"no request span for {correlationId}");
        return _activities.Snapshot().Where(a => a.TraceId == server.TraceId).ToList();
    }

    private List<string> Metrics()
    {
        Host.Factory.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
        return _metrics.Snapshot().Select(m => m.Name).Distinct().ToList();
    }

    /// <summary>What the in-memory exporters write (from the exporting thread; other tests' imports can be exported at the same time).</summary>
    private sealed class Recorded<T> : System.Collections.ObjectModel.Collection<T>
    {
        private readonly Lock _gate = new();

        public List<T> Snapshot()
        {
            lock (_gate)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }
    }
}

/// <summary>Telemetry is off unless an OTLP endpoint (or Telemetry:Enabled) is configured.</summary>
public sealed class TelemetrySwitch(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void WithoutAnEndpointNoTracerOrMeterProviderIsRegistered()
    {
        app.Factory.Services.GetService<TracerProvider>().ShouldBeNull();
        app.Factory.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("http://collector:4317", null, null, true)]
    [InlineData(null, "http://collector:4317", null, true)]
    [InlineData(null, "http://collector:4317", "false", false)]
    [InlineData(null, null, "true", true)]
    public void AnEndpointSwitchesItOn(string? environmentVariable, string? setting, string? enabled, bool on)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = environmentVariable,
            ["Telemetry:OtlpEndpoint"] = setting,
            ["Telemetry:Enabled"] = enabled,
        }).Build();

        Telemetry.IsEnabled(configuration).ShouldBe(on);
    }
}
