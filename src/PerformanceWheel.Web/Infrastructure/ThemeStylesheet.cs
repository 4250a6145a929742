using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Web.Components.Layout;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>
/// The council's <see cref="MudTheme"/> as a stylesheet at <see cref="Path"/>. MudThemeProvider writes the theme's CSS
/// variables into inline &lt;style&gt; elements, which the Content-Security-Policy refuses (style-src 'self'); so the
/// same CSS is rendered once per set of council colours, by MudThemeProvider itself, and served from this site
/// (docs/decisions/0014). The council's logo is served beside it, from the settings row.
/// </summary>
public static partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    public const string LogoPath = "/council/logo";

    /// <summary>The rendered theme per pair of council colours (only colours the settings have held are ever rendered).</summary>
    private static readonly ConcurrentDictionary<(string?, string?), Lazy<Task<string>>> Css = new();

    /// <summary>The stylesheet's address for the council's colours now: it changes when they do, so browsers fetch the new theme.</summary>
    public static string Href(CouncilLook look)
    {
        ArgumentNullException.ThrowIfNull(look);
        return look.PrimaryColour is null && look.SecondaryColour is null
            ? Path
            : $"{Path}?c={Uri.EscapeDataString($"{look.PrimaryColour?.TrimStart('#')}-{look.SecondaryColour?.TrimStart('#')}")}";
    }

    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        // The theme of the colours in the settings now, whatever the address asks for (the query only makes the address new).
        endpoints.MapGet(Path, async (HttpContext context, CouncilProfile council) =>
        {
            var look = await council.LookAsync(context.RequestAborted);
            context.Response.Headers.CacheControl = "public, max-age=3600";
            var css = Css.GetOrAdd((look.PrimaryColour, look.SecondaryColour), key => new Lazy<Task<string>>(() => RenderAsync(key.Item1, key.Item2)));
            return Results.Text(await css.Value, "text/css", Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();

        // The logo: public (it is on every page, signed in or not); the browser asks again each time (an ETag answers 304).
        endpoints.MapGet(LogoPath, async (HttpContext context, CouncilProfile council) =>
        {
            if (await council.LogoAsync(context.RequestAborted) is not { } logo)
            {
                return Results.NotFound();
            }

            var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(logo.Image))[..32]}\"");
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(logo.Image, logo.ContentType, entityTag: tag);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The text of every style element MudThemeProvider renders for the council's theme (the site's own colours when none are given).</summary>
    public static async Task<string> RenderAsync(string? primary = null, string? secondary = null)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IJSRuntime, NoScript>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = CouncilTheme.Create(primary, secondary),
                [nameof(MudThemeProvider.IsDarkMode)] = false,
            }))).ToHtmlString());
        return string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()));
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    /// <summary>The theme is rendered outside any browser (MudThemeProvider needs only a script runtime): its calls to watch the system's dark mode do nothing.</summary>
    private sealed class NoScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }
}
