using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace PerformanceWheel.Web.Tests.Components;

/// <summary>Renders a component to HTML with the built-in HtmlRenderer and parses it as a browser would.</summary>
internal static class Render
{
    public static async Task<string> HtmlAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // MudBlazor's components (the rating chip) need its services, a NavigationManager and a script runtime that does nothing here.
        await using var services = new ServiceCollection().AddLogging().AddMudServices()
            .AddScoped<NavigationManager, StaticNavigation>()
            .AddScoped<IJSRuntime, NoScript>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = services.CreateAsyncScope();
        var loggerFactory = scope.ServiceProvider.GetRequiredService<ILoggerFactory>();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>The rendered markup as the body of a document (SVG elements parse into the SVG namespace).</summary>
    public static async Task<IDocument> DocumentAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var html = await HtmlAsync<TComponent>(parameters);
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content($"<!DOCTYPE html><html><body>{html}</body></html>"));
    }

    /// <summary>Text a screen reader or a sighted reader gets, whitespace collapsed.</summary>
    public static string Text(this INode node) => string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class StaticNavigation : NavigationManager
    {
        public StaticNavigation() => Initialize("http://localhost/", "http://localhost/");
    }

    private sealed class NoScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }
}
