using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Tests.Import;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Web.Tests.Finance;

/// <summary>Finance as the tests enter it and read it back.</summary>
internal static class FinanceTestData
{
    public static object?[] LinesHeader => Row("Period", "Service area", "Approved budget", "Forecast outturn", "Remove");

    public static object?[] PositionHeader => Row("Period", "Variance", "Rating", "Commentary");

    /// <summary>A workbook with the required sheets empty and the given finance sheets.</summary>
    public static TestWorkbook Workbook(IReadOnlyList<object?[]>? lines, IReadOnlyList<object?[]>? position)
    {
        var workbook = new TestWorkbook()
            .Sheet("Measures", Samples.MeasuresHeader)
            .Sheet("Targets", Samples.TargetsHeader)
            .Sheet("Outturns", Samples.OutturnsHeader);
        if (lines is not null)
        {
            workbook.Sheet("BudgetLines", [LinesHeader, .. lines]);
        }

        if (position is not null)
        {
            workbook.Sheet("BudgetPosition", [PositionHeader, .. position]);
        }

        return workbook;
    }

    /// <summary>The quarter's lines as "area: budget / forecast", sorted.</summary>
    public static async Task<IReadOnlyList<string>> LinesAsync(AppFactory factory, string quarter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await LinesAsync(scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>(), quarter);
    }

    public static async Task<IReadOnlyList<string>> LinesAsync(PerformanceWheelDbContext db, string quarter)
    {
        var period = ReportingPeriod.Parse(quarter);
        return (await db.BudgetLines.AsNoTracking().Where(l => l.Period == period).ToListAsync())
            .Select(l => $"{l.ServiceArea}: {FinanceEntry.Millions(l.ApprovedBudget)} / {FinanceEntry.Millions(l.ForecastOutturn)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The quarter's finance audit entries as "Action | type | key | changes" (no user or time), sorted.</summary>
    public static async Task<IReadOnlyList<string>> AuditAsync(AppFactory factory, string quarter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await AuditAsync(scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>(), quarter);
    }

    public static async Task<IReadOnlyList<string>> AuditAsync(PerformanceWheelDbContext db, string quarter) =>
        (await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == FinanceEntry.LineType || a.EntityType == FinanceEntry.PositionType) && a.EntityKey.StartsWith(quarter))
            .ToListAsync())
        .Select(a => $"{a.Action} | {a.EntityType} | {a.EntityKey} | {a.Changes}")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Enters finance through the command, as an officer would on the page.</summary>
    public static async Task<FinanceResult> EnterAsync(AppFactory factory, FinanceInput input, string user = "officer@demo.council")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinanceEntry>().SaveAsync(input, user);
    }
}
