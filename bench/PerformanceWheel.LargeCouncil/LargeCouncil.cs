using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.LargeCouncil;

/// <summary>
/// A deterministic "large council" for benchmarks: 12 directorates, one plan of 5 rings × 12 segments, 600 × scale
/// measures (96% monthly, 3% quarterly, 1% annual; every polarity, unit kind, aggregation and tolerance style) with
/// targets for each of ten financial years (2016/17 to 2025/26) and an outturn for every period, 85% with commentary:
/// 69,852 × scale outturns (576 monthly × 120 + 18 quarterly × 40 + 6 annual × 10, less the last year of the four
/// measures in 600 that were discontinued). The scale multiplies the measures, not the years: the rows per measure stay what a
/// council really keeps, and FinancialYear stops at 2200, so 100 × ten years would not fit.
/// Every random choice comes from a fixed seed per measure: the same data on every machine and every run,
/// whether the council is built in memory (<see cref="Generate"/>) or streamed into a database (<see cref="LoadAsync"/>).
/// </summary>
public static class LargeCouncil
{
    public const string CouncilName = "Large Benchmark Council";
    public const string LoadedBy = "large-council-generator";

    /// <summary>Bumped whenever the generated data changes (cached benchmark databases carry it in their file name).</summary>
    public const int GeneratorVersion = 1;

    public const int Seed = 20260707;
    public const int MeasuresPerScale = 600;
    public const int Years = 10;

    public static readonly FinancialYear FirstYear = new(2016);
    public static readonly FinancialYear LastYear = new(2025);

    /// <summary>The newest quarter with data; its last month is still being approved for one measure in ten.</summary>
    public static readonly ReportingPeriod LatestQuarter = ReportingPeriod.ForQuarter(LastYear, 4);

    private static readonly DateTimeOffset LoadedAt = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Builds the whole council in memory (no database; entity ids stay 0).</summary>
    public static LargeCouncilModel Generate(int scale = 1)
    {
        CheckScale(scale);
        var framework = Framework.Build(scale);
        var outturns = new List<Outturn>(70_000 * scale);
        var byMeasure = new Dictionary<Measure, IReadOnlyDictionary<ReportingPeriod, Outturn>>(framework.Measures.Count);
        for (var k = 0; k < framework.Measures.Count; k++)
        {
            var series = Series(framework.Profiles[k], k);
            outturns.AddRange(series);
            byMeasure[framework.Measures[k]] = series.ToDictionary(o => o.Period);
        }

        return new LargeCouncilModel(scale, framework.Settings, framework.Committees, framework.Directorates, framework.Plan,
            framework.Measures, outturns, byMeasure, framework.Assessments);
    }

    /// <summary>
    /// Migrates an empty database and streams the council into it: the framework in one SaveChanges, then the outturns
    /// in chunks (AddRange + SaveChanges with automatic change detection off; each chunk is detached once saved).
    /// </summary>
    public static async Task<LoadReport> LoadAsync(DatabaseOptions options, int scale = 1, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckScale(scale);
        var clock = Stopwatch.StartNew();
        await using var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(options));
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await PerformanceWheel.Data.Migrations.LegacyHistory.MigrateAsync(db, cancellationToken);
        if (await db.CouncilSettings.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds a council; the large council is only loaded into an empty database.");
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var framework = Framework.Build(scale);
        db.CouncilSettings.Add(framework.Settings);
        db.Committees.AddRange(framework.Committees);
        db.Directorates.AddRange(framework.Directorates);
        db.Plans.Add(framework.Plan);
        db.Measures.AddRange(framework.Measures);
        db.SegmentAssessments.AddRange(framework.Assessments);
        await db.SaveChangesAsync(cancellationToken);
        var frameworkTime = clock.Elapsed;

        const int chunkSize = 10_000;
        var chunk = new List<Outturn>(chunkSize + 200);
        long written = 0;
        for (var k = 0; k < framework.Measures.Count; k++)
        {
            chunk.AddRange(Series(framework.Profiles[k], k));
            if (chunk.Count >= chunkSize || k == framework.Measures.Count - 1)
            {
                db.Outturns.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var outturn in chunk)
                {
                    db.Entry(outturn).State = EntityState.Detached;
                }

                written += chunk.Count;
                chunk.Clear();
                if (written % 100_000 < chunkSize)
                {
                    progress?.Report($"{written:N0} outturns written ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }
        }

        return new LoadReport(scale, framework.Measures.Count, written, framework.Assessments.Count, frameworkTime, clock.Elapsed);
    }

    private static void CheckScale(int scale)
    {
        if (scale is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be between 1 and 1000.");
        }
    }

    /// <summary>Every outturn of one measure, from its own seeded random sequence.</summary>
    private static List<Outturn> Series(Profile profile, int index)
    {
        var random = new Random(Seed + (index * 7919));
        var measure = profile.Measure;
        var periods = Periods(measure.Frequency).Where(p => !measure.IsDiscontinuedIn(p)).ToList();
        var series = new List<Outturn>(periods.Count);

        // Performance drifts as an autoregressive walk: +1 is a comfortable green, about -0.8 the tolerance edge.
        var drift = Gaussian(random) * 0.7;
        foreach (var period in periods)
        {
            drift = (0.75 * drift) + (0.5 * Gaussian(random));
            var outturn = measure.NewOutturn(period);
            if (random.NextDouble() < 0.015)
            {
                outturn.Record(null, random.Next(2) == 0 ? OutturnStatus.Tbc : OutturnStatus.NotAvailable, false, Commentary.Status(random), LoadedBy, LoadedAt);
            }
            else
            {
                var performance = drift + 0.25;
                var value = profile.Value(period, performance);
                var commentary = random.NextDouble() < 0.85
                    ? Commentary.Write(random, measure.Format(value), profile.TargetText(period), performance >= 0)
                    : null;
                outturn.Record(value, null, period.Year == LastYear && random.NextDouble() < 0.2, commentary, LoadedBy, LoadedAt);
            }

            // The last month of the latest quarter is still going through approval for one measure in ten.
            if (period.End == LatestQuarter.End && index % 10 == 0)
            {
                outturn.MoveTo(WorkflowState.Submitted, LoadedBy, LoadedAt);
            }
            else
            {
                outturn.PublishHistorical(LoadedBy, LoadedAt);
            }

            series.Add(outturn);
        }

        return series;
    }

    private static List<ReportingPeriod> Periods(Frequency frequency)
    {
        var periods = new List<ReportingPeriod>();
        for (var year = FirstYear; year <= LastYear; year = year.Next)
        {
            var whole = ReportingPeriod.ForYear(year);
            periods.AddRange(frequency switch
            {
                Frequency.Monthly => whole.Months(),
                Frequency.Quarterly => whole.Quarters(),
                _ => [whole],
            });
        }

        return periods;
    }

    internal static double Gaussian(Random random)
    {
        // Box–Muller: deterministic for a seeded Random.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The framework (everything but the outturns), built from the catalogue and the seed.</summary>
    private sealed class Framework
    {
        public CouncilSettings Settings { get; private init; } = null!;

        public List<Committee> Committees { get; } = [];

        public List<Directorate> Directorates { get; } = [];

        public Plan Plan { get; private init; } = null!;

        public List<Measure> Measures { get; } = [];

        /// <summary>Each measure's value profile, in the same order as <see cref="Measures"/>.</summary>
        public List<Profile> Profiles { get; } = [];

        public List<SegmentAssessment> Assessments { get; } = [];

        public static Framework Build(int scale)
        {
            var framework = new Framework
            {
                Settings = new CouncilSettings(CouncilName),
                Plan = new Plan("Council Plan 2016-2026", FirstYear, LastYear),
            };
            var random = new Random(Seed);
            var committees = Catalogue.Committees.ToDictionary(c => c.Code, c => new Committee(c.Code, c.Name));
            framework.Committees.AddRange(committees.Values);
            framework.Directorates.AddRange(Catalogue.Directorates.Select(n => new Directorate(n)));

            var segments = new List<Segment>();
            for (var g = 0; g < Catalogue.Groups.Length; g++)
            {
                var (name, prefix, committee, titles) = Catalogue.Groups[g];
                var group = framework.Plan.AddGroup(name, g + 1);
                for (var s = 0; s < titles.Length; s++)
                {
                    var segment = group.AddSegment($"{prefix}{s + 1}", titles[s], $"Lead officer, {Catalogue.Directorates[((g * 5) + s) % 12]}", s + 1);
                    segment.TagCommittee(committees[committee]);
                    if (s % 4 == 0)
                    {
                        segment.TagCommittee(committees["P"]);
                    }

                    segments.Add(segment);
                }
            }

            var count = MeasuresPerScale * scale;
            for (var k = 0; k < count; k++)
            {
                var segment = segments[k % segments.Count];
                var d = ((k % segments.Count) + (k / segments.Count)) % framework.Directorates.Count;
                var profile = NewMeasure(k, segment, framework.Directorates[d], Catalogue.DirectorateCodes[d], random);
                framework.Measures.Add(profile.Measure);
                framework.Profiles.Add(profile);
            }

            // A judged direction and rationale for one segment in three, every quarter (the suggested rating is computed).
            var quarters = Enumerable.Range(0, Years).SelectMany(y => ReportingPeriod.ForYear(new FinancialYear(FirstYear.StartYear + y)).Quarters());
            foreach (var quarter in quarters)
            {
                foreach (var segment in segments.Where((_, i) => i % 3 == 0))
                {
                    var assessment = new SegmentAssessment(segment, quarter);
                    var direction = (Direction)(random.Next(3) + 1);
                    assessment.Judge(null, $"The lead officer judges the segment {direction.Describe()} on the evidence of its measures and projects this quarter.", direction, LoadedBy, LoadedAt);
                    framework.Assessments.Add(assessment);
                }
            }

            return framework;
        }

        private static Profile NewMeasure(int k, Segment segment, Directorate directorate, string directorateCode, Random random)
        {
            var template = Catalogue.Kpis[random.Next(Catalogue.Kpis.Length)];
            var frequency = (k % 100) switch
            {
                0 => Frequency.Annual,
                1 or 2 or 3 => Frequency.Quarterly,
                _ => Frequency.Monthly,
            };
            var locality = Catalogue.Localities[random.Next(Catalogue.Localities.Length)];
            var code = $"{directorateCode}-{k + 1:000000}";
            var title = $"{template.Title} ({locality})";
            var unit = MeasureUnit.Parse(template.Unit);
            var measure = new Measure(code, title, directorate, template.Polarity, frequency, unit);
            measure.Describe(title, $"{template.Title}, reported {frequency.ToString().ToLowerInvariant()} for the {locality}.",
                "Generated for benchmarks: deterministic illustrative values, not from a published report.");
            var aggregation = frequency == Frequency.Monthly ? template.MonthlyAggregation : Aggregation.Snapshot;
            measure.Classify(template.Polarity, frequency, aggregation, unit, template.Decimals);

            // Target level: the template's, shifted per measure so that measures sharing a template differ.
            var level = template.Target * (decimal)(0.85 + (0.3 * random.NextDouble()));
            if (unit.Kind == UnitKind.Percent)
            {
                level = Math.Min(level, 99m);
            }

            var tolerance = (k % 20) switch
            {
                < 8 => Tolerance.Percent(5m),
                < 12 => Tolerance.Percent(10m),
                < 17 => Tolerance.Absolute(Math.Round(Math.Abs(level) * 0.04m, template.Decimals, MidpointRounding.AwayFromZero)),
                _ => Tolerance.None,
            };
            measure.SetTolerance(tolerance, k % 3 == 0 ? 0m : Math.Round(Math.Abs(level) * 0.01m, template.Decimals, MidpointRounding.AwayFromZero));
            measure.AssignTo(directorate, segment);
            foreach (var committee in segment.Committees)
            {
                measure.TagCommittee(committee);
            }

            // A discontinued measure in every 150: it stopped reporting a year before the latest (its data stays).
            if (k % 150 == 149)
            {
                measure.Discontinue(ReportingPeriod.ForQuarter(LastYear, 1));
            }

            var profile = new Profile(measure, level, template.HalfBand);
            for (var year = FirstYear; year <= LastYear; year = year.Next)
            {
                profile.SetTargets(year);
            }

            return profile;
        }
    }

    /// <summary>How a measure's values and targets relate to its target level: the period scale for Sum and year-to-date.</summary>
    private sealed class Profile(Measure measure, decimal level, decimal halfBand)
    {
        public Measure Measure => measure;

        private bool IsYearToDate => measure is { Frequency: Frequency.Monthly, Aggregation: Aggregation.YearToDate };

        private bool IsSum => measure is { Frequency: Frequency.Monthly, Aggregation: Aggregation.Sum };

        /// <summary>Ambition rises 2% a year in the better direction.</summary>
        private decimal LevelIn(FinancialYear year)
        {
            var step = 1m + (0.02m * (year.StartYear - FirstYear.StartYear));
            var value = measure.Polarity switch
            {
                Polarity.LowerIsBetter => level / step,
                Polarity.HigherIsBetter => level * step,
                _ => level,
            };
            return measure.Unit.Kind == UnitKind.Percent ? Math.Min(value, 99.5m) : value;
        }

        private decimal HalfBandIn(FinancialYear year) => Math.Max(halfBand, Math.Abs(LevelIn(year)) * 0.05m);

        /// <summary>Sets the year's target: a band, profiled quarterly targets (year to date) or one value.</summary>
        public void SetTargets(FinancialYear year)
        {
            var l = Round(LevelIn(year));
            if (measure.Polarity == Polarity.WithinRange)
            {
                measure.SetTarget(year, null, null, Round(l - HalfBandIn(year)), Round(l + HalfBandIn(year)));
            }
            else if (IsYearToDate)
            {
                // A quarter of the year's ambition per quarter, cumulatively.
                foreach (var quarter in ReportingPeriod.ForYear(year).Quarters())
                {
                    measure.SetTarget(year, quarter, Round(l * quarter.Number / 4m), null, null);
                }
            }
            else
            {
                measure.SetTarget(year, null, l, null, null);
            }
        }

        /// <summary>The target a single period's figure is read against in commentary (a month of a summed measure: a third of the quarter's).</summary>
        public string TargetText(ReportingPeriod period)
        {
            var l = LevelIn(period.Year);
            return measure.Polarity == Polarity.WithinRange
                ? $"{measure.Format(l - HalfBandIn(period.Year))} to {measure.Format(l + HalfBandIn(period.Year))}"
                : measure.Format(IsSum ? l / 3m : IsYearToDate ? l / 12m : l);
        }

        /// <summary>A value for a period at a performance level (positive = better than target, about -0.8 = the tolerance edge).</summary>
        public decimal Value(ReportingPeriod period, double performance)
        {
            var l = LevelIn(period.Year);
            var perPeriod = IsSum ? l / 3m : IsYearToDate ? l / 12m : l;
            var p = (decimal)performance;
            var value = measure.Polarity switch
            {
                Polarity.HigherIsBetter => perPeriod * (1m + (0.06m * p)),
                Polarity.LowerIsBetter => perPeriod * (1m - (0.06m * p)),

                // Inside the band when performance is positive; alternately above and below it.
                _ => l + ((period.Number % 2 == 0 ? 1m : -1m) * HalfBandIn(period.Year) * Math.Max(0m, 1m - (0.6m * p))),
            };
            if (measure.Unit.Kind == UnitKind.Percent)
            {
                value = Math.Clamp(value, 0m, 100m);
            }
            else if (measure.Unit.Kind is UnitKind.Count or UnitKind.Days or UnitKind.Rate)
            {
                value = Math.Max(0m, value);
            }

            return Round(value);
        }

        private decimal Round(decimal value) => Math.Round(value, measure.DecimalPlaces, MidpointRounding.AwayFromZero);
    }
}

/// <summary>What a load wrote and how long it took.</summary>
public sealed record LoadReport(int Scale, int Measures, long Outturns, int Assessments, TimeSpan FrameworkTime, TimeSpan TotalTime);
