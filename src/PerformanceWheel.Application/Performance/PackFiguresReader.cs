using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Forecasting;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Everything a Cabinet, Scrutiny or directorate pack prints for a quarter, read once: the quarter's evaluation, the
/// comparison with the year's other quarters, the exceptions, each segment and each measure with its trend. The pages'
/// readers give the same figures one segment or measure at a time (<see cref="DetailReader"/>); a pack of 600 measures
/// made that way read the council 660 times (docs/performance.md).
/// </summary>
public sealed class PackFigures
{
    private readonly Dictionary<string, SegmentDetail> _segments;
    private readonly Dictionary<string, MeasureDetail> _measures;
    private readonly Dictionary<string, YearEndForecast> _forecasts;

    internal PackFigures(
        PeriodEvaluation evaluation, QuarterComparison comparison, ExceptionsView exceptions,
        Dictionary<string, SegmentDetail> segments, Dictionary<string, MeasureDetail> measures, Dictionary<string, YearEndForecast> forecasts)
    {
        _forecasts = forecasts;
        Evaluation = evaluation;
        Comparison = comparison;
        Exceptions = exceptions;
        _segments = segments;
        _measures = measures;
    }

    /// <summary>The quarter as <see cref="PerformanceReader.EvaluateAsync"/> gives it.</summary>
    public PeriodEvaluation Evaluation { get; }

    /// <summary>As <see cref="PerformanceReader.CompareQuartersAsync"/> gives it for the quarter's year up to the quarter.</summary>
    public QuarterComparison Comparison { get; }

    /// <summary>As <see cref="DetailReader.ExceptionsAsync"/> gives it.</summary>
    public ExceptionsView Exceptions { get; }

    /// <summary>A segment of the quarter's plan as <see cref="DetailReader.SegmentAsync"/> gives it, or null.</summary>
    public SegmentDetail? Segment(string code) => _segments.GetValueOrDefault(code);

    /// <summary>
    /// A measure shown in the quarter as <see cref="DetailReader.MeasureAsync"/> gives it for the quarter, without the
    /// revision history and the people it names (no pack prints them), or null.
    /// </summary>
    public MeasureDetail? Measure(string code) => _measures.GetValueOrDefault(code);

    /// <summary>
    /// A shown measure's year-end forecast as of the quarter, as <see cref="ForecastReader.QuarterAsync"/> gives it (the
    /// same figures the reader may see, the quarter's year's scheme), or null.
    /// </summary>
    public YearEndForecast? Forecast(string code) => _forecasts.GetValueOrDefault(code);

    /// <summary>Every shown measure's forecast, by measure code.</summary>
    public IReadOnlyDictionary<string, YearEndForecast> Forecasts => _forecasts;
}

/// <summary>Reads <see cref="PackFigures"/> in a fixed handful of queries, whatever the size of the council.</summary>
public sealed class PackFiguresReader(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
{
    public async Task<PackFigures> ReadAsync(ReportingPeriod quarter, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        quarter = PerformanceReader.AsQuarter(quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // An annual measure's trend goes back eight years and compares each with the year before.
        var from = quarter.Year;
        for (var i = 0; i <= PerformanceReader.TrendLength; i++)
        {
            from = from.Previous;
        }

        var snapshot = await PerformanceSnapshot.LoadAsync(db, from, quarter.Year, scope, cancellationToken);
        var plan = snapshot.PlanFor(quarter.Year);
        var evaluation = snapshot.Evaluate(quarter, plan);

        var columns = new[] { ReportingPeriod.ForQuarter(quarter.Year.Previous, 4) }.Concat(ReportingPeriod.ForYear(quarter.Year).Quarters()).ToList();
        var comparison = new QuarterComparison(quarter.Year, plan?.Name, columns, columns.Select(q => q > quarter ? null : snapshot.Evaluate(q, plan)).ToList());

        // Every critical item the reader may see (a short list: a few per quarter), for the exceptions and each measure.
        var items = await db.CriticalItems.AsNoTracking().Include(c => c.Measure).ThenInclude(m => m.Directorate).ToListAsync(cancellationToken);
        if (!scope.AllDrafts && items.Count > 0)
        {
            var published = await PeriodPublication.PublishedQuartersAsync(db, items.Select(i => i.Period), cancellationToken);
            items = items.Where(i => scope.SeesDraftsOf(i.Measure.Directorate.Name) || published.Contains(PeriodPublication.QuarterOf(i.Period))).ToList();
        }

        var exceptions = new ExceptionsView(
            evaluation,
            evaluation.Measures
                .Where(m => m.Result.Rating.Status == RagStatus.Red || m.Result.DirectionFromPrevious == Direction.Declining)
                .OrderByDescending(m => m.Result.Rating.Status == RagStatus.Red)
                .ThenBy(m => m.Code, StringComparer.OrdinalIgnoreCase)
                .ToList(),
            evaluation.Measures.Where(m => m.Result.DirectionFromPrevious == Direction.Improving && m.Result.Rating.Status != RagStatus.Red).ToList(),
            items.Where(i => i.Period == quarter).OrderBy(i => i.Measure.Code, StringComparer.OrdinalIgnoreCase).ToList());

        var segments = new Dictionary<string, SegmentDetail>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in plan?.Groups.SelectMany(g => g.Segments) ?? [])
        {
            var line = evaluation.Groups.SelectMany(g => g.Segments).FirstOrDefault(s => s.Code == segment.Code);
            if (line is null)
            {
                continue;
            }

            var measures = evaluation.Measures.Where(m => m.SegmentCode == segment.Code).ToList();
            var codes = measures.Select(m => m.Code).ToHashSet();
            var projects = snapshot.Projects
                .Where(p => p.SegmentId == segment.Id)
                .OrderBy(p => p.Code, StringComparer.OrdinalIgnoreCase)
                .Select(p => (p, p.LatestAt(quarter)))
                .ToList();
            segments[segment.Code] = new SegmentDetail(segment, line, evaluation, measures, projects, items.Where(i => i.Period == quarter && codes.Contains(i.Measure.Code)).ToList());
        }

        // The measures as a measure page reads them (their benchmarks widen the decimals a figure is written with).
        var shown = snapshot.MeasuresShownIn(quarter).Select(m => m.Id).ToHashSet();
        var full = await db.Measures.AsNoTracking()
            .Include(m => m.Directorate)
            .Include(m => m.Segment!).ThenInclude(s => s.Group).ThenInclude(g => g.Plan)
            .Include(m => m.Committees)
            .Include(m => m.Benchmarks)
            .Include(m => m.Targets)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var itemsByMeasure = items.ToLookup(i => i.MeasureId);

        // The snapshot reads figures narrowly (no commentary); the pack's trend tables print commentary, so the shown
        // measures' outturns over the same years are read once more, whole, through the same audience filter.
        var trendPeriods = ReportingPeriod.EveryPeriod(from, quarter.Year).ToList();
        var whole = (await scope.Filter(db.Outturns.AsNoTracking())
                .Where(o => trendPeriods.Contains(o.Period) && shown.Contains(o.MeasureId))
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.MeasureId);
        var details = new Dictionary<string, MeasureDetail>(StringComparer.OrdinalIgnoreCase);
        var forecasts = new Dictionary<string, YearEndForecast>(StringComparer.OrdinalIgnoreCase);
        var forecastScheme = snapshot.Schemes.For(quarter.Year);
        foreach (var measure in full.Where(m => shown.Contains(m.Id)))
        {
            var end = DetailReader.OwnPeriod(measure, quarter);
            var outturns = whole[measure.Id].ToDictionary(o => o.Period);
            var trend = Enumerable.Range(0, PerformanceReader.TrendLength)
                .Select(i => PerformanceReader.Back(end, PerformanceReader.TrendLength - 1 - i))
                .Select(q => new TrendPoint(snapshot.Evaluate(measure, q), outturns.GetValueOrDefault(q)?.Commentary, outturns.GetValueOrDefault(q)))
                .ToList();
            details[measure.Code] = new MeasureDetail(measure, end, trend, itemsByMeasure[measure.Id].OrderByDescending(c => c.Period).ToList(), !scope.SeesDraftsOf(measure.Directorate.Name))
            {
                Schemes = snapshot.Schemes,
            };

            // The outturns read above span the forecast year and the one before, as ForecastReader reads them.
            forecasts[measure.Code] = YearEndForecaster.Forecast(measure, outturns, quarter, forecastScheme);
        }

        return new PackFigures(evaluation, comparison, exceptions, segments, details, forecasts);
    }
}
