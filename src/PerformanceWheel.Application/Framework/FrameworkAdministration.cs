using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// Creates, edits and retires the framework (measures and their targets, directorates, committees, rings, segments, projects).
/// Every change is checked in full before anything is saved, and audited as "Field: old → new".
/// </summary>
public sealed class FrameworkAdministration(PerformanceWheelDbContext db, TimeProvider clock)
{
    private const int AuditValueLength = 200;

    // ----- Reading -----

    public async Task<IReadOnlyList<Measure>> MeasuresAsync() =>
        await db.Measures.AsNoTracking().Include(m => m.Directorate).Include(m => m.Segment).OrderBy(m => m.Code).ToListAsync();

    public Task<Measure?> MeasureAsync(int id) => MeasuresWithEverything().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);

    public async Task<IReadOnlyList<Directorate>> DirectoratesAsync() =>
        await db.Directorates.AsNoTracking().OrderBy(d => d.Name).ToListAsync();

    public Task<Directorate?> DirectorateAsync(int id) => db.Directorates.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);

    public async Task<IReadOnlyList<Committee>> CommitteesAsync() =>
        await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync();

    public Task<Committee?> CommitteeAsync(int id) => db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);

    public async Task<IReadOnlyList<Plan>> PlansAsync() =>
        await db.Plans.AsNoTracking().Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees).OrderBy(p => p.FirstYear).ToListAsync();

    public Task<Plan?> PlanAsync(int id) => db.Plans.AsNoTracking().Include(p => p.Groups).FirstOrDefaultAsync(p => p.Id == id);

    public Task<SegmentGroup?> GroupAsync(int id) => db.SegmentGroups.AsNoTracking().Include(g => g.Plan).FirstOrDefaultAsync(g => g.Id == id);

    public async Task<IReadOnlyList<Segment>> SegmentsAsync() =>
        await db.Segments.AsNoTracking().Include(s => s.Group).OrderBy(s => s.Code).ToListAsync();

    public Task<Segment?> SegmentAsync(int id) => db.Segments.AsNoTracking().Include(s => s.Group).Include(s => s.Committees).FirstOrDefaultAsync(s => s.Id == id);

    public async Task<IReadOnlyList<Project>> ProjectsAsync() =>
        await db.Projects.AsNoTracking().Include(p => p.Segment).OrderBy(p => p.Code).ToListAsync();

    public Task<Project?> ProjectAsync(int id) => db.Projects.AsNoTracking().Include(p => p.Segment).FirstOrDefaultAsync(p => p.Id == id);

    /// <summary>The latest audit entries for one thing, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string entityType, string key, int take = 20) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityKey == key)
            .OrderByDescending(a => a.Id).Take(take).ToListAsync();

    // ----- Measures -----

    /// <summary>Creates a measure (when <paramref name="id"/> is null) or changes one. Nothing is saved unless every field is right.</summary>
    public async Task<ChangeResult> SaveMeasureAsync(int? id, MeasureDraft draft, string by)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Measure? measure = null;
        if (id is { } existingId)
        {
            measure = await MeasuresWithEverything().FirstOrDefaultAsync(m => m.Id == existingId);
            if (measure is null)
            {
                return ChangeResult.Failed("Code", $"There is no measure with the id {existingId}.");
            }
        }

        var before = measure is null ? null : Describe(measure);

        var code = Check(problems, "Code", () => Guard.Required(draft.Code, "Measure code", Lengths.Code));
        if (code is not null && measure is null && await db.Measures.AnyAsync(m => m.Code == code))
        {
            problems.Add(new("Code", $"A measure with the code {code} already exists."));
        }

        Check(problems, "Title", () => Guard.Required(draft.Title, "Measure title", Lengths.Title));
        Check(problems, "Description", () => Guard.Optional(draft.Description, "Description", Lengths.Text));
        Check(problems, "DataNotes", () => Guard.Optional(draft.DataNotes, "Data notes", Lengths.Text));
        if (!MeasureUnit.TryParse(draft.UnitText, out var unit))
        {
            problems.Add(new("UnitText", $"'{draft.UnitText}' is not a unit; use %, number, count, £, £m, days or per N (e.g. per 100,000)."));
        }

        if (draft.DecimalPlaces is < 0 or > Measure.MaxDecimalPlaces)
        {
            problems.Add(new("DecimalPlaces", $"Decimal places must be between 0 and {Measure.MaxDecimalPlaces}."));
        }

        CheckDefined(problems, "Polarity", draft.Polarity);
        CheckDefined(problems, "Frequency", draft.Frequency);
        CheckDefined(problems, "Aggregation", draft.Aggregation);
        var tolerance = Check(problems, "ToleranceValue", () => (Tolerance?)Tolerance.Create(draft.ToleranceType, draft.ToleranceValue));
        if (draft.SteadyThreshold < 0)
        {
            problems.Add(new("SteadyThreshold", "Steady threshold must be zero or more."));
        }

        var directorate = await db.Directorates.FirstOrDefaultAsync(d => d.Id == draft.DirectorateId);
        if (directorate is null)
        {
            problems.Add(new("DirectorateId", "Choose the directorate that owns the measure."));
        }

        Segment? segment = null;
        if (draft.SegmentId is { } segmentId && (segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == segmentId)) is null)
        {
            problems.Add(new("SegmentId", "Choose a segment from the list, or none."));
        }

        var committees = await CommitteesAsync(draft.CommitteeIds, problems);
        ReportingPeriod? discontinuedFrom = null;
        if (!string.IsNullOrWhiteSpace(draft.DiscontinuedFrom))
        {
            if (ReportingPeriod.TryParse(draft.DiscontinuedFrom, out var from))
            {
                discontinuedFrom = from;
            }
            else
            {
                problems.Add(new("DiscontinuedFrom", $"'{draft.DiscontinuedFrom}' is not a period; expected 2019/20 Q2, Sep-19 or 2019/20."));
            }
        }

        var benchmarks = ParseBenchmarks(draft.BenchmarksText, problems);
        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        try
        {
            measure ??= db.Measures.Add(new Measure(code!, draft.Title, directorate!, draft.Polarity, draft.Frequency, unit)).Entity;
            measure.Describe(draft.Title, draft.Description, draft.DataNotes);
            Apply(problems, "Polarity", () => measure.Classify(draft.Polarity, draft.Frequency, draft.Aggregation, unit, draft.DecimalPlaces));
            Apply(problems, "SteadyThreshold", () => measure.SetTolerance(tolerance!.Value, draft.SteadyThreshold));
            measure.AssignTo(directorate!, segment);
            measure.Discontinue(discontinuedFrom);
            foreach (var c in measure.Committees.Where(c => !committees.Contains(c)).ToList())
            {
                measure.UntagCommittee(c);
            }

            foreach (var c in committees)
            {
                measure.TagCommittee(c);
            }

            if (!BenchmarksText(measure.Benchmarks.Select(b => (b.Label, b.Value, b.Period))).Equals(BenchmarksText(benchmarks), StringComparison.Ordinal))
            {
                measure.ClearBenchmarks();
                foreach (var (label, value, period) in benchmarks)
                {
                    Apply(problems, "BenchmarksText", () => measure.AddBenchmark(label, value, period));
                }
            }
        }
        catch (DomainException e)
        {
            problems.Add(new("Code", e.Message));
        }

        if (problems.Count > 0 || measure is null)
        {
            return Abandon(problems);
        }

        var after = Describe(measure);
        var action = before is null ? "Created" : (before["Discontinued from"] == "–" && discontinuedFrom is not null ? "Retired" : "Updated");
        await SaveAuditedAsync(by, action, "Measure", measure.Code, before, after);
        return ChangeResult.Saved(measure.Id);
    }

    /// <summary>Sets a measure's target for a year, or for one period of it. Within range measures need a low and a high.</summary>
    public async Task<ChangeResult> SetTargetAsync(int measureId, TargetDraft draft, string by)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var measure = await db.Measures.Include(m => m.Targets).FirstOrDefaultAsync(m => m.Id == measureId);
        if (measure is null)
        {
            return ChangeResult.Failed("Year", $"There is no measure with the id {measureId}.");
        }

        var problems = new List<FieldProblem>();
        if (!FinancialYear.TryParse(draft.Year, out var year))
        {
            problems.Add(new("Year", $"'{draft.Year}' is not a financial year; expected a label such as 2019/20."));
        }

        ReportingPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(draft.Period))
        {
            if (!ReportingPeriod.TryParse(draft.Period, out var p))
            {
                problems.Add(new("Period", $"'{draft.Period}' is not a period; expected 2019/20 Q2 or Sep-19, or leave it empty for the whole year."));
            }
            else if (p.Kind == PeriodKind.Year)
            {
                problems.Add(new("Period", "Leave the period empty for the whole year's target."));
            }
            else if (problems.Count == 0 && p.Year != year)
            {
                problems.Add(new("Period", $"Period {p.Label} is not in financial year {year.Label}."));
            }
            else
            {
                period = p;
            }
        }

        if (measure.Polarity == Polarity.WithinRange)
        {
            if (draft.Low is null)
            {
                problems.Add(new("Low", "A Within range measure needs a target low."));
            }

            if (draft.High is null)
            {
                problems.Add(new("High", "A Within range measure needs a target high."));
            }

            CheckValue(problems, measure, "Low", draft.Low);
            CheckValue(problems, measure, "High", draft.High);
        }
        else
        {
            if (draft.Value is null)
            {
                problems.Add(new("Value", "Enter the target value."));
            }

            CheckValue(problems, measure, "Value", draft.Value);
        }

        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        var existing = measure.Targets.FirstOrDefault(t => t.Year == year && t.Period == period);
        var old = existing is null ? null : TargetText(existing);
        MeasureTarget? target = null;
        Apply(problems, measure.Polarity == Polarity.WithinRange ? "High" : "Value", () => target = measure.SetTarget(year, period, draft.Value, draft.Low, draft.High));
        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        var scope = period?.Label ?? year.Label;
        var changes = old is null ? $"Target {scope}: {TargetText(target!)}" : $"Target {scope}: {old} → {TargetText(target!)}";
        if (old != TargetText(target!))
        {
            db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), old is null ? "Created" : "Updated", "Measure target", measure.Code, changes));
        }

        await db.SaveChangesAsync();
        return ChangeResult.Saved(target!.Id);
    }

    public async Task<ChangeResult> RemoveTargetAsync(int measureId, int targetId, string by)
    {
        var measure = await db.Measures.Include(m => m.Targets).FirstOrDefaultAsync(m => m.Id == measureId);
        var target = measure?.Targets.FirstOrDefault(t => t.Id == targetId);
        if (measure is null || target is null)
        {
            return ChangeResult.Failed("Year", "That target no longer exists.");
        }

        measure.RemoveTarget(target);
        db.AuditEntries.Add(new AuditEntry(by, clock.GetUtcNow(), "Retired", "Measure target", measure.Code,
            $"Target {target.Period?.Label ?? target.Year.Label}: {TargetText(target)} → –"));
        await db.SaveChangesAsync();
        return ChangeResult.Saved(targetId);
    }

    // ----- Directorates and committees -----

    public async Task<ChangeResult> SaveDirectorateAsync(int? id, string name, bool retired, string by)
    {
        var problems = new List<FieldProblem>();
        var trimmed = Check(problems, "Name", () => Guard.Required(name, "Directorate name", Lengths.Name));
        Directorate? directorate = null;
        if (id is { } existingId && (directorate = await db.Directorates.FirstOrDefaultAsync(d => d.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Name", $"There is no directorate with the id {existingId}.");
        }

        if (trimmed is not null && (await db.Directorates.Where(d => d.Id != (id ?? 0)).Select(d => d.Name).ToListAsync())
                .Any(n => n.Equals(trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new("Name", $"There is already a directorate named {trimmed}."));
        }

        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        var before = directorate is null ? null : Describe(directorate);
        directorate ??= db.Directorates.Add(new Directorate(trimmed!)).Entity;
        directorate.Rename(trimmed!);
        if (retired)
        {
            directorate.Retire();
        }
        else
        {
            directorate.Reinstate();
        }

        await SaveAuditedAsync(by, ActionFor(before, retired), "Directorate", directorate.Name, before, Describe(directorate));
        return ChangeResult.Saved(directorate.Id);
    }

    public async Task<ChangeResult> SaveCommitteeAsync(int? id, string committeeCode, string name, bool retired, string by)
    {
        var problems = new List<FieldProblem>();
        Committee? committee = null;
        if (id is { } existingId && (committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Name", $"There is no committee with the id {existingId}.");
        }

        string? key = committee?.Code;
        if (committee is null)
        {
            key = Check(problems, "Code", () => Guard.Required(committeeCode, "Committee code", Lengths.Code));
            if (key is not null && await db.Committees.AnyAsync(c => c.Code == key))
            {
                problems.Add(new("Code", $"A committee with the code {key} already exists."));
            }
        }

        Check(problems, "Name", () => Guard.Required(name, "Committee name", Lengths.Name));
        if (committee is { IsRetired: true } && !retired)
        {
            problems.Add(new("IsRetired", "A retired committee cannot be brought back; create a new one."));
        }

        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        var before = committee is null ? null : Describe(committee);
        committee ??= db.Committees.Add(new Committee(key!, name)).Entity;
        committee.Rename(name);
        if (retired)
        {
            committee.Retire();
        }

        await SaveAuditedAsync(by, ActionFor(before, retired), "Committee", committee.Code, before, Describe(committee));
        return ChangeResult.Saved(committee.Id);
    }

    // ----- Plans -----

    /// <summary>
    /// Creates a plan (when <paramref name="id"/> is null) or changes one. A plan's years may not overlap another current
    /// plan's, so each financial year has one plan for its wheel; a retired plan keeps its rings and segments for history.
    /// </summary>
    public async Task<ChangeResult> SavePlanAsync(int? id, PlanDraft draft, string by)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Plan? plan = null;
        if (id is { } existingId && (plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Name", $"There is no plan with the id {existingId}.");
        }

        var others = await db.Plans.AsNoTracking().Where(p => p.Id != (id ?? 0)).ToListAsync();
        if (CheckPlan(draft, others, problems) is not (var name, var first, var last))
        {
            return Abandon(problems);
        }

        var before = plan is null ? null : Describe(plan);
        plan ??= db.Plans.Add(new Plan(name, first, last)).Entity;
        ApplyPlan(plan, name, first, last, draft.IsRetired);
        await SaveAuditedAsync(by, ActionFor(before, draft.IsRetired), "Plan", plan.Name, before, Describe(plan));
        return ChangeResult.Saved(plan.Id);
    }

    /// <summary>
    /// Checks a plan as the plan form does, against the other plans (the workbook's Plans sheet passes those of the
    /// database and of its earlier rows): the name, unique; the years, in order and not overlapping a current plan's.
    /// Answers null when there is a problem (added to <paramref name="problems"/>).
    /// </summary>
    internal static (string Name, FinancialYear First, FinancialYear Last)? CheckPlan(PlanDraft draft, IEnumerable<Plan> others, List<FieldProblem> problems)
    {
        var count = problems.Count;
        var name = Check(problems, "Name", () => Guard.Required(draft.Name, "Plan name", Lengths.Name));
        var otherPlans = others.ToList();
        if (name is not null && otherPlans.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new("Name", $"There is already a plan named {name}."));
        }

        var first = Year(problems, "FirstYear", "first", draft.FirstYear);
        var last = Year(problems, "LastYear", "last", draft.LastYear);
        if (first is { } f && last is { } l)
        {
            if (l < f)
            {
                problems.Add(new("LastYear", $"The last year ({l.Label}) is before the first ({f.Label})."));
            }
            else if (!draft.IsRetired && otherPlans.FirstOrDefault(p => !p.IsRetired && p.FirstYear <= l && p.LastYear >= f) is { } overlap)
            {
                problems.Add(new("FirstYear",
                    $"{overlap.Name} already covers {overlap.FirstYear.Label} to {overlap.LastYear.Label}; change its years or retire it first, so each year has one plan."));
            }
        }

        return problems.Count > count ? null : (name!, first!.Value, last!.Value);
    }

    /// <summary>Gives a checked plan its name, years and whether it is retired.</summary>
    internal static void ApplyPlan(Plan plan, string name, FinancialYear first, FinancialYear last, bool retired)
    {
        plan.Rename(name);
        plan.ChangeYears(first, last);
        if (retired)
        {
            plan.Retire();
        }
        else
        {
            plan.Reinstate();
        }
    }

    // ----- Rings (segment groups), segments and projects -----

    public async Task<ChangeResult> SaveGroupAsync(int? id, int planId, string name, int order, string by)
    {
        var problems = new List<FieldProblem>();
        var trimmed = Check(problems, "Name", () => Guard.Required(name, "Group name", Lengths.Name));
        SegmentGroup? group = null;
        Plan? plan;
        if (id is { } existingId)
        {
            group = await db.SegmentGroups.Include(g => g.Plan).ThenInclude(p => p.Groups).FirstOrDefaultAsync(g => g.Id == existingId);
            if (group is null)
            {
                return ChangeResult.Failed("Name", $"There is no ring with the id {existingId}.");
            }

            plan = group.Plan;
        }
        else
        {
            plan = await db.Plans.Include(p => p.Groups).FirstOrDefaultAsync(p => p.Id == planId);
        }

        CheckGroup(plan, group, trimmed, problems);

        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        var before = group is null ? null : Describe(group);
        if (group is null)
        {
            group = plan!.AddGroup(trimmed!, order);
        }
        else
        {
            group.Rename(trimmed!, order);
        }

        await SaveAuditedAsync(by, before is null ? "Created" : "Updated", "Segment group", group.Name, before, Describe(group));
        return ChangeResult.Saved(group.Id);
    }

    /// <summary>
    /// Checks a ring as the ring form does: a new one needs a current plan, and a plan's rings have different names
    /// (<paramref name="group"/> is the ring being changed, null for a new one).
    /// </summary>
    internal static void CheckGroup(Plan? plan, SegmentGroup? group, string? name, List<FieldProblem> problems)
    {
        if (group is null && plan is null)
        {
            problems.Add(new("PlanId", "Choose the plan the ring belongs to."));
        }
        else if (group is null && plan!.IsRetired)
        {
            problems.Add(new("PlanId", $"The plan {plan.Name} is retired; add the ring to the current plan."));
        }

        if (name is not null && plan is not null && plan.Groups.Any(g => !ReferenceEquals(g, group) && g.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new("Name", $"The plan already has a ring named {name}."));
        }
    }

    public async Task<ChangeResult> SaveSegmentAsync(int? id, SegmentDraft draft, string by)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Segment? segment = null;
        if (id is { } existingId)
        {
            segment = await db.Segments.Include(s => s.Group).Include(s => s.Committees).FirstOrDefaultAsync(s => s.Id == existingId);
            if (segment is null)
            {
                return ChangeResult.Failed("Title", $"There is no segment with the id {existingId}.");
            }
        }

        string? key = segment?.Code;
        SegmentGroup? group = segment?.Group;
        if (segment is null)
        {
            key = Check(problems, "Code", () => Guard.Required(draft.Code, "Segment code", Lengths.Code));
            if (key is not null && await db.Segments.AnyAsync(s => s.Code == key))
            {
                problems.Add(new("Code", $"A segment with the code {key} already exists."));
            }

            group = await db.SegmentGroups.Include(g => g.Plan).FirstOrDefaultAsync(g => g.Id == draft.GroupId);
            if (group is null)
            {
                problems.Add(new("GroupId", "Choose the ring the segment belongs to."));
            }
            else if (group.Plan.IsRetired)
            {
                problems.Add(new("GroupId", $"The ring {group.Name} is in the retired plan {group.Plan.Name}; choose a ring of the current plan."));
            }
        }

        Check(problems, "Title", () => Guard.Required(draft.Title, "Segment title", Lengths.Title));
        Check(problems, "Lead", () => Guard.Optional(draft.Lead, "Segment lead", Lengths.Name));
        var committees = await CommitteesAsync(draft.CommitteeIds, problems);
        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        var before = segment is null ? null : Describe(segment);
        segment ??= group!.AddSegment(key!, draft.Title, draft.Lead, draft.Order);
        segment.Edit(draft.Title, draft.Lead, draft.Order);
        foreach (var c in segment.Committees.Where(c => !committees.Contains(c)).ToList())
        {
            segment.UntagCommittee(c);
        }

        foreach (var c in committees)
        {
            segment.TagCommittee(c);
        }

        if (draft.IsRetired)
        {
            segment.Retire();
        }
        else
        {
            segment.Reinstate();
        }

        await SaveAuditedAsync(by, ActionFor(before, draft.IsRetired), "Segment", segment.Code, before, Describe(segment));
        return ChangeResult.Saved(segment.Id);
    }

    public async Task<ChangeResult> SaveProjectAsync(int? id, ProjectDraft draft, string by)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Project? project = null;
        if (id is { } existingId && (project = await db.Projects.Include(p => p.Segment).Include(p => p.Directorate).FirstOrDefaultAsync(p => p.Id == existingId)) is null)
        {
            return ChangeResult.Failed("Title", $"There is no project with the id {existingId}.");
        }

        var candidate = draft.Code?.Trim();
        var taken = project is null && !string.IsNullOrEmpty(candidate) && await db.Projects.AnyAsync(p => p.Code == candidate);
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == draft.SegmentId);
        var directorate = await db.Directorates.FirstOrDefaultAsync(d => d.Id == draft.DirectorateId);
        var key = CheckProject(project, draft, _ => taken, segment, directorate, problems);
        if (problems.Count > 0)
        {
            return Abandon(problems);
        }

        var before = project is null ? null : Describe(project);
        project ??= db.Projects.Add(new Project(key!, draft.Title, segment!)).Entity;
        ApplyProject(project, draft, segment!, directorate!);
        await SaveAuditedAsync(by, ActionFor(before, draft.IsRetired), "Project", project.Code, before, Describe(project));
        return ChangeResult.Saved(project.Id);
    }

    /// <summary>
    /// Checks a project as the project form does (a new one's code, not taken; the title; the segment and the reporting
    /// directorate, found by the caller; a retired project stays retired) and answers its code.
    /// </summary>
    internal static string? CheckProject(Project? project, ProjectDraft draft, Func<string, bool> codeTaken, Segment? segment, Directorate? directorate, List<FieldProblem> problems)
    {
        var key = project?.Code;
        if (project is null)
        {
            key = Check(problems, "Code", () => Guard.Required(draft.Code, "Project code", Lengths.Code));
            if (key is not null && codeTaken(key))
            {
                problems.Add(new("Code", $"A project with the code {key} already exists."));
            }
        }

        Check(problems, "Title", () => Guard.Required(draft.Title, "Project title", Lengths.Title));
        if (segment is null)
        {
            problems.Add(new("SegmentId", "Choose the segment the project belongs to."));
        }

        if (directorate is null)
        {
            problems.Add(new("DirectorateId", "Choose the directorate that reports the project."));
        }

        if (project is { IsRetired: true } && !draft.IsRetired)
        {
            problems.Add(new("IsRetired", "A retired project cannot be brought back; create a new one."));
        }

        return key;
    }

    /// <summary>Gives a checked project its title, segment and directorate, and retires it when asked.</summary>
    internal static void ApplyProject(Project project, ProjectDraft draft, Segment segment, Directorate directorate)
    {
        project.Edit(draft.Title, segment);
        project.AssignTo(directorate);
        if (draft.IsRetired)
        {
            project.Retire();
        }
    }

    // ----- Helpers -----

    /// <summary>Reads benchmark lines "Label | value | period", e.g. "National average | 89.7 | 2018/19".</summary>
    public static IReadOnlyList<(string Label, decimal Value, string? Period)> ParseBenchmarks(string? text, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var result = new List<(string, decimal, string?)>();
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0
                || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add(new("BenchmarksText", $"'{line}' is not a benchmark; write one per line as: label | value | period (the period is optional)."));
                continue;
            }

            if (parts[0].Length > Lengths.Name || (parts.Length == 3 && parts[2].Length > Lengths.Label))
            {
                problems.Add(new("BenchmarksText", $"'{line}' is too long: labels are at most {Lengths.Name} characters and periods at most {Lengths.Label}."));
                continue;
            }

            result.Add((parts[0], value, parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null));
        }

        return result;
    }

    /// <summary>Benchmarks as the form shows them, one per line.</summary>
    public static string BenchmarksText(IEnumerable<(string Label, decimal Value, string? Period)> benchmarks) =>
        string.Join("\n", benchmarks.Select(b => b.Period is null
            ? $"{b.Label} | {Number(b.Value)}"
            : $"{b.Label} | {Number(b.Value)} | {b.Period}"));

    public static string TargetText(MeasureTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Low is { } low && target.High is { } high
            ? $"{Number(low)}–{Number(high)}"
            : target.Value is { } value ? Number(value) : "–";
    }

    private IQueryable<Measure> MeasuresWithEverything() =>
        db.Measures.Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Committees)
            .Include(m => m.Benchmarks).Include(m => m.Targets).AsSplitQuery();

    private async Task<List<Committee>> CommitteesAsync(IReadOnlyCollection<int> ids, List<FieldProblem> problems)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        var found = await db.Committees.Where(c => wanted.Contains(c.Id)).ToListAsync();
        if (found.Count != wanted.Count)
        {
            problems.Add(new("CommitteeIds", "One of the committees chosen no longer exists."));
        }

        return found;
    }

    private ChangeResult Abandon(List<FieldProblem> problems)
    {
        // Whatever was changed in memory is forgotten, so nothing of a refused change can be saved later in the request.
        db.ChangeTracker.Clear();
        return ChangeResult.Failed(problems);
    }

    private async Task SaveAuditedAsync(string by, string action, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        if (Audit(by, clock.GetUtcNow(), action, entityType, key, before, after) is { } entry)
        {
            db.AuditEntries.Add(entry);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>What changed between two descriptions, as "Field: old → new" joined by "; " (a new thing: every field it has).</summary>
    internal static string ChangesText(Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        var changes = before is null
            ? after.Where(kv => kv.Value != "–").Select(kv => $"{kv.Key}: {kv.Value}")
            : after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key}: {before.GetValueOrDefault(kv.Key, "–")} → {kv.Value}");
        return string.Join("; ", changes);
    }

    /// <summary>The audit entry for a change (null when nothing changed), in the form every framework change is recorded.</summary>
    internal static AuditEntry? Audit(string by, DateTimeOffset at, string action, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        var text = ChangesText(before, after);
        return before is null || text.Length > 0
            ? new AuditEntry(by, at, action, entityType, Shorten(key, Lengths.Label), text.Length == 0 ? null : Shorten(text, Lengths.Text))
            : null;
    }

    internal static string ActionFor(Dictionary<string, string>? before, bool retiredNow) =>
        before is null ? "Created" : retiredNow && before["Retired"] == "No" ? "Retired" : "Updated";

    internal static Dictionary<string, string> Describe(Measure m) => new()
    {
        ["Code"] = m.Code,
        ["Title"] = Value(m.Title),
        ["Description"] = Value(m.Description),
        ["Data notes"] = Value(m.DataNotes),
        ["Unit"] = m.Unit.Label,
        ["Decimal places"] = m.DecimalPlaces.ToString(CultureInfo.InvariantCulture),
        ["Polarity"] = m.Polarity.ToString(),
        ["Frequency"] = m.Frequency.ToString(),
        ["Aggregation"] = m.Aggregation.ToString(),
        ["Tolerance"] = m.ToleranceType == ToleranceType.Percent ? Number(m.ToleranceValue) + "%" : "±" + Number(m.ToleranceValue),
        ["Steady threshold"] = Number(m.SteadyThreshold),
        ["Directorate"] = m.Directorate.Name,
        ["Segment"] = m.Segment?.Code ?? "–",
        ["Committees"] = Value(string.Join(", ", m.Committees.Select(c => c.Code).Order(StringComparer.Ordinal))),
        ["Benchmarks"] = Value(BenchmarksText(m.Benchmarks.Select(b => (b.Label, b.Value, b.Period))).Replace("\n", " / ", StringComparison.Ordinal)),
        ["Discontinued from"] = m.DiscontinuedFrom?.Label ?? "–",
    };

    internal static Dictionary<string, string> Describe(Directorate d) => new() { ["Name"] = d.Name, ["Retired"] = YesNo(d.IsRetired) };

    internal static Dictionary<string, string> Describe(Committee c) => new() { ["Code"] = c.Code, ["Name"] = c.Name, ["Retired"] = YesNo(c.IsRetired) };

    internal static Dictionary<string, string> Describe(Plan p) => new()
    {
        ["Name"] = p.Name,
        ["First year"] = p.FirstYear.Label,
        ["Last year"] = p.LastYear.Label,
        ["Retired"] = YesNo(p.IsRetired),
    };

    internal static Dictionary<string, string> Describe(SegmentGroup g) => new() { ["Name"] = g.Name, ["Order"] = g.Order.ToString(CultureInfo.InvariantCulture) };

    internal static Dictionary<string, string> Describe(Segment s) => new()
    {
        ["Code"] = s.Code,
        ["Title"] = Value(s.Title),
        ["Lead"] = Value(s.Lead),
        ["Order"] = s.Order.ToString(CultureInfo.InvariantCulture),
        ["Committees"] = Value(string.Join(", ", s.Committees.Select(c => c.Code).Order(StringComparer.Ordinal))),
        ["Retired"] = YesNo(s.IsRetired),
    };

    internal static Dictionary<string, string> Describe(Project p) => new()
    {
        ["Code"] = p.Code,
        ["Title"] = Value(p.Title),
        ["Segment"] = p.Segment.Code,
        ["Directorate"] = p.Directorate?.Name ?? "–",
        ["Retired"] = YesNo(p.IsRetired),
    };

    /// <summary>A number without trailing zeros, so 2 and 2.0 (as a database may return it) read the same.</summary>
    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string Value(string? text) => string.IsNullOrEmpty(text) ? "–" : Shorten(text, AuditValueLength);

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static FinancialYear? Year(List<FieldProblem> problems, string field, string which, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, $"Enter the plan's {which} financial year, e.g. 2022/23."));
            return null;
        }

        if (!FinancialYear.TryParse(text.Trim(), out var year))
        {
            problems.Add(new(field, $"'{text.Trim()}' is not a financial year; expected a label such as 2022/23."));
            return null;
        }

        return year;
    }

    private static void CheckValue(List<FieldProblem> problems, Measure measure, string field, decimal? value)
    {
        if (value is { } v && measure.ValidateValue(v) is { } problem)
        {
            problems.Add(new(field, problem));
        }
    }

    private static void CheckDefined<T>(List<FieldProblem> problems, string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(new(field, $"Choose a {field.ToLowerInvariant()} from the list."));
        }
    }

    private static T? Check<T>(List<FieldProblem> problems, string field, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (DomainException e)
        {
            problems.Add(new(field, e.Message));
            return default;
        }
    }

    private static void Apply(List<FieldProblem> problems, string field, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException e)
        {
            problems.Add(new(field, e.Message));
        }
    }
}
