using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Components.Pages.Exceptions;
using PerformanceWheel.Web.Components.Pages.Finance;
using PerformanceWheel.Web.Components.Pages.Measures;
using PerformanceWheel.Web.Components.Pages.Projects;
using PerformanceWheel.Web.Components.Pages.Scorecards;
using PerformanceWheel.Web.Components.Pages.Segments;
using PerformanceWheel.Web.Components.Pages.Wheel;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>Settings of the page cache (Performance:PageCache).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Performance:PageCache";

    /// <summary>Off: every reading page is made afresh.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most the rendered pages of one node may take, in megabytes.</summary>
    public long SizeLimitMegabytes { get; set; } = 256;

    /// <summary>
    /// How long a rendered page is kept at most. Correctness does not depend on it (the figures version is checked on
    /// every request); it bounds how long a page nobody asks for again stays in memory.
    /// </summary>
    public int ExpirySeconds { get; set; } = 3600;
}

/// <summary>
/// Output caching of the reading pages for readers who see published figures only (anonymous readers and
/// councillors; docs/decisions/0013). A page is kept per path and query, per figures version (read from the database
/// on every request, so every node notices a change made on another), and per reader: all anonymous readers share
/// one copy; a councillor's pages carry their name and their sign-out form's antiforgery token, so each is kept for
/// that councillor and that browser's antiforgery cookie only. Staff (who may see drafts) are never served from or
/// stored in it. Only a 200 response that sets no cookie is kept.
/// </summary>
public static class PageCache
{
    /// <summary>The tag every kept page carries.</summary>
    public const string Tag = "figures";

    /// <summary>The response header telling which figures version a cached-audience page was made at (tests and operators).</summary>
    public const string VersionHeader = "X-Figures-Version";

    /// <summary>The reading pages kept: wheel, comparison, directorates, scorecards, segments, measures, projects, exceptions, finance.</summary>
    private static readonly HashSet<Type> ReadingPages =
    [
        typeof(Home), typeof(Comparison), typeof(Directorates), typeof(DirectorateScorecard), typeof(SegmentPage),
        typeof(MeasurePage), typeof(ProjectPage), typeof(ExceptionsPage), typeof(FinancePage),
    ];

    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(PageCacheOptions.Section).Get<PageCacheOptions>() ?? new PageCacheOptions();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<KeptVersions>();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = Math.Max(1, options.SizeLimitMegabytes) * 1024 * 1024;
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, options.ExpirySeconds));
            o.UseCaseSensitivePaths = true;
        });
        return services;
    }

    /// <summary>Endpoint convention: the reading pages get the published-readers policy; no other endpoint is kept.</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.OfType<ComponentTypeMetadata>().FirstOrDefault() is { } page && ReadingPages.Contains(page.Type))
        {
            endpoint.Metadata.Add(PublishedReadersPolicy.Instance);
        }
    }

    /// <summary>
    /// Who a kept page may be served to: "anonymous", or one signed-in reader (their id, name and roles) in one
    /// browser (a hash of its antiforgery cookie, which the sign-out form's token is bound to). Hashed, so no cookie
    /// value is kept in a cache key.
    /// </summary>
    internal static string ReaderKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return "anonymous";
        }

        var cookieName = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name ?? string.Empty;
        var cookie = context.Request.Cookies.TryGetValue(cookieName, out var value) ? value : string.Empty;
        var who = string.Join('\n',
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            user.Identity.Name ?? string.Empty,
            string.Join(',', Roles.All.Where(user.IsInRole)),
            cookie);
        return "reader:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(who)));
    }

    /// <summary>Whether this reader may be served kept pages: published figures only, and no staff role at all.</summary>
    internal static bool ReadsPublishedOnly(ClaimsPrincipal user) =>
        !Policies.SeesDrafts(user) && SignedInAudience.For(user).PublishedOnly;

    /// <summary>The tag of every page kept at a version (dropped on this node once a newer version is seen).</summary>
    internal static string VersionTag(long version) => "figures-v" + version.ToString(CultureInfo.InvariantCulture);

    private sealed class PublishedReadersPolicy : IOutputCachePolicy
    {
        public static readonly PublishedReadersPolicy Instance = new();

        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var enabled = http.RequestServices.GetRequiredService<IOptions<PageCacheOptions>>().Value.Enabled;
            var request = http.Request;
            if (!enabled || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !ReadsPublishedOnly(http.User))
            {
                context.EnableOutputCaching = false;
                return;
            }

            var version = await http.RequestServices.GetRequiredService<IFiguresVersion>().CurrentAsync(cancellation);
            await http.RequestServices.GetRequiredService<KeptVersions>().SawAsync(version, http.RequestServices.GetRequiredService<IOutputCacheStore>(), cancellation);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["figures"] = version.ToString(CultureInfo.InvariantCulture);
            context.CacheVaryByRules.VaryByValues["reader"] = ReaderKey(http);
            context.Tags.Add(Tag);
            context.Tags.Add(VersionTag(version));
            http.Response.Headers[VersionHeader] = version.ToString(CultureInfo.InvariantCulture);
            if (http.User.Identity?.IsAuthenticated != true)
            {
                // A page rendered by Blazor stores an antiforgery cookie as its response starts, whether or not the page
                // has a form; a reading page has none for anonymous readers (no token in it), so the cookie is not sent
                // and the page, the same for every anonymous reader, can be kept. (Registered before the page runs, so
                // it runs after the page's own callback.)
                http.Response.OnStarting(() =>
                {
                    DropAntiforgeryCookie(http);
                    return Task.CompletedTask;
                });
            }
        }

        private static void DropAntiforgeryCookie(HttpContext http)
        {
            var name = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
            var cookies = http.Response.Headers.SetCookie;
            if (string.IsNullOrEmpty(name) || StringValues.IsNullOrEmpty(cookies))
            {
                return;
            }

            var others = cookies.Where(c => c is not null && !c.StartsWith(name + "=", StringComparison.Ordinal)).ToArray();
            http.Response.Headers.SetCookie = others.Length == 0 ? StringValues.Empty : new StringValues(others);
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The figures versions this node has kept pages for; pages of a version are dropped once a newer one is seen.</summary>
internal sealed class KeptVersions
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _kept = [];

    public async ValueTask SawAsync(long version, IOutputCacheStore store, CancellationToken cancellation)
    {
        List<long> older;
        lock (_gate)
        {
            if (!_kept.Add(version) && _kept.Max == version)
            {
                return;
            }

            older = _kept.Where(v => v < _kept.Max).ToList();
            foreach (var v in older)
            {
                _kept.Remove(v);
            }
        }

        foreach (var v in older)
        {
            await store.EvictByTagAsync(PageCache.VersionTag(v), cancellation);
        }
    }
}
