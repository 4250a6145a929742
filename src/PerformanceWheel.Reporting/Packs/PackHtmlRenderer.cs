using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerformanceWheel.Reporting.Packs.Components;

namespace PerformanceWheel.Reporting.Packs;

/// <summary>
/// Renders a pack's Razor components to one self-contained HTML document with the print stylesheet inlined. Each render
/// runs in its own DI scope: the component services Blazor registers are scoped (a renderer built on the root provider
/// fails wherever scopes are validated, as in Development).
/// </summary>
public sealed class PackHtmlRenderer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(PackHtmlRenderer).Assembly.GetManifestResourceStream("PerformanceWheel.Reporting.pack.css")
            ?? throw new InvalidOperationException("The pack stylesheet is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The print stylesheet (embedded in this assembly).</summary>
    public static string Stylesheet => Css.Value;

    public async Task<string> RenderAsync(PackModel model)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PackDocument.Model)] = model,
                [nameof(PackDocument.Css)] = Stylesheet,
            });
            var output = await renderer.RenderComponentAsync<PackDocument>(parameters);
            return "<!DOCTYPE html>\n" + output.ToHtmlString();
        });
    }
}
