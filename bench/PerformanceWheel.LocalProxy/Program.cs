using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

// A local load balancer in front of PerformanceWheel nodes, as docs/scaling.md asks of a council's balancer:
//   dotnet PerformanceWheel.LocalProxy.dll --urls http://127.0.0.1:5300 --nodes http://127.0.0.1:5301,http://127.0.0.1:5302
// - new browsers are spread round robin over the healthy nodes; each then keeps its node (cookie affinity,
//   ".PerformanceWheel.Node"), which interactive pages' circuits need;
// - WebSockets pass through (YARP forwards the upgrade), so circuits are not downgraded to long polling;
// - GET /health every 5 seconds (10 s to answer: a busy node is not a dead one) takes a stopped node out and a restarted one back in; a browser whose node has gone is
//   moved to a healthy one (its affinity cookie is rewritten);
// - the browser's Host header reaches the node;
// - every response names the node that served it in "X-PerformanceWheel-Node" (for the demonstration script).
var builder = WebApplication.CreateBuilder(args);
var nodes = (builder.Configuration["nodes"] ?? throw new InvalidOperationException("Give the nodes: --nodes http://host:port,http://host:port"))
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

var destinations = nodes.Select((address, i) => (Id: $"node-{(char)('a' + i)}", address))
    .ToDictionary(d => d.Id, d => new DestinationConfig { Address = d.address, Health = d.address });
var cluster = new ClusterConfig
{
    ClusterId = "performancewheel",
    LoadBalancingPolicy = "RoundRobin",
    Destinations = destinations,
    SessionAffinity = new SessionAffinityConfig
    {
        Enabled = true,
        Policy = "HashCookie",
        FailurePolicy = "Redistribute",
        AffinityKeyName = ".PerformanceWheel.Node",
        Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax },
    },
    HealthCheck = new HealthCheckConfig
    {
        Active = new ActiveHealthCheckConfig { Enabled = true, Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(10), Path = "/health", Policy = "ConsecutiveFailures" },
    },
};
// The browser's Host header is passed on (as nginx's "proxy_set_header Host $host"): the app builds its redirects from
// it, and a redirect naming a node's own address would send the browser round the balancer.
var route = new RouteConfig
{
    RouteId = "all",
    ClusterId = cluster.ClusterId,
    Match = new RouteMatch { Path = "{**path}" },
    Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
};

builder.Services.AddReverseProxy()
    .LoadFromMemory([route], [cluster])
    .AddTransforms(context => context.AddResponseTransform(response =>
    {
        if (response.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } destination)
        {
            response.HttpContext.Response.Headers["X-PerformanceWheel-Node"] = destination.DestinationId;
        }

        return ValueTask.CompletedTask;
    }));

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
