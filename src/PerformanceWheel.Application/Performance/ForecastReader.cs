using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Forecasting;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Year-end forecasts (<see cref="YearEndForecaster"/>) made from the figures the reader may see: the reader's
/// <see cref="FigureScope"/> filters the figures before the rule sees them, so a councillor's forecast is made from
/// published figures only and never reveals a draft. Each year's forecast is rated under that year's scheme.
/// A quarter's forecasts are kept with the evaluated quarters, under the figures version and the audience
/// (docs/decisions/0013): a scorecard does not read two years of outturns again on every request.
/// </summary>
public sealed class ForecastReader(IDbContextFactory<PerformanceWheelDbContext> contextFactory, IFiguresVersion figuresVersion, EvaluatedQuarters evaluated)
{
    /// <summary>One measure's forecast as of a period (its own, or a quarter); null when there is no such measure.</summary>
    public async Task<YearEndForecast?> MeasureAsync(string code, ReportingPeriod asOf, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var forecasts = await ForecastAsync(asOf, scope, m => m.Code == code, cancellationToken);
        return forecasts.GetValueOrDefault(code);
    }

    /// <summary>One measure's forecast as of its latest figure the reader may see; null when there is no such measure or no figure.</summary>
    public async Task<YearEndForecast?> LatestAsync(string code, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var periods = await scope.Filter(db.Outturns.AsNoTracking())
            .Where(o => o.Measure.Code == code && o.Value != null)
            .Select(o => o.Period)
            .ToListAsync(cancellationToken);
        return periods.Count == 0 ? null : await MeasureAsync(code, periods.Max(), scope, cancellationToken);
    }

    /// <summary>Every measure's forecast as of a quarter (or month), by measure code; optionally only one directorate's (by name).</summary>
    public async Task<IReadOnlyDictionary<string, YearEndForecast>> QuarterAsync(ReportingPeriod asOf, FigureScope scope, string? directorate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var version = await figuresVersion.CurrentAsync(cancellationToken);
        // Built to completion for everyone waiting on it (EvaluatedQuarters), so not cancelled by this request.
        return (await evaluated.GetOrAddAsync<IReadOnlyDictionary<string, YearEndForecast>>(
            version,
            $"forecasts|{EvaluatedQuarters.AudienceKey(scope)}|{asOf.Code}|{directorate}",
            async () => directorate is null
                ? await ForecastAsync(asOf, scope, _ => true, CancellationToken.None)
                : await ForecastAsync(asOf, scope, m => m.Directorate.Name == directorate, CancellationToken.None),
            forecasts => 1 + forecasts.Count,
            cancellationToken))!;
    }

    private async Task<IReadOnlyDictionary<string, YearEndForecast>> ForecastAsync(
        ReportingPeriod asOf, FigureScope scope, System.Linq.Expressions.Expression<Func<Measure, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking()
            .Include(m => m.Targets)
            .Where(which)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (measures.Count == 0)
        {
            return new Dictionary<string, YearEndForecast>();
        }

        // The forecast year and the one before: a trend may reach back across the year's start, and a scheme that makes Red
        // only when worse than last year reads last year's year-end.
        var periods = ReportingPeriod.EveryPeriod(asOf.Year.Previous, asOf.Year).ToList();
        var ids = measures.Select(m => m.Id).ToList();
        var outturns = (await scope.Filter(db.Outturns.AsNoTracking())
                .Where(o => ids.Contains(o.MeasureId) && periods.Contains(o.Period))
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.MeasureId);
        var settings = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var scheme = (settings?.SchemeHistory ?? SchemeHistory.Plain).For(asOf.Year);

        return measures.ToDictionary(
            m => m.Code,
            m => YearEndForecaster.Forecast(m, (IReadOnlyDictionary<ReportingPeriod, Outturn>)outturns[m.Id].ToDictionary(o => o.Period), asOf, scheme),
            StringComparer.OrdinalIgnoreCase);
    }
}
