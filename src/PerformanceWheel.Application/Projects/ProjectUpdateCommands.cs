using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Projects;

/// <summary>
/// The one path by which project updates change, used alike by the entry page, the API and the workbook import:
/// officers (and a Director of the project's directorate) enter a quarter's update and submit the directorate's
/// updates; a Director of that directorate or an officer approves them or returns them with a reason; they are
/// published with the quarter's figures (<see cref="ProjectUpdatePublication"/>). Each input is checked field by field
/// before anything is saved, and every change leaves an audit entry.
/// </summary>
public sealed class ProjectUpdateCommands(PerformanceWheelDbContext db, TimeProvider clock)
{
    /// <summary>The audit entity type of one update ("PRJ-1 2019/20 Q2").</summary>
    public const string EntityType = "Project update";

    /// <summary>The audit entity type of a directorate's updates for a quarter (submitted, approved, returned).</summary>
    public const string StepEntityType = "Directorate projects";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMM yyyy"];

    /// <summary>Saves one update; nothing is saved when a field is wrong.</summary>
    public async Task<ProjectUpdateResult> SaveAsync(WorkflowUser user, ProjectUpdateInput input, CancellationToken cancellationToken = default) =>
        (await SaveManyAsync(user, [input], cancellationToken))[0];

    /// <summary>
    /// Saves several updates together (the workbook import): every input is checked first, and when any has a problem
    /// nothing at all is saved. The results are in the order of the inputs.
    /// </summary>
    public async Task<IReadOnlyList<ProjectUpdateResult>> SaveManyAsync(WorkflowUser user, IReadOnlyList<ProjectUpdateInput> inputs, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareManyAsync(user, inputs, ImportedAs.Entered, cancellationToken);
        var results = prepared.Select(p => p.Result).ToList();
        if (results.Any(r => !r.Succeeded))
        {
            return results;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return inputs.Select(_ => ProjectUpdateResult.Failed(ProjectUpdateProblem.Conflict, "Version",
                "Someone else saved this update at the same moment. Reload to see theirs; your entry was not saved.")).ToList();
        }

        return results;
    }

    /// <summary>
    /// Where updates come from: the entry page and the API (<see cref="Entered"/>), or a workbook, as drafts or published
    /// at once (an Admin's historical import). An imported update already as given is left alone, whatever its state.
    /// </summary>
    internal enum ImportedAs
    {
        Entered = 1,
        Draft = 2,
        Published = 3,
    }

    /// <summary>
    /// Checks every input and, when none has a problem, makes the changes in the context with their audit entries
    /// without saving (the workbook import saves them with the rest of the workbook, in one transaction). Each result
    /// comes with what was done ("Created", "Updated", or null when the update was already as given: then a submitted,
    /// approved or published update is no problem). A project added to the context but not saved yet (the workbook's
    /// Projects sheet) is found too.
    /// </summary>
    internal async Task<IReadOnlyList<(ProjectUpdateResult Result, string? Action, string Detail)>> PrepareManyAsync(
        WorkflowUser user, IReadOnlyList<ProjectUpdateInput> inputs, ImportedAs how, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(inputs);
        var plans = new List<Plan?>();
        var results = new List<ProjectUpdateResult>();
        foreach (var input in inputs)
        {
            var (plan, failure) = await PrepareAsync(user, input, how, cancellationToken);
            plans.Add(plan);
            results.Add(failure ?? ProjectUpdateResult.Done(plan is null ? 0 : 1));
        }

        if (results.Any(r => !r.Succeeded))
        {
            return results.Select(r => (r, (string?)null, string.Empty)).ToList();
        }

        var at = clock.GetUtcNow();
        return plans.Select((plan, i) =>
        {
            if (plan is null)
            {
                return (results[i], (string?)null, string.Empty);
            }

            var (action, detail) = Apply(plan, user.Name, at);
            if (how == ImportedAs.Published)
            {
                plan.Project.UpdateFor(plan.Quarter).PublishHistorical(user.Name, at);
            }

            return (results[i], action, detail);
        }).ToList();
    }

    /// <summary>Submits the directorate's draft and returned updates of the quarter for approval.</summary>
    public Task<ProjectUpdateResult> SubmitAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default) =>
        MoveAsync(user, directorate, quarter, [WorkflowState.Draft, WorkflowState.Returned], WorkflowState.Submitted, "Submitted", null, null, cancellationToken);

    /// <summary>Approves the directorate's submitted updates of the quarter.</summary>
    public Task<ProjectUpdateResult> ApproveAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, CancellationToken cancellationToken = default) =>
        MoveAsync(user, directorate, quarter, [WorkflowState.Submitted], WorkflowState.Approved, "Approved", null, null, cancellationToken);

    /// <summary>Returns the directorate's submitted updates (all, or one project's) with a reason.</summary>
    public Task<ProjectUpdateResult> ReturnAsync(WorkflowUser user, string directorate, ReportingPeriod quarter, string? projectCode, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(ProjectUpdateResult.Failed(ProjectUpdateProblem.Invalid, "Reason", "Enter the reason for returning the updates."));
        }

        if (reason.Trim().Length > Lengths.Text)
        {
            return Task.FromResult(ProjectUpdateResult.Failed(ProjectUpdateProblem.Invalid, "Reason", $"Reason must be at most {Lengths.Text} characters."));
        }

        return MoveAsync(user, directorate, quarter, [WorkflowState.Submitted], WorkflowState.Returned, "Returned", reason.Trim(), projectCode, cancellationToken);
    }

    private async Task<(Plan? Plan, ProjectUpdateResult? Failure)> PrepareAsync(WorkflowUser user, ProjectUpdateInput input, ImportedAs how, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ReportingPeriod.TryParse(input.Quarter, out var quarter) || quarter.Kind != PeriodKind.Quarter)
        {
            return (null, ProjectUpdateResult.Failed(ProjectUpdateProblem.Invalid, "Quarter", $"'{input.Quarter}' is not a quarter; use a label such as 2019/20 Q2."));
        }

        var code = input.ProjectCode?.Trim() ?? string.Empty;
        var project = await db.Projects.Include(p => p.Directorate)
            .Include(p => p.Updates.Where(u => u.Period == quarter)).ThenInclude(u => u.Milestones)
            .FirstOrDefaultAsync(p => p.Code == code, cancellationToken)
            ?? db.Projects.Local.FirstOrDefault(p => p.Code == code && db.Entry(p).State == EntityState.Added);
        if (project is null || project.IsRetired)
        {
            return (null, ProjectUpdateResult.Failed(ProjectUpdateProblem.NotFound, "ProjectCode",
                project is null ? $"There is no project with the code '{code}'." : $"Project {code} is retired; it takes no more updates."));
        }

        if (project.Directorate is null)
        {
            return (null, ProjectUpdateResult.Failed(ProjectUpdateProblem.Invalid, "ProjectCode", $"Project {code} has no directorate; an Admin gives it one on the project's page first."));
        }

        if (!DirectorateAccess.Allows(user, DirectorateOperation.ProjectUpdates, project.Directorate.Name))
        {
            return (null, ProjectUpdateResult.Failed(ProjectUpdateProblem.Forbidden, "ProjectCode", $"You do not enter the updates of {project.Directorate.Name}'s projects."));
        }

        var existing = project.Updates.FirstOrDefault(u => u.Period == quarter);
        if (existing is not null && input.Version is { } seen && seen != existing.Version)
        {
            return (null, ProjectUpdateResult.Failed(ProjectUpdateProblem.Conflict, "Version",
                $"{existing.UpdatedBy} saved the update of {code} for {quarter.Label} since you opened it. Nothing was saved, so nothing of theirs was overwritten: reload to see theirs."));
        }

        var locked = existing?.State is WorkflowState.Submitted or WorkflowState.Approved or WorkflowState.Published;
        if (locked && how == ImportedAs.Entered)
        {
            return (null, Locked(code, quarter, existing!));
        }

        var problems = new List<FieldProblem>();
        var brag = existing?.Brag;
        if (input.Brag is not null || existing is null)
        {
            if (string.IsNullOrWhiteSpace(input.Brag))
            {
                problems.Add(new("Brag", $"Choose the BRAG status: {ProjectUpdateText.BragChoices}."));
            }
            else if (ProjectUpdateText.TryBrag(input.Brag, out var b))
            {
                brag = b;
            }
            else
            {
                problems.Add(new("Brag", $"'{input.Brag.Trim()}' is not a BRAG status; use {ProjectUpdateText.BragChoices}."));
            }
        }

        var direction = existing?.Direction;
        if (input.Direction is not null || existing is null)
        {
            if (string.IsNullOrWhiteSpace(input.Direction))
            {
                problems.Add(new("Direction", $"Choose the direction: {ProjectUpdateText.DirectionChoices}."));
            }
            else if (ProjectUpdateText.TryDirection(input.Direction, out var d))
            {
                direction = d;
            }
            else
            {
                problems.Add(new("Direction", $"'{input.Direction.Trim()}' is not a direction; use {ProjectUpdateText.DirectionChoices}."));
            }
        }

        var workingWell = Text(problems, "WorkingWell", "Areas of success", input.WorkingWell, existing?.WorkingWell);
        var concerns = Text(problems, "Concerns", "Areas of concern", input.Concerns, existing?.Concerns);
        var nextFocus = Text(problems, "NextFocus", "Focus for next quarter", input.NextFocus, existing?.NextFocus);
        var milestones = input.Milestones is null
            ? (existing?.Milestones.Select(m => (m.Title, m.Due, m.Status)).ToList() ?? [])
            : Milestones(problems, input.Milestones);

        if (problems.Count > 0)
        {
            return (null, ProjectUpdateResult.Failed(problems));
        }

        var plan = new Plan(project, quarter, brag!.Value, direction!.Value, workingWell, concerns, nextFocus, milestones);
        if (existing is not null && how != ImportedAs.Entered && FrameworkAudit.ChangesText(Describe(existing), Describe(plan)).Length == 0)
        {
            // Already as given (a workbook imported again): nothing to do, unless an Admin's historical import publishes it.
            return how == ImportedAs.Published && existing.State != WorkflowState.Published ? (plan with { PublishOnly = true }, null) : (null, null);
        }

        return locked ? (null, Locked(code, quarter, existing!)) : (plan, null);
    }

    private static ProjectUpdateResult Locked(string code, ReportingPeriod quarter, ProjectUpdate existing) =>
        ProjectUpdateResult.Failed(ProjectUpdateProblem.Locked, "State",
            $"The update of {code} for {quarter.Label} is {existing.State.InSentence()} and can no longer be changed.");

    private (string Action, string Detail) Apply(Plan plan, string by, DateTimeOffset at)
    {
        var isNew = plan.Project.Updates.All(u => u.Period != plan.Quarter);
        var update = plan.Project.UpdateFor(plan.Quarter);
        var before = isNew ? null : Describe(update);
        if (plan.PublishOnly)
        {
            return ("Updated", "published");
        }

        update.Record(plan.Brag, plan.Direction, plan.WorkingWell, plan.Concerns, plan.NextFocus, plan.Milestones, by, at);
        var after = Describe(update);
        if (FrameworkAudit.Audit(by, at, isNew ? "Created" : "Updated", EntityType, Key(plan.Project.Code, plan.Quarter), before, after) is { } entry)
        {
            db.AuditEntries.Add(entry);
        }

        return (isNew ? "Created" : "Updated", FrameworkAudit.ChangesText(before, after));
    }

    private async Task<ProjectUpdateResult> MoveAsync(
        WorkflowUser user, string directorate, ReportingPeriod quarter, WorkflowState[] from, WorkflowState to, string action, string? reason, string? projectCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!DirectorateAccess.Allows(user, DirectorateOperation.ProjectUpdates, directorate))
        {
            return ProjectUpdateResult.Failed(ProjectUpdateProblem.Forbidden, "Directorate", $"You do not {(to == WorkflowState.Submitted ? "submit" : "review")} the project updates of {directorate}.");
        }

        if (!await db.Directorates.AnyAsync(d => d.Name == directorate, cancellationToken))
        {
            return ProjectUpdateResult.Failed(ProjectUpdateProblem.NotFound, "Directorate", $"There is no directorate called '{directorate}'.");
        }

        var code = string.IsNullOrWhiteSpace(projectCode) ? null : projectCode.Trim();
        var projects = await db.Projects
            .Include(p => p.Updates.Where(u => u.Period == quarter && from.Contains(u.State)))
            .Where(p => p.Directorate!.Name == directorate && (code == null || p.Code == code))
            .ToListAsync(cancellationToken);
        if (code is not null && projects.Count == 0)
        {
            return ProjectUpdateResult.Failed(ProjectUpdateProblem.NotFound, "ProjectCode", $"{directorate} has no project with the code '{code}'.");
        }

        var at = clock.GetUtcNow();
        var moved = projects.SelectMany(p => p.Updates).ToList();
        foreach (var update in moved)
        {
            update.MoveTo(to, user.Name, at);
        }

        var updates = Counted.Of(moved.Count, "project update");
        var what = code is null ? updates : $"{code} ({updates})";
        db.AuditEntries.Add(new AuditEntry(user.Name, at, action, StepEntityType, StepKey(directorate, quarter), reason is null ? what : $"{what}: {reason}"));
        await db.SaveChangesAsync(cancellationToken);
        return ProjectUpdateResult.Done(moved.Count);
    }

    private static string? Text(List<FieldProblem> problems, string field, string name, string? typed, string? existing)
    {
        if (typed is null)
        {
            return existing;
        }

        var text = string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
        if (text is { Length: > Lengths.Text })
        {
            problems.Add(new(field, $"{name} must be at most {Lengths.Text} characters; it has {text.Length}."));
        }

        return text;
    }

    /// <summary>What is wrong with milestone <paramref name="index"/>'s due date as typed (null: blank or a date): the page checks it as typed.</summary>
    public static string? DueProblem(string? text, int index) =>
        string.IsNullOrWhiteSpace(text) || TryDue(text, out _) ? null : $"'{text.Trim()}' is not a date for milestone {index + 1}; use 2020-03-31 or 31/03/2020.";

    private static bool TryDue(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text) && DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out date);
    }

    private static List<(string Title, DateOnly? Due, MilestoneStatus Status)> Milestones(List<FieldProblem> problems, IReadOnlyList<MilestoneInput> typed)
    {
        var kept = new List<(string, DateOnly?, MilestoneStatus)>();
        for (var i = 0; i < typed.Count; i++)
        {
            var m = typed[i];
            if (string.IsNullOrWhiteSpace(m.Title) && string.IsNullOrWhiteSpace(m.Due) && string.IsNullOrWhiteSpace(m.Status))
            {
                continue;
            }

            var field = $"Milestones[{i}]";
            var title = m.Title?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                problems.Add(new($"{field}.Title", $"Milestone {i + 1} needs a title."));
            }
            else if (title.Length > Lengths.Title)
            {
                problems.Add(new($"{field}.Title", $"Milestone {i + 1}'s title must be at most {Lengths.Title} characters; it has {title.Length}."));
            }

            if (DueProblem(m.Due, i) is { } dueProblem)
            {
                problems.Add(new($"{field}.Due", dueProblem));
            }

            DateOnly? due = TryDue(m.Due, out var date) ? date : null;

            var status = MilestoneStatus.NotStarted;
            if (string.IsNullOrWhiteSpace(m.Status))
            {
                problems.Add(new($"{field}.Status", $"Choose milestone {i + 1}'s status: {ProjectUpdateText.MilestoneChoices}."));
            }
            else if (!ProjectUpdateText.TryMilestone(m.Status, out status))
            {
                problems.Add(new($"{field}.Status", $"'{m.Status.Trim()}' is not a milestone status; use {ProjectUpdateText.MilestoneChoices}."));
            }

            kept.Add((title ?? string.Empty, due, status));
        }

        return kept;
    }

    /// <summary>The audit key of one update.</summary>
    public static string Key(string projectCode, ReportingPeriod quarter) => $"{projectCode} {quarter.Label}";

    /// <summary>The audit key of a directorate's updates for a quarter.</summary>
    public static string StepKey(string directorate, ReportingPeriod quarter)
    {
        var key = $"{quarter.Label} {directorate}";
        return key.Length <= Lengths.Label ? key : key[..Lengths.Label];
    }

    private static Dictionary<string, string> Describe(ProjectUpdate u) =>
        Describe(u.Brag, u.Direction, u.WorkingWell, u.Concerns, u.NextFocus, u.Milestones.Select(m => (m.Title, m.Due, m.Status)));

    private static Dictionary<string, string> Describe(Plan p) => Describe(p.Brag, p.Direction, p.WorkingWell, p.Concerns, p.NextFocus, p.Milestones);

    private static Dictionary<string, string> Describe(
        RagStatus brag, ProjectDirection direction, string? workingWell, string? concerns, string? nextFocus, IEnumerable<(string Title, DateOnly? Due, MilestoneStatus Status)> milestones)
    {
        var list = milestones.ToList();
        return new()
        {
            ["BRAG"] = brag.ToString(),
            ["Direction"] = direction.ToString(),
            ["Areas of success"] = workingWell ?? "–",
            ["Areas of concern"] = concerns ?? "–",
            ["Focus for next quarter"] = nextFocus ?? "–",
            ["Milestones"] = list.Count == 0 ? "–" : string.Join(" | ", list.Select(m =>
                $"{m.Title} ({(m.Due is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no date")}, {ProjectUpdateText.MilestoneLabel(m.Status)})")),
        };
    }

    private sealed record Plan(
        Project Project, ReportingPeriod Quarter, RagStatus Brag, ProjectDirection Direction, string? WorkingWell, string? Concerns, string? NextFocus,
        List<(string Title, DateOnly? Due, MilestoneStatus Status)> Milestones)
    {
        /// <summary>The update is already as given and is only published (an Admin's historical import).</summary>
        public bool PublishOnly { get; init; }
    }
}
