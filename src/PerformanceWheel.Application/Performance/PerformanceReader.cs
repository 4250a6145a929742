using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Reads the framework and outturns and applies the rating rules: the wheel's segments with their suggested and
/// judged ratings, every measure's figure, rating and directions, rollups, headlines, comparisons and trends. What it
/// evaluates is kept in <see cref="EvaluatedQuarters"/> under the figures version read first and the reader's
/// audience, so the next reader of the same quarter and audience gets it without reading the figures again, and any
/// change to what pages show (which moves the version) is seen on the next read.
/// </summary>
public sealed class PerformanceReader(IDbContextFactory<PerformanceWheelDbContext> contextFactory, IFiguresVersion figuresVersion, EvaluatedQuarters evaluated)
{
    /// <summary>The quarters that have at least one outturn (any measure frequency), newest first.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> QuartersWithDataAsync(FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (await KeptAsync($"quarters|{EvaluatedQuarters.AudienceKey(scope)}", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            var periods = await scope.Filter(db.Outturns)
                .Select(o => o.Period)
                .Distinct()
                .ToListAsync();
            return (IReadOnlyList<ReportingPeriod>)periods
                .Where(p => p.Kind != PeriodKind.Year)
                .Select(p => p.Quarter)
                .Distinct()
                .OrderDescending()
                .ToList();
        }, q => 1 + (q.Count / 16), cancellationToken))!;
    }

    /// <summary>
    /// The value kept under <paramref name="key"/> at the current figures version (read before anything else, so what is
    /// kept under a version is never older than it), or <paramref name="build"/>'s, kept when not null. The key must
    /// name the audience (<see cref="EvaluatedQuarters.AudienceKey"/>) whenever the value depends on it.
    /// </summary>
    internal async Task<T?> KeptAsync<T>(string key, Func<Task<T?>> build, Func<T, long> size, CancellationToken cancellationToken)
        where T : class
    {
        var version = await figuresVersion.CurrentAsync(cancellationToken);
        return await evaluated.GetOrAddAsync(version, key, build, size, cancellationToken);
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

        var whole = (await KeptAsync("whole-publications", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            return (IReadOnlySet<ReportingPeriod>)(await db.QuarterPublications.AsNoTracking().Select(p => p.Quarter).ToListAsync()).ToHashSet();
        }, w => 1, cancellationToken))!;
        return quarters.Where(whole.Contains).DefaultIfEmpty(quarters[0]).First();
    }

    /// <summary>Evaluates every measure and the segments of the plan in force for a quarter.</summary>
    public async Task<PeriodEvaluation> EvaluateAsync(ReportingPeriod quarter, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        quarter = AsQuarter(quarter);
        return (await KeptAsync($"evaluate|{EvaluatedQuarters.AudienceKey(scope)}|{quarter.Code}", async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            var snapshot = await PerformanceSnapshot.LoadAsync(db, quarter.Year.Previous, quarter.Year, scope, CancellationToken.None);
            return snapshot.Evaluate(quarter, snapshot.PlanFor(quarter.Year));
        }, SizeOf, cancellationToken))!;
    }

    /// <summary>What an evaluation counts towards <see cref="EvaluationCacheOptions.SizeLimit"/>: its lines and segments.</summary>
    internal static long SizeOf(PeriodEvaluation evaluation) => 1 + evaluation.Measures.Count + evaluation.Groups.Sum(g => g.Segments.Count);

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
        ArgumentNullException.ThrowIfNull(scope);
        return (await KeptAsync(
            $"compare|{EvaluatedQuarters.AudienceKey(scope)}|{year.Label}|{latest?.Code}",
            () => CompareAsync(year, latest, scope),
            c => 1 + c.Evaluations.Sum(e => e is null ? 0 : SizeOf(e)),
            cancellationToken))!;
    }

    private async Task<QuarterComparison?> CompareAsync(FinancialYear year, ReportingPeriod? latest, FigureScope scope)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var snapshot = await PerformanceSnapshot.LoadAsync(db, year.Previous.Previous, year, scope, CancellationToken.None);
        var plan = snapshot.PlanFor(year);
        var columns = new[] { ReportingPeriod.ForQuarter(year.Previous, 4) }
            .Concat(ReportingPeriod.ForYear(year).Quarters())
            .ToList();
        var evaluations = columns
            .Select(q => latest is { } l && q > l ? null : snapshot.Evaluate(q, plan))
            .ToList();
        return new QuarterComparison(year, plan?.Name, columns, evaluations);
    }

    /// <summary>
    /// A directorate's scorecard for a quarter, with each measure's last eight quarters for its trend line: four years of
    /// that directorate's figures only.
    /// </summary>
    public async Task<Scorecard?> ScorecardAsync(string directorate, ReportingPeriod quarter, FigureScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directorate);
        ArgumentNullException.ThrowIfNull(scope);
        quarter = AsQuarter(quarter);
        return await KeptAsync(
            $"scorecard|{EvaluatedQuarters.AudienceKey(scope)}|{quarter.Code}|{directorate.ToUpperInvariant()}",
            () => BuildScorecardAsync(directorate, quarter, scope),
            s => 1 + (s.Lines.Count * (1 + TrendLength)),
            cancellationToken);
    }

    private async Task<Scorecard?> BuildScorecardAsync(string directorate, ReportingPeriod quarter, FigureScope scope)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var owner = (await db.Directorates.AsNoTracking().Where(d => !d.IsRetired).ToListAsync())
            .FirstOrDefault(d => d.Name.Equals(directorate, StringComparison.OrdinalIgnoreCase));
        if (owner is null)
        {
            return null;
        }

        var snapshot = await PerformanceSnapshot.LoadAsync(db, quarter.Year.Previous.Previous.Previous, quarter.Year, scope, CancellationToken.None, directorateId: owner.Id);

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
