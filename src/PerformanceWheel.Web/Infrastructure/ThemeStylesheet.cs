using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using PerformanceWheel.Web.Components.Layout;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>
/// The council's <see cref="MudTheme"/> as a stylesheet at <see cref="Path"/>. MudThemeProvider writes the theme's CSS
/// variables into inline &lt;style&gt; elements, which the Content-Security-Policy refuses (style-src 'self'); so the
/// same CSS is rendered once, by MudThemeProvider itself, and served from this site (docs/decisions/0014).
/// </summary>
public static partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    private static readonly Lazy<Task<string>> Css = new(RenderAsync);

    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(await Css.Value, "text/css", Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The text of every style element MudThemeProvider renders for the council's theme.</summary>
    public static async Task<string> RenderAsync()
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
                [nameof(MudThemeProvider.Theme)] = CouncilTheme.Create(),
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
