using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Workflow;

/// <summary>
/// What a person typed on one row of the grid (or a program sent to the API), as text. <see cref="Version"/> is the
/// version the person started from (a stored figure's is 1 or more; 0 when there was no figure yet), or null to replace
/// whatever is stored.
/// </summary>
public sealed record EntryInput(string MeasureCode, string PeriodCode, string? Value, string? Status, bool Provisional, string? Commentary, int? Version);

/// <summary>Why a row was not saved: what callers other than the grid (the API) need to answer with the right status.</summary>
public enum EntryProblem
{
    None = 0,

    /// <summary>The input breaks a rule (not a number, out of range, value and status together, wrong period).</summary>
    Invalid = 1,

    /// <summary>Someone else saved the figure since the version the person started from.</summary>
    Conflict = 2,

    /// <summary>The figure is submitted, approved or published: it can no longer be edited in the grid.</summary>
    Locked = 3,

    /// <summary>The measure is not one of the directorate's, or the period cannot be read.</summary>
    NotInGrid = 4,
}

/// <summary>
/// The outcome of saving one row: saved, or the message to show next to the field (and the other person's value on a
/// conflict). A row saved as it was stored is <see cref="Saved"/> without being <see cref="Changed"/>; a blank row of a
/// figure not entered yet is neither, and has no message.
/// </summary>
public sealed record EntryOutcome(string MeasureCode, string PeriodCode, bool Saved, string? Field, string? Message, EntryProblem Problem = EntryProblem.None)
{
    /// <summary>Whether the stored figure changed (a row saved again as it was does not).</summary>
    public bool Changed { get; init; }
}

/// <summary>
/// The command that enters or changes a directorate's figures before they are submitted, used by the outturn grid and
/// the API (<c>OutturnWorkflow.SaveAsync</c>). Text is read here (numbers by <see cref="FigureText"/>, statuses by
/// <see cref="OutturnStatusText"/>); the figure's rules (<see cref="Outturn.Check"/>) and the change itself, its
/// revision and the return to draft (<see cref="Outturn.Enter"/>) are the domain's, which a workbook import applies alike.
/// </summary>
public sealed class FigureEntry(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    /// <summary>Saves every row that is valid; a bad row gets its message and does not stop the others. One context for the whole save.</summary>
    public async Task<IReadOnlyList<EntryOutcome>> SaveAsync(string directorate, IReadOnlyList<EntryInput> inputs, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outcomes = new List<EntryOutcome>();
        var periods = await FigurePeriods.RuleAsync(db, clock, cancellationToken);
        foreach (var input in inputs)
        {
            outcomes.Add(await SaveRowAsync(db, directorate, input, periods, user, cancellationToken));
        }

        return outcomes;
    }

    private async Task<EntryOutcome> SaveRowAsync(PerformanceWheelDbContext db, string directorate, EntryInput input, FigurePeriodRule periods, string user, CancellationToken cancellationToken)
    {
        EntryOutcome Refused(string? field, string message, EntryProblem problem) => new(input.MeasureCode, input.PeriodCode, false, field, message, problem);

        var measure = await db.Measures.Include(m => m.Directorate).FirstOrDefaultAsync(m => m.Code == input.MeasureCode, cancellationToken);
        if (measure is null || measure.Directorate.Name != directorate || !ReportingPeriod.TryParse(input.PeriodCode, out var period))
        {
            return Refused(FigureProblem.ValueField, "This measure is not in this directorate's grid.", EntryProblem.NotInGrid);
        }

        var outturn = await db.Outturns.Include(o => o.Measure).FirstOrDefaultAsync(o => o.MeasureId == measure.Id && o.Period == period, cancellationToken);
        var noFigure = string.IsNullOrWhiteSpace(input.Value) && string.IsNullOrWhiteSpace(input.Status);
        if (noFigure && outturn is null && string.IsNullOrWhiteSpace(input.Commentary) && !input.Provisional)
        {
            // A row of the grid nobody filled in.
            return new EntryOutcome(input.MeasureCode, input.PeriodCode, false, null, null);
        }

        if (periods.Problem(measure, period) is { } periodProblem)
        {
            return Refused("Period", periodProblem, EntryProblem.Invalid);
        }

        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(input.Value))
        {
            if (!FigureText.TryParse(input.Value, out var parsed, out var notANumber))
            {
                return Refused(FigureProblem.ValueField, notANumber!, EntryProblem.Invalid);
            }

            value = parsed;
        }

        if (!OutturnStatusText.TryParse(input.Status, out var status))
        {
            return Refused(FigureProblem.StatusField, OutturnStatusText.NotAStatus(input.Status!), EntryProblem.Invalid);
        }

        if (Outturn.Check(measure, value, status) is { } problem)
        {
            return Refused(problem.Field, problem.Message, EntryProblem.Invalid);
        }

        if (outturn is not null && input.Version is { } seen && seen != outturn.Version)
        {
            var theirs = outturn.Value is { } v ? measure.Format(v) : outturn.Status is { } st ? OutturnStatusText.Label(st) : "nothing";
            return Refused(FigureProblem.ValueField,
                $"{outturn.UpdatedBy} saved {theirs} since you opened this page. Your entry is kept below: save again to replace theirs.", EntryProblem.Conflict);
        }

        if (outturn is not null && WorkflowSteps.IsLocked(outturn.State))
        {
            return Refused(FigureProblem.ValueField, $"This figure is {outturn.State.InSentence()} and can no longer be edited here.", EntryProblem.Locked);
        }

        try
        {
            if (outturn is null)
            {
                outturn = measure.NewOutturn(period);
                db.Outturns.Add(outturn);
            }

            var change = outturn.Enter(value, status, input.Provisional, input.Commentary, RevisionKind.Edit, null, user, clock.GetUtcNow());
            if (change.Revision is { } revision)
            {
                db.OutturnRevisions.Add(revision);
            }

            if (change.Changed)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return new EntryOutcome(input.MeasureCode, input.PeriodCode, true, null, null) { Changed = change.Changed };
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Refused(FigureProblem.ValueField, e.Message, EntryProblem.Invalid);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refused(FigureProblem.ValueField, "Someone else saved this figure at the same moment. Reload the page to see theirs; your entry is kept below.", EntryProblem.Conflict);
        }
    }
}
