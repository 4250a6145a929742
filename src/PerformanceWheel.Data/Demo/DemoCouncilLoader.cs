using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Data.Demo;

/// <summary>
/// Loads "Demo County Council" into an empty database: the seed reports (demo-council.json, see docs/demo-data.md)
/// plus deterministic generated measures so every directorate and segment has a real scorecard.
/// </summary>
public sealed partial class DemoCouncilLoader(PerformanceWheelDbContext db)
{
    public const string LoadedBy = "demo-loader";
    private const string ResourceName = "PerformanceWheel.Data.Demo.demo-council.json";
    /// <summary>The newest quarter in the demo (seed 002 is the Q2 2019/20 report).</summary>
    public const string LatestQuarter = "2019/20 Q2";

    /// <summary>
    /// Where the report judged a segment against the run of its indicators, what the indicators said: seed 000 §4.2,
    /// "C4 ... the majority of indicators ... are green or amber but ... the C4 segment has been judged as Red".
    /// </summary>
    private static readonly Dictionary<(string Segment, string Period), RagStatus> IndicatorsDifferFromJudgement = new()
    {
        [("C4", "2017/18 Q2")] = RagStatus.Green,
    };

    private static readonly DateTimeOffset LoadedAt = new(2019, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The ratings the seed reports printed, by measure code, for the test that checks our rules reproduce them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DemoPublished>> PublishedRatings() =>
        ReadFile().Measures.ToDictionary(m => m.Code, m => (IReadOnlyList<DemoPublished>)(m.Published ?? []));

    /// <summary>
    /// Whether the rows of the tables added after the hand-written migrations are loaded: the covering-report template,
    /// the Cabinet's covering report for 2019/20 Q2 and the directorates' key issues (off only for a schema older than them).
    /// </summary>
    public bool WithLaterTables { get; init; } = true;

    /// <summary>Loads the demo council. Throws if the database already holds a council.</summary>
    public async Task<string> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (await db.CouncilSettings.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds a council; the demo council is only loaded into an empty database.");
        }

        var file = ReadFile();
        var build = new Builder(file);
        build.Run();

        db.CouncilSettings.Add(build.Settings);
        db.Committees.AddRange(build.Committees.Values);
        db.Directorates.AddRange(build.Directorates.Values);
        db.Plans.AddRange(build.Plans);
        db.Measures.AddRange(build.Measures.Values);
        db.Outturns.AddRange(build.Outturns);
        db.SegmentAssessments.AddRange(build.Assessments);
        db.CriticalItems.AddRange(build.CriticalItems);
        build.AssignProjectDirectorates();
        db.Projects.AddRange(build.Projects);
        db.BudgetLines.AddRange(build.BudgetLines);
        db.BudgetPositions.AddRange(build.BudgetPositions);
        if (WithLaterTables)
        {
            db.DirectorateKeyIssues.AddRange(KeyIssuesOf(build.Directorates));
            var covering = DemoCoveringReport.Template();
            db.Add(covering);
            db.Add(DemoCoveringReport.CabinetReport(covering, LoadedBy));
        }
        // The demo's history is published: each of its quarters counts as published as a whole.
        db.QuarterPublications.AddRange(build.Outturns.Where(o => o.Period.Kind != PeriodKind.Year).Select(o => o.Period.Quarter).Distinct()
            .Select(q => new QuarterPublication(q, LoadedBy, LoadedAt)));
        await db.SaveChangesAsync(cancellationToken);

        return $"{build.Measures.Count} measures ({build.GeneratedCount} generated), {build.Outturns.Count} outturns, " +
               $"{build.Plans.Sum(p => p.Groups.Sum(g => g.Segments.Count))} segments, {build.Projects.Count} projects";
    }

    private static DemoCouncilFile ReadFile()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<DemoCouncilFile>(stream, Json)
            ?? throw new InvalidOperationException("demo-council.json is empty.");
    }

    /// <summary>Builds the entity graph in memory.</summary>
    private sealed partial class Builder(DemoCouncilFile file)
    {
        // Fixed seed: the generated part of the demo is the same on every machine and every run.
        private readonly Random _random = new(20171205);
        private readonly Dictionary<Measure, Dictionary<ReportingPeriod, Outturn>> _series = [];
        private readonly Dictionary<string, int> _templateUse = [];

        public CouncilSettings Settings { get; private set; } = null!;

        public Dictionary<string, Committee> Committees { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Directorate> Directorates { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<Plan> Plans { get; } = [];

        public Dictionary<string, Segment> Segments { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Measure> Measures { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<Outturn> Outturns { get; } = [];

        public List<SegmentAssessment> Assessments { get; } = [];

        public List<CriticalItem> CriticalItems { get; } = [];

        public List<Project> Projects { get; } = [];

        public List<BudgetLine> BudgetLines { get; } = [];

        public List<BudgetPosition> BudgetPositions { get; } = [];

        public int GeneratedCount { get; private set; }

        public void Run()
        {
            Settings = new CouncilSettings(file.Council.Name);

            // The demo is for showing: its published figures can be read without signing in (off for a new council).
            Settings.ChangeReading(allowAnonymousReading: true, overdueDaysAfterPeriodEnd: 30);
            foreach (var c in file.Committees)
            {
                Committees[c.Code] = new Committee(c.Code, c.Name);
            }

            foreach (var d in file.Directorates)
            {
                Directorates[d.Name] = new Directorate(d.Name);
            }

            var planSegments = new Dictionary<Plan, List<(Segment Segment, DemoSegment Source)>>();
            foreach (var p in file.Plans)
            {
                var plan = new Plan(p.Name, FinancialYear.Parse(p.FirstYear), FinancialYear.Parse(p.LastYear));
                Plans.Add(plan);
                planSegments[plan] = [];
                foreach (var g in p.Groups.OrderBy(g => g.Order))
                {
                    var group = plan.AddGroup(g.Name, g.Order);
                    var order = 0;
                    foreach (var s in g.Segments)
                    {
                        var segment = group.AddSegment(s.Code, s.Title, s.Lead, ++order);
                        foreach (var code in s.Committees ?? [])
                        {
                            segment.TagCommittee(Committee(code));
                        }

                        Segments[s.Code] = segment;
                        planSegments[plan].Add((segment, s));
                    }
                }
            }

            foreach (var m in file.Measures)
            {
                AddSeedMeasure(m);
            }

            // Measures of a plan that ended before the demo's latest quarter stop with it (they show Blue for a year).
            var latest = ReportingPeriod.Parse(LatestQuarter);
            foreach (var measure in Measures.Values.Where(m => m.DiscontinuedFrom is null && m.Segment is not null))
            {
                var plan = Plans.First(p => p.Groups.Any(g => g.Segments.Contains(measure.Segment!)));
                if (ReportingPeriod.ForQuarter(plan.LastYear, 4) < latest)
                {
                    measure.Discontinue(ReportingPeriod.ForQuarter(plan.LastYear.Next, 1));
                }
            }

            foreach (var (plan, segments) in planSegments)
            {
                GenerateFor(plan, segments);
            }

            foreach (var (segmentCode, periodLabel, source) in planSegments.Values.SelectMany(l => l)
                         .SelectMany(s => (s.Source.Assessments ?? []).Select(a => (s.Segment.Code, a.Period, a))))
            {
                AddAssessment(Segments[segmentCode], ReportingPeriod.Parse(periodLabel), source);
            }

            foreach (var c in file.CriticalItems ?? [])
            {
                CriticalItems.Add(new CriticalItem(Measure(c.Measure), ReportingPeriod.Parse(c.Period), c.Issue, c.RemedialAction, c.Owner));
            }

            foreach (var p in file.Projects ?? [])
            {
                var project = new Project(p.Code, p.Title, Segment(p.Segment));
                foreach (var u in p.Updates)
                {
                    project.Report(ReportingPeriod.Parse(u.Period), Rag(u.Brag), Enum.Parse<ProjectDirection>(u.Direction, ignoreCase: true), u.WorkingWell, u.Concerns, u.NextFocus)
                        .PublishHistorical(LoadedBy, LoadedAt);
                }

                Projects.Add(project);
            }

            foreach (var b in file.Finance ?? [])
            {
                BudgetLines.Add(new BudgetLine(b.ServiceArea, ReportingPeriod.Parse(b.Period), b.ApprovedBudget, b.ForecastOutturn));
            }

            foreach (var b in file.OverallPosition ?? [])
            {
                BudgetPositions.Add(new BudgetPosition(ReportingPeriod.Parse(b.Period), b.VarianceMillions, b.Rag is null ? null : Rag(b.Rag), null));
            }
        }

        private void AddSeedMeasure(DemoMeasure m)
        {
            var measure = new Measure(m.Code, m.Title, Directorate(m.Directorate), Enum.Parse<Polarity>(m.Polarity, true), Enum.Parse<Frequency>(m.Frequency, true), MeasureUnit.Parse(m.Unit));
            measure.Describe(m.Title, m.Description, m.DataNotes);
            measure.Classify(measure.Polarity, measure.Frequency, m.Aggregation is null ? Aggregation.Snapshot : Enum.Parse<Aggregation>(m.Aggregation, true), measure.Unit, m.DecimalPlaces ?? measure.DecimalPlaces);
            measure.SetTolerance(Tolerance.Create(m.ToleranceType is null ? ToleranceType.Percent : Enum.Parse<ToleranceType>(m.ToleranceType, true), m.Tolerance ?? 0m), m.SteadyThreshold ?? 0m);
            measure.AssignTo(measure.Directorate, m.Segment is null ? null : Segment(m.Segment));
            measure.Discontinue(m.DiscontinuedFrom is null ? null : ReportingPeriod.Parse(m.DiscontinuedFrom));
            foreach (var code in m.Committees ?? [])
            {
                measure.TagCommittee(Committee(code));
            }

            foreach (var b in m.Benchmarks ?? [])
            {
                measure.AddBenchmark(b.Label, b.Value, b.Period);
            }

            foreach (var t in m.Targets ?? [])
            {
                measure.SetTarget(FinancialYear.Parse(t.Year), t.Period is null ? null : ReportingPeriod.Parse(t.Period), t.Value, t.Low, t.High);
            }

            Register(measure);
            foreach (var o in m.Outturns ?? [])
            {
                AddOutturn(measure, ReportingPeriod.Parse(o.Period), o.Value, ParseStatus(o.Status), o.Provisional ?? false, o.Commentary);
            }
        }

        private void AddAssessment(Segment segment, ReportingPeriod period, DemoAssessment source)
        {
            var assessment = new SegmentAssessment(segment, period);
            assessment.Suggest(Suggested(segment, period));
            assessment.Judge(source.JudgedRag is null ? null : Rag(source.JudgedRag), source.Rationale,
                source.Direction is null ? null : Enum.Parse<Direction>(source.Direction, true), LoadedBy, LoadedAt);
            Assessments.Add(assessment);
        }

        private void Register(Measure measure)
        {
            if (!Measures.TryAdd(measure.Code, measure))
            {
                throw new InvalidOperationException($"Measure code {measure.Code} appears twice in the demo data.");
            }

            _series[measure] = [];
        }

        private void AddOutturn(Measure measure, ReportingPeriod period, decimal? value, OutturnStatus? status, bool provisional, string? commentary)
        {
            var outturn = measure.NewOutturn(period);
            outturn.Record(value, value is null ? status ?? OutturnStatus.NotAvailable : null, provisional, commentary, LoadedBy, LoadedAt);
            outturn.PublishHistorical(LoadedBy, LoadedAt);
            if (!_series[measure].TryAdd(period, outturn))
            {
                throw new InvalidOperationException($"Measure {measure.Code} has two outturns for {period.Label} in the demo data.");
            }

            Outturns.Add(outturn);
        }

        private Committee Committee(string code) =>
            Committees.TryGetValue(code, out var c) ? c : throw new InvalidOperationException($"Unknown committee '{code}' in the demo data.");

        private Directorate Directorate(string name) =>
            Directorates.TryGetValue(name, out var d) ? d : throw new InvalidOperationException($"Unknown directorate '{name}' in the demo data.");

        private Segment Segment(string code) =>
            Segments.TryGetValue(code, out var s) ? s : throw new InvalidOperationException($"Unknown segment '{code}' in the demo data.");

        private Measure Measure(string code) =>
            Measures.TryGetValue(code, out var m) ? m : throw new InvalidOperationException($"Unknown measure '{code}' in the demo data.");

        private static RagStatus Rag(string text) =>
            RagStatusExtensions.TryParseLetterOrName(text, out var s) ? s : throw new InvalidOperationException($"'{text}' is not a rating.");

        private static OutturnStatus? ParseStatus(string? text) =>
            OutturnStatusText.TryParse(text, out var status) ? status : throw new InvalidOperationException(OutturnStatusText.NotAStatus(text!));
    }
}
