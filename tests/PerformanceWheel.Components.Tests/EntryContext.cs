using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Components.Tests;

/// <summary>The finance entry and project updates pages rendered by bunit with the app's own services over a real database.</summary>
public static class EntryContext
{
    /// <summary>A context with MudBlazor (and its providers rendered), the pages' commands and readers and the directorate authorization.</summary>
    public static (BunitContext Context, IRenderedComponent<MudSnackbarProvider> Snackbars, IRenderedComponent<MudDialogProvider> Dialogs) Create(TestDatabase database, SignedIn signedIn)
    {
        var ctx = LivePage.Context(database, signedIn, services =>
        {
            services.AddPerformanceReading();
            services.AddScoped<FinanceEntry>();
            services.AddScoped<ProjectUpdateSteps>();
            services.AddScoped<ProjectUpdateReader>();
        }, directorateAuthorization: true);
        ctx.Render<MudPopoverProvider>();
        return (ctx, ctx.Render<MudSnackbarProvider>(), ctx.Render<MudDialogProvider>());
    }

    /// <summary>Opens <paramref name="address"/> (its query fills the page's query parameters) and renders <typeparamref name="TPage"/>.</summary>
    public static IRenderedComponent<TPage> Open<TPage>(BunitContext ctx, string address, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return ctx.Render(parameters ?? (_ => { }));
    }

    /// <summary>Chooses <paramref name="value"/> in the MudSelect whose input has the id, as picking its option does.</summary>
    public static Task ChooseAsync<TPage>(IRenderedComponent<TPage> page, string inputId, string value)
        where TPage : class, IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.FindAll($"[id='{inputId}']").Count > 0);
        return page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
