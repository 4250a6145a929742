using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Data.Demo;

/// <summary>The generated part of the demo council: measures, their quarterly figures and the directorates they go to.</summary>
public sealed partial class DemoCouncilLoader
{
    private sealed partial class Builder
    {
        /// <summary>
        /// Adds generated measures so that every segment has at least three and every directorate some, with quarterly
        /// values across the plan's years. Where the seed gives a segment's judged rating, the generated measures are
        /// steered so the suggested rating agrees, except where the report says the judgement overrode the indicators.
        /// </summary>
        private void GenerateFor(Plan plan, List<(Segment Segment, DemoSegment Source)> segments)
        {
            // History from two years before the plan (not before 2016/17) up to the plan's end or the demo's latest quarter.
            var latest = ReportingPeriod.Parse(LatestQuarter);
            var lastQuarter = ReportingPeriod.ForQuarter(plan.LastYear, 4) < latest ? ReportingPeriod.ForQuarter(plan.LastYear, 4) : latest;
            var firstYear = plan.FirstYear.Previous.Previous < new FinancialYear(2016) ? new FinancialYear(2016) : plan.FirstYear.Previous.Previous;
            var firstQuarter = ReportingPeriod.ForQuarter(firstYear < plan.FirstYear ? firstYear : plan.FirstYear, 1);
            var discontinuedFrom = lastQuarter < latest ? lastQuarter.Next : (ReportingPeriod?)null;
            var quarters = new List<ReportingPeriod>();
            for (var q = firstQuarter; q <= lastQuarter; q = q.Next)
            {
                quarters.Add(q);
            }

            var directorateCycle = 0;
            foreach (var (segment, source) in segments)
            {
                var steer = (source.Assessments ?? [])
                    .Where(a => a.JudgedRag is not null)
                    .ToDictionary(a => ReportingPeriod.Parse(a.Period), a => SteerTowards(segment.Code, a));
                var generated = new List<Measure>();
                while (Measures.Values.Count(m => m.Segment == segment) < 3 || !Agrees(segment, steer))
                {
                    if (generated.Count >= 8)
                    {
                        throw new InvalidOperationException($"Could not steer segment {segment.Code} to its published rating.");
                    }

                    var directorate = DirectorateFor(segment, directorateCycle++);
                    generated.Add(Generate(segment, directorate, quarters, steer, discontinuedFrom));
                }
            }
        }

        private static RagStatus SteerTowards(string segmentCode, DemoAssessment a) =>
            IndicatorsDifferFromJudgement.TryGetValue((segmentCode, a.Period), out var indicators) ? indicators : Rag(a.JudgedRag!);

        private bool Agrees(Segment segment, Dictionary<ReportingPeriod, RagStatus> steer) =>
            steer.All(s => Suggested(segment, s.Key) == s.Value);

        private RagStatus? Suggested(Segment segment, ReportingPeriod quarter) =>
            SegmentRating.Suggest(Measures.Values
                .Where(m => m.Segment == segment)
                .Select(m => MeasureEvaluator.Evaluate(m, _series.GetValueOrDefault(m) ?? [], quarter).Rating.Status));

        /// <summary>Each project is reported by the directorate with most measures in its segment (the first directorate if none).</summary>
        public void AssignProjectDirectorates()
        {
            foreach (var project in Projects)
            {
                var owner = Measures.Values.Where(m => m.Segment == project.Segment)
                    .GroupBy(m => m.Directorate).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
                    .Select(g => g.Key).FirstOrDefault() ?? Directorates.Values.OrderBy(d => d.Name, StringComparer.Ordinal).First();
                project.AssignTo(owner);
            }
        }

        private Directorate DirectorateFor(Segment segment, int cycle)
        {
            string[] keywords = segment.Committees.Select(c => c.Code).FirstOrDefault() switch
            {
                "C&F" => ["Children"],
                "A&H" => ["Adult", "Public Health"],
                "P" => ["Community", "Climate", "Resources", "Strategy"],
                _ => ["Strategy", "Resources", "Community", "Climate", "Adult", "Children", "Public Health"],
            };

            // Prefer a directorate that has no measures yet, so every directorate gets a scorecard.
            var empty = Directorates.Values.FirstOrDefault(d => !Measures.Values.Any(m => m.Directorate == d) && TemplateKey(d) is not null);
            if (empty is not null && cycle % 2 == 1)
            {
                return empty;
            }

            var keyword = keywords[cycle % keywords.Length];
            return Directorates.Values.FirstOrDefault(d => d.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                ?? Directorates.Values.First();
        }

        /// <summary>A title no other measure has: the template's, else with the segment's title, else with the code too.</summary>
        private string DistinctTitle(string title, Segment segment, string code)
        {
            var taken = Measures.Values.Select(m => m.Title).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new[] { title, $"{title} ({segment.Title})", $"{title} ({segment.Title}, {code})" }.First(t => !taken.Contains(t) || t.EndsWith($"{code})", StringComparison.Ordinal));
        }

        private static string? TemplateKey(Directorate d) =>
            GeneratedMeasureTemplates.ByDirectorate.Keys.FirstOrDefault(k => d.Name.Contains(k, StringComparison.OrdinalIgnoreCase));

        private Measure Generate(Segment segment, Directorate directorate, List<ReportingPeriod> quarters, Dictionary<ReportingPeriod, RagStatus> steer, ReportingPeriod? discontinuedFrom)
        {
            var key = TemplateKey(directorate) ?? GeneratedMeasureTemplates.ByDirectorate.Keys.First();
            var pool = GeneratedMeasureTemplates.ByDirectorate[key];
            var use = _templateUse.GetValueOrDefault(key);
            _templateUse[key] = use + 1;
            var template = pool[use % pool.Length];
            var code = NextCode(segment.Code);
            var title = DistinctTitle(template.Title, segment, code);

            var measure = new Measure(code, title, directorate, template.Polarity, Frequency.Quarterly, MeasureUnit.Parse(template.Unit));
            measure.Describe(title, template.Description, "Illustrative figures made up for the demo council, not from a published report.");
            measure.Classify(template.Polarity, Frequency.Quarterly, Aggregation.Snapshot, measure.Unit, template.Decimals);
            measure.SetTolerance(GeneratedMeasureTemplates.Tolerance, 0m);
            measure.AssignTo(directorate, segment);
            measure.Discontinue(discontinuedFrom);
            foreach (var committee in segment.Committees)
            {
                measure.TagCommittee(committee);
            }

            // Climate & Place set no targets for the new council's first year (seed 001: "KPIs without targets yet").
            var noTargetsFrom = key == "Climate" ? new FinancialYear(2019) : new FinancialYear(2100);
            foreach (var year in quarters.Select(q => q.Year).Distinct().Where(y => y < noTargetsFrom))
            {
                measure.SetTarget(year, null, template.High is null ? template.Target : null, template.High is null ? null : template.Target, template.High);
            }

            Register(measure);
            GeneratedCount++;

            var status = RagStatus.Green;
            foreach (var quarter in quarters)
            {
                status = steer.TryGetValue(quarter, out var steered) ? steered : NextStatus(status);
                var value = ValueFor(template, status);
                AddOutturn(measure, quarter, value, null, false, null);
            }

            return measure;
        }

        private string NextCode(string segmentCode)
        {
            var n = 1;
            while (Measures.ContainsKey($"{segmentCode}-{n:00}"))
            {
                n++;
            }

            return $"{segmentCode}-{n:00}";
        }

        private RagStatus NextStatus(RagStatus previous)
        {
            if (_random.NextDouble() < 0.6)
            {
                return previous;
            }

            var roll = _random.NextDouble();
            return roll < 0.55 ? RagStatus.Green : roll < 0.85 ? RagStatus.Amber : RagStatus.Red;
        }

        /// <summary>A value that rates as the given status against the template's target and a 5% tolerance.</summary>
        private decimal ValueFor(MeasureTemplate t, RagStatus status)
        {
            var u = (decimal)_random.NextDouble();
            var target = t.Polarity == Polarity.WithinRange ? t.High!.Value : t.Target;
            var tolerance = target * 0.05m;
            var offset = status switch
            {
                RagStatus.Green => -(0.05m + (0.9m * u)) * tolerance * 1.5m,
                RagStatus.Amber => (0.2m + (0.6m * u)) * tolerance,
                _ => (1.5m + (2m * u)) * tolerance,
            };

            var value = t.Polarity switch
            {
                Polarity.HigherIsBetter => t.Target - offset,
                Polarity.LowerIsBetter => t.Target + offset,
                _ => status == RagStatus.Green ? t.Target + ((t.High!.Value - t.Target) * (0.1m + (0.8m * u))) : t.High!.Value + offset,
            };

            if (t.Unit == "%")
            {
                value = Math.Clamp(value, 0m, 100m);
            }

            return Math.Round(Math.Max(0m, value), t.Decimals, MidpointRounding.AwayFromZero);
        }
    }
}
