using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Finance;

/// <summary>
/// Entering a quarter's finance: budget lines by service area (approved budget and forecast outturn in £m; variance and
/// percentage are computed) and the council's budget position statement (variance in £m, rating, commentary). The one
/// command behind the finance entry page, the API and the workbook's BudgetLines and BudgetPosition sheets.
/// <para>
/// Everything is checked before anything changes: a problem names the line and the field, and then nothing is changed.
/// Numbers are read by the one en-GB reader (<see cref="FigureText"/>). Every change leaves an audit entry ("Budget line",
/// "{quarter} {service area}" or "Budget position", "{quarter}", "Field: old → new").
/// </para>
/// <para>
/// Finance is published with the quarter, by the same rule as segment judgements and critical items
/// (<see cref="PeriodPublication"/>: once a figure of the quarter is published). Before that it is a draft that only
/// Admins and officers see; afterwards every change needs a reason, which the audit entry keeps, and readers see the
/// change at once (as with a corrected figure).
/// </para>
/// </summary>
public sealed class FinanceEntry(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public const string LineType = "Budget line";
    public const string PositionType = "Budget position";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The quarter's finance with the newest earlier quarter's lines (to start from) and its change history.</summary>
    public async Task<FinanceSheet> SheetAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        quarter = PeriodPublication.QuarterOf(quarter);
        var lines = (await db.BudgetLines.AsNoTracking().Where(l => l.Period == quarter).ToListAsync(cancellationToken))
            .OrderBy(l => l.ServiceArea, StringComparer.OrdinalIgnoreCase).ToList();
        var position = await db.BudgetPositions.AsNoTracking().FirstOrDefaultAsync(p => p.Period == quarter, cancellationToken);
        var previous = (await db.BudgetLines.AsNoTracking().Select(l => l.Period).Distinct().ToListAsync(cancellationToken))
            .Where(p => p < quarter).Select(p => (ReportingPeriod?)p).Max();
        List<BudgetLine> previousLines = [];
        if (previous is { } earlier)
        {
            previousLines = (await db.BudgetLines.AsNoTracking().Where(l => l.Period == earlier).ToListAsync(cancellationToken))
                .OrderBy(l => l.ServiceArea, StringComparer.OrdinalIgnoreCase).ToList();
        }

        var label = quarter.Label;
        var prefix = label + " ";
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == LineType && a.EntityKey.StartsWith(prefix)) || (a.EntityType == PositionType && a.EntityKey == label))
            .OrderByDescending(a => a.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        return new FinanceSheet(
            quarter, lines, position, await PeriodPublication.IsPublishedAsync(db, quarter, cancellationToken),
            previous, previousLines, history);
    }

    /// <summary>Checks the change and, when it has no problem, saves it with its audit entries.</summary>
    public async Task<FinanceResult> SaveAsync(FinanceInput input, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await PrepareAsync(db, clock, input, user, cancellationToken);
        if (result.Succeeded && result.Changes.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Checks the change and, when it has no problem, makes it in the given context with its audit entries without
    /// saving: the page's save saves it at once; the workbook import saves it with the rest of the workbook, in one
    /// transaction (one context per operation either way).
    /// </summary>
    internal static async Task<FinanceResult> PrepareAsync(PerformanceWheelDbContext db, TimeProvider clock, FinanceInput input, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FinanceProblem>();
        var quarter = input.Quarter;
        if (quarter.Kind != PeriodKind.Quarter)
        {
            return new FinanceResult([new FinanceProblem(null, "Quarter", $"{quarter.Label} is not a quarter; finance is entered for a quarter, such as 2019/20 Q2.")], [], 0);
        }

        if (input.SeenChange is { } seen && await ChangedSinceAsync(db, quarter, seen, cancellationToken) is { } conflict)
        {
            return new FinanceResult([conflict], [], 0);
        }

        var stored = await db.BudgetLines.Where(l => l.Period == quarter).ToListAsync(cancellationToken);
        var position = await db.BudgetPositions.FirstOrDefaultAsync(p => p.Period == quarter, cancellationToken);
        var plans = PlanLines(input, stored, problems);
        var positionPlan = PlanPosition(input.Position, position, problems);
        CheckNames(input, stored, plans, problems);
        if (problems.Count > 0)
        {
            return new FinanceResult(problems, [], 0);
        }

        var lineChanges = plans.Select(p => (Plan: p, Before: p.Line is null ? null : Describe(p.Line), After: p.Remove ? null : Describe(p.Name!, p.Approved, p.Forecast)))
            .Where(c => c.After is null || c.Before is null || FrameworkAudit.ChangesText(c.Before, c.After).Length > 0)
            .ToList();
        var positionChanged = positionPlan is { } pp && (pp.Remove || position is null || FrameworkAudit.ChangesText(Describe(position), Describe(pp.Variance, pp.Rag, pp.Commentary)).Length > 0);
        var unchanged = plans.Count - lineChanges.Count + (positionPlan is not null && !positionChanged ? 1 : 0);
        if (lineChanges.Count == 0 && !positionChanged)
        {
            return new FinanceResult([], [], unchanged);
        }

        var published = await PeriodPublication.IsPublishedAsync(db, quarter, cancellationToken);
        string? reason = null;
        if (published)
        {
            reason = input.Reason?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                return new FinanceResult([new FinanceProblem(null, "Reason", $"{quarter.Label} is published: give the reason for changing its finance.")], [], 0);
            }
        }

        var at = clock.GetUtcNow();
        var changes = new List<FinanceChange>();
        foreach (var (plan, before, after) in lineChanges)
        {
            var key = $"{quarter.Label} {plan.Line?.ServiceArea ?? plan.Name}";
            string action;
            if (plan.Remove)
            {
                db.BudgetLines.Remove(plan.Line!);
                action = "Removed";
            }
            else if (plan.Line is null)
            {
                db.BudgetLines.Add(new BudgetLine(plan.Name!, quarter, plan.Approved, plan.Forecast));
                action = "Created";
            }
            else
            {
                if (!string.Equals(plan.Line.ServiceArea, plan.Name, StringComparison.Ordinal))
                {
                    plan.Line.Rename(plan.Name!);
                }

                plan.Line.Change(plan.Approved, plan.Forecast);
                action = "Updated";
            }

            changes.Add(Audit(db, plan.Index, action, LineType, key, before, after ?? [], reason, user, at));
        }

        if (positionChanged)
        {
            var plan = positionPlan!.Value;
            var before = position is null ? null : Describe(position);
            string action;
            if (plan.Remove)
            {
                db.BudgetPositions.Remove(position!);
                action = "Removed";
            }
            else if (position is null)
            {
                db.BudgetPositions.Add(new BudgetPosition(quarter, plan.Variance, plan.Rag, plan.Commentary));
                action = "Created";
            }
            else
            {
                position.Change(plan.Variance, plan.Rag, plan.Commentary);
                action = "Updated";
            }

            changes.Add(Audit(db, null, action, PositionType, quarter.Label, before, plan.Remove ? [] : Describe(plan.Variance, plan.Rag, plan.Commentary), reason, user, at));
        }

        return new FinanceResult([], changes, unchanged);
    }

    /// <summary>
    /// What is wrong with one field of a line (ServiceArea, ApprovedBudget, ForecastOutturn) or of the position statement
    /// (line null: Variance, Commentary) as typed, with the message the save would give; null when nothing is. A blank
    /// spare line, a line to remove and a blank statement have no problem.
    /// </summary>
    public static string? FieldProblem(FinanceInput input, int? line, string field)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (line is { } i)
        {
            var row = input.Lines[i];
            return row.IsBlank || row.Remove ? null : field switch
            {
                "ServiceArea" => GuardProblem(() => Guard.Required(row.ServiceArea, "Service area", Lengths.Name)),
                "ApprovedBudget" => AmountProblem("Approved budget", row.ApprovedBudget),
                "ForecastOutturn" => AmountProblem("Forecast outturn", row.ForecastOutturn),
                _ => null,
            };
        }

        return input.Position is not { } p || p.IsBlank || p.Remove ? null : field switch
        {
            "Variance" => AmountProblem("Variance", p.Variance),
            "Commentary" => GuardProblem(() => Guard.Optional(p.Commentary, "Commentary", Lengths.Text)),
            _ => null,
        };
    }

    private static string? GuardProblem(Func<string?> check)
    {
        try
        {
            check();
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    /// <summary>The newest change to the quarter's finance (its audit entry's id; 0 for none): what a form was opened at.</summary>
    public static int LatestChange(FinanceSheet sheet) => sheet?.History.Count > 0 ? sheet.History[0].Id : 0;

    // Someone saved the quarter's finance after the form was opened (audit entries newer than the one it saw): refused,
    // naming what they changed, so nothing of theirs is overwritten.
    private static async Task<FinanceProblem?> ChangedSinceAsync(PerformanceWheelDbContext db, ReportingPeriod quarter, int seen, CancellationToken cancellationToken)
    {
        var label = quarter.Label;
        var prefix = label + " ";
        var newer = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > seen && ((a.EntityType == LineType && a.EntityKey.StartsWith(prefix)) || (a.EntityType == PositionType && a.EntityKey == label)))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        if (newer.Count == 0)
        {
            return null;
        }

        var what = newer.Select(a => a.EntityType == PositionType ? "the budget position statement" : a.EntityKey[prefix.Length..]).Distinct().ToList();
        var who = string.Join(", ", newer.Select(a => a.User).Distinct());
        return new FinanceProblem(null, "Conflict",
            $"{who} saved {label}'s finance since you opened this page ({string.Join(", ", what)}). Nothing was saved, so nothing of theirs was overwritten: open the quarter again to see their figures, then make your change.");
    }

    /// <summary>The lines of a quarter as the form starts them from an earlier quarter: same service areas and budgets, forecasts to enter.</summary>
    public static IReadOnlyList<BudgetLineInput> StartFrom(IEnumerable<BudgetLine> earlier) =>
        earlier.Select(l => new BudgetLineInput(null, l.ServiceArea, Millions(l.ApprovedBudget), null)).ToList();

    /// <summary>A sum in £m as the forms and the audit write it: up to three decimals, no thousands separator.</summary>
    public static string Millions(decimal value) => value.ToString("0.0##", Invariant);

    /// <summary>Reads a rating for the position statement: Green, Amber, Red (or G, A, R), any case; blank is none.</summary>
    public static bool TryParseRag(string? text, out RagStatus? rag)
    {
        rag = null;
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "NONE" or "NO RATING":
                return true;
            case "G" or "GREEN":
                rag = RagStatus.Green;
                return true;
            case "A" or "AMBER":
                rag = RagStatus.Amber;
                return true;
            case "R" or "RED":
                rag = RagStatus.Red;
                return true;
            default:
                return false;
        }
    }

    private sealed record LinePlan(int Index, BudgetLine? Line, string? Name, decimal Approved, decimal Forecast, bool Remove);

    private readonly record struct PositionPlan(decimal Variance, RagStatus? Rag, string? Commentary, bool Remove);

    private static List<LinePlan> PlanLines(FinanceInput input, List<BudgetLine> stored, List<FinanceProblem> problems)
    {
        var plans = new List<LinePlan>();
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var row = input.Lines[i];
            if (row.IsBlank || (row.Remove && row.Key is null))
            {
                continue;
            }

            BudgetLine? line = null;
            if (row.Key is { } key && (line = stored.FirstOrDefault(l => string.Equals(l.ServiceArea, key.Trim(), StringComparison.OrdinalIgnoreCase))) is null)
            {
                problems.Add(new(i, "ServiceArea", $"There is no line for {key} in {input.Quarter.Label}: someone may have removed or renamed it. Open the quarter again."));
                continue;
            }

            if (row.Remove)
            {
                plans.Add(new LinePlan(i, line, null, 0, 0, true));
                continue;
            }

            string? name = null;
            try
            {
                name = Guard.Required(row.ServiceArea, "Service area", Lengths.Name);
            }
            catch (DomainException e)
            {
                problems.Add(new(i, "ServiceArea", e.Message));
            }

            var approved = Number(i, "ApprovedBudget", "Approved budget", row.ApprovedBudget, problems);
            var forecast = Number(i, "ForecastOutturn", "Forecast outturn", row.ForecastOutturn, problems);
            if (name is not null && approved is { } a && forecast is { } f)
            {
                plans.Add(new LinePlan(i, line, name, a, f, false));
            }
        }

        return plans;
    }

    // Two lines of the quarter may not share a service area: among the changed rows, or with a stored line left as it is.
    private static void CheckNames(FinanceInput input, List<BudgetLine> stored, List<LinePlan> plans, List<FinanceProblem> problems)
    {
        var touched = plans.Where(p => p.Line is not null).Select(p => p.Line!).ToHashSet();
        var untouched = stored.Where(l => !touched.Contains(l)).Select(l => l.ServiceArea).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in plans.Where(p => !p.Remove))
        {
            if (untouched.Contains(plan.Name!))
            {
                problems.Add(new(plan.Index, "ServiceArea", $"There is already a line for {plan.Name} in {input.Quarter.Label}; change that line instead."));
            }
            else if (seen.TryGetValue(plan.Name!, out var first))
            {
                problems.Add(new(plan.Index, "ServiceArea", $"{plan.Name} is on line {first + 1} too; a service area has one line a quarter."));
            }
            else
            {
                seen[plan.Name!] = plan.Index;
            }
        }
    }

    private static PositionPlan? PlanPosition(BudgetPositionInput? input, BudgetPosition? stored, List<FinanceProblem> problems)
    {
        if (input is null || (input.Remove && stored is null) || (input.IsBlank && stored is null && !input.Remove))
        {
            return null;
        }

        if (input.Remove)
        {
            return new PositionPlan(0, null, null, true);
        }

        var variance = Number(null, "Variance", "Variance", input.Variance, problems);
        if (!TryParseRag(input.Rag, out var rag))
        {
            problems.Add(new(null, "Rag", $"Rating: '{input.Rag?.Trim()}' is not a rating; choose Green, Amber, Red or no rating."));
        }

        string? commentary = null;
        try
        {
            commentary = Guard.Optional(input.Commentary, "Commentary", Lengths.Text);
        }
        catch (DomainException e)
        {
            problems.Add(new(null, "Commentary", e.Message));
        }

        return variance is { } v ? new PositionPlan(v, rag, commentary, false) : null;
    }

    private static decimal? Number(int? line, string field, string label, string? text, List<FinanceProblem> problems)
    {
        if (AmountProblem(label, text) is { } problem)
        {
            problems.Add(new(line, field, problem));
            return null;
        }

        return FigureText.TryParse(text, out var value, out _) ? value : null;
    }

    /// <summary>
    /// What is wrong with a sum in £m as typed (the message the save would give), or null when it reads: the page checks
    /// each field with it as it is typed.
    /// </summary>
    public static string? AmountProblem(string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"{label} is required: enter it in £m, such as 12.5.";
        }

        return FigureText.TryParse(text, out _, out var problem) ? null : $"{label}: {problem}";
    }

    private static FinanceChange Audit(PerformanceWheelDbContext db, int? line, string action, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after, string? reason, string user, DateTimeOffset at)
    {
        var detail = action == "Removed"
            ? FrameworkAudit.ChangesText(null, before!)
            : FrameworkAudit.ChangesText(before, after);
        if (reason is not null)
        {
            detail = $"{detail}; Reason: {reason}";
        }

        var entry = new Domain.Audit.AuditEntry(user, at, action, entityType, Shorten(key, Lengths.Label), Shorten(detail, Lengths.Text));
        db.AuditEntries.Add(entry);
        return new FinanceChange(line, action, entityType, key, detail);
    }

    private static Dictionary<string, string> Describe(BudgetLine line) => Describe(line.ServiceArea, line.ApprovedBudget, line.ForecastOutturn);

    private static Dictionary<string, string> Describe(string serviceArea, decimal approved, decimal forecast) => new()
    {
        ["Service area"] = serviceArea,
        ["Approved budget £m"] = Millions(approved),
        ["Forecast outturn £m"] = Millions(forecast),
    };

    private static Dictionary<string, string> Describe(BudgetPosition position) => Describe(position.VarianceMillions, position.Rag, position.Commentary);

    private static Dictionary<string, string> Describe(decimal variance, RagStatus? rag, string? commentary) => new()
    {
        ["Variance £m"] = Millions(variance),
        ["Rating"] = rag?.ToString() ?? "–",
        ["Commentary"] = string.IsNullOrEmpty(commentary) ? "–" : Shorten(commentary, 200),
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
