using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>The measures that match a filter, or the filter that names nothing (so a caller can say which).</summary>
public sealed record MeasureListing(IReadOnlyList<Measure> Measures, string? UnknownFilter, string? Message)
{
    public bool Found => UnknownFilter is null;
}

/// <summary>A measure's every figure in its own periods, rated under the council's scheme.</summary>
public sealed record MeasureSeries(Measure Measure, IReadOnlyList<(MeasureResult Result, Outturn Outturn)> Figures, bool PublishedOnly);

/// <summary>
/// Lists measures and reads a measure's whole series of figures (for the API). Ratings and directions come from the
/// same <see cref="MeasureEvaluator"/> and scheme the measure page uses, so the figures agree.
/// </summary>
public sealed class MeasureCatalogue(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
{
    /// <summary>Measures ordered by code, optionally of one directorate (by name) and one segment (by code), both case-insensitive.</summary>
    public async Task<MeasureListing> ListAsync(string? directorate, string? segment, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var measures = await Measures(db).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(directorate))
        {
            var names = await db.Directorates.AsNoTracking().Select(d => d.Name).ToListAsync(cancellationToken);
            if (!names.Contains(directorate.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return new MeasureListing([], "directorate", $"There is no directorate called '{directorate}'.");
            }

            measures = measures.Where(m => m.Directorate.Name.Equals(directorate.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        }

        if (!string.IsNullOrWhiteSpace(segment))
        {
            var codes = await db.Segments.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken);
            if (!codes.Contains(segment.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return new MeasureListing([], "segment", $"There is no segment with the code '{segment}'.");
            }

            measures = measures.Where(m => m.Segment?.Code.Equals(segment.Trim(), StringComparison.OrdinalIgnoreCase) == true).ToList();
        }

        return new MeasureListing(measures.OrderBy(m => m.Code, StringComparer.OrdinalIgnoreCase).ToList(), null, null);
    }

    /// <summary>A measure with every figure in its own periods, oldest first; null when there is no such measure.</summary>
    public async Task<MeasureSeries?> SeriesAsync(string code, FigureScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var measure = await Measures(db).FirstOrDefaultAsync(m => m.Code == code, cancellationToken);
        if (measure is null)
        {
            return null;
        }

        var (outturns, schemes) = await MeasureFigures.LoadAsync(db, measure.Id, scope, cancellationToken);
        var figures = outturns.Values
            .Where(o => o.Period.Kind == measure.PeriodKind)
            .OrderBy(o => o.Period)
            .Select(o => (MeasureEvaluator.Evaluate(measure, outturns, o.Period, schemes.For(o.Period.Year)), o))
            .ToList();
        return new MeasureSeries(measure, figures, scope.PublishedOnly);
    }

    private static IQueryable<Measure> Measures(PerformanceWheelDbContext db) =>
        db.Measures.AsNoTracking()
            .Include(m => m.Directorate)
            .Include(m => m.Segment)
            .Include(m => m.Committees)
            .Include(m => m.Targets)
            .AsSplitQuery();
}
