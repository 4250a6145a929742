using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Components.Tests;

/// <summary>The framework admin pages rendered live by bunit, with the app's own framework services over a real database.</summary>
public static class MeasuresContext
{
    /// <summary>A live (interactive) context as the demo performance officer, with the dialog and snackbar providers rendered.</summary>
    public static (BunitContext Ctx, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) Create(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var ctx = LivePage.Context(database, GridContext.AsOfficer(), services => services.AddFrameworkAdministration());
        return (ctx, ctx.Render<MudDialogProvider>(), ctx.Render<MudSnackbarProvider>());
    }

    /// <summary>Reads the demo database in a context of its own.</summary>
    public static async Task<T> QueryAsync<T>(TestDatabase database, Func<PerformanceWheelDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = database.CreateContext();
        return await query(db);
    }

    /// <summary>A new quarterly percentage measure (Higher is better, tolerance ±2) of the first directorate; its id.</summary>
    public static async Task<int> NewMeasureAsync(TestDatabase database, string code)
    {
        ArgumentNullException.ThrowIfNull(database);
        var directorate = await QueryAsync(database, db => db.Directorates.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        var result = await new MeasureCommands(database.Factory(), TimeProvider.System).SaveAsync(null,
            new MeasureDraft(code, $"Test measure {code}", null, null, "%", 1, Polarity.HigherIsBetter, Frequency.Quarterly, Aggregation.Snapshot,
                ToleranceType.Absolute, 2, 0.5m, directorate, null, [], null, null), "setup@demo.council");
        return result.Id ?? throw new InvalidOperationException(string.Join(" ", result.Problems.Select(p => p.Message)));
    }
}
