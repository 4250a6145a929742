using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Reads the framework and outturns and applies the rating rules: the wheel's segments with their suggested and
/// judged ratings, every measure's figure, rating and directions, rollups, headlines, comparisons and trends.
/// </summary>
public sealed class PerformanceReader(IDbContextFactory<PerformanceWheelDbContext> contextFactory)
{
    /// <summary>The quarters that have at least one outturn (any measure frequency), newest first.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> QuartersWithDataAsync(FigureScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(scope);
        var periods = await scope.Filter(db.Outturns)
            .Select(o => o.Period)
            .Distinct()
            .ToListAsync(cancellationToken);
        return periods
            .Where(p => p.Kind != PeriodKind.Year)
            .Select(p => p.Quarter)
            .Distinct()
            .OrderDescending()
            .ToList();
    }

    /// <summary>
    /// The quarter a reader opens when they choose none: for councillors and the public the newest quarter published as a
    /// whole (publishing part of a quarter does not move it; with no whole publication at all, the newest with published
    /// figures); for staff the newest quarter with any figure. Null when there are no figures.
    /// </summary>
    public async Task<ReportingPeriod?> DefaultQuarterAsync(IReadOnlyList<ReportingPeriod> quarters, bool publishedOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        if (quarters.Count == 0)
        {
            return null;
        }

        if (!publishedOnly)
        {
            return quarters[0];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var whole = (await db.QuarterPublications.AsNoTracking().Select(p => p.Quarter).ToListAsync(cancellationToken)).ToHashSet();
        return quarters.Where(whole.Contains).DefaultIfEmpty(quarters[0]).First();
    }

    /// <summary>Evaluates every measure and the segments of the plan in force for a quarter.</summary>
    public async Task<PeriodEvaluation> EvaluateAsync(ReportingPeriod quarter, FigureScope scope, CancellationToken cancellationToken = default)
    {
        quarter = AsQuarter(quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await PerformanceSnapshot.LoadAsync(db, quarter.Year.Previous, quarter.Year, scope, cancellationToken);
        return snapshot.Evaluate(quarter, snapshot.PlanFor(quarter.Year));
    }

    /// <summary>A quarter evaluated as <see cref="EvaluateAsync"/> does, but under the given schemes (a preview of a scheme change).</summary>
    public async Task<PeriodEvaluation> EvaluateUnderAsync(ReportingPeriod quarter, SchemeHistory schemes, CancellationToken cancellationToken = default)
    {
        quarter = AsQuarter(quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await PerformanceSnapshot.LoadAsync(db, quarter.Year.Previous, quarter.Year, FigureScope.Everything, cancellationToken, schemes);
        return snapshot.Evaluate(quarter, snapshot.PlanFor(quarter.Year));
    }

    /// <summary>
    /// Seed 000 §4.4: the segments of the plan in force in a financial year, by ring, rated in each quarter of the year
    /// and in the previous year's Q4. Quarters after <paramref name="latest"/> are left empty.
    /// </summary>
    public async Task<QuarterComparison> CompareQuartersAsync(FinancialYear year, ReportingPeriod? latest, FigureScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await PerformanceSnapshot.LoadAsync(db, year.Previous.Previous, year, scope, cancellationToken);
        var plan = snapshot.PlanFor(year);
        var columns = new[] { ReportingPeriod.ForQuarter(year.Previous, 4) }
            .Concat(ReportingPeriod.ForYear(year).Quarters())
            .ToList();
        var evaluations = columns
            .Select(q => latest is { } l && q > l ? null : snapshot.Evaluate(q, plan))
            .ToList();
        return new QuarterComparison(year, plan?.Name, columns, evaluations);
    }

    /// <summary>A directorate's scorecard for a quarter, with each measure's last eight quarters for its trend line.</summary>
    public async Task<Scorecard?> ScorecardAsync(string directorate, ReportingPeriod quarter, FigureScope scope, CancellationToken cancellationToken = default)
    {
        quarter = AsQuarter(quarter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await PerformanceSnapshot.LoadAsync(db, quarter.Year.Previous.Previous.Previous, quarter.Year, scope, cancellationToken);
        var owner = snapshot.Directorates.FirstOrDefault(d => d.Name.Equals(directorate, StringComparison.OrdinalIgnoreCase));
        if (owner is null)
        {
            return null;
        }

        var trendQuarters = Enumerable.Range(0, TrendLength).Select(i => Back(quarter, TrendLength - 1 - i)).ToList();
        var lines = snapshot.MeasuresShownIn(quarter)
            .Where(m => m.DirectorateId == owner.Id)
            .OrderBy(m => m.Code, StringComparer.OrdinalIgnoreCase)
            .Select(m => new ScorecardLine(
                PerformanceSnapshot.ToLine(m, snapshot.Evaluate(m, quarter)),
                m.Segment?.Title,
                trendQuarters.Select(q => snapshot.Evaluate(m, q)).ToList()))
            .ToList();
        return new Scorecard(owner.Name, quarter, lines, scope.PublishedOnly) { Scheme = snapshot.Schemes.For(quarter.Year) };
    }

    /// <summary>How many periods a trend shows (seed 002's measure pages show eight).</summary>
    public const int TrendLength = 8;

    internal static ReportingPeriod AsQuarter(ReportingPeriod period) => period.Kind switch
    {
        PeriodKind.Quarter => period,
        PeriodKind.Month => period.Quarter,
        _ => ReportingPeriod.ForQuarter(period.Year, 4),
    };

    internal static ReportingPeriod Back(ReportingPeriod period, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            period = period.Previous;
        }

        return period;
    }
}
