using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Workflow;

/// <summary>What an officer typed to correct a published figure: the value or a status (TBC, N/A, Not available), and why.</summary>
public sealed record CorrectionInput(string MeasureCode, string PeriodCode, string? Value, string? Status, string? Reason);

/// <summary>
/// Corrects published figures from the outturn grid, one context per correction: the text is read as the grid reads it
/// (<see cref="FigureText"/>, <see cref="OutturnStatusText"/>), the figure is checked by the domain's one check
/// (<see cref="Outturn.Check"/>, so the grid, the API, the import and this form refuse the same figures with the same
/// message), then <see cref="Outturn.Correct"/> changes it and the revision (old → new, who, when, why) is kept, which
/// the measure page lists. Only published figures are corrected this way; drafts change in the grid.
/// </summary>
public sealed class OutturnCorrections(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    public async Task<ChangeResult> CorrectAsync(string directorate, CorrectionInput input, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ReportingPeriod.TryParse(input.PeriodCode, out var period))
        {
            return ChangeResult.Failed("Figure", "Choose the published figure to correct.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outturn = await db.Outturns.Include(o => o.Measure).ThenInclude(m => m.Directorate)
            .FirstOrDefaultAsync(o => o.Measure.Code == input.MeasureCode && o.Period == period, cancellationToken);
        if (outturn is null || outturn.Measure.Directorate.Name != directorate)
        {
            return ChangeResult.Failed("Figure", $"There is no figure for {input.MeasureCode} in {period.Label} in {directorate}'s grid.");
        }

        if (outturn.State != WorkflowState.Published)
        {
            return ChangeResult.Failed("Figure", $"{input.MeasureCode} {period.Label} is not published ({outturn.State}); change it in the grid above.");
        }

        var problems = new List<FieldProblem>();
        decimal? value = null;
        var read = true;
        if (!string.IsNullOrWhiteSpace(input.Value))
        {
            if (FigureText.TryParse(input.Value, out var parsed, out var notANumber))
            {
                value = parsed;
            }
            else
            {
                problems.Add(new(FigureProblem.ValueField, notANumber!));
                read = false;
            }
        }

        if (!OutturnStatusText.TryParse(input.Status, out var status))
        {
            problems.Add(new(FigureProblem.StatusField, OutturnStatusText.NotAStatus(input.Status!)));
            read = false;
        }

        if (read && Outturn.Check(outturn.Measure, value, status) is { } problem)
        {
            problems.Add(new(problem.Field, problem.Message));
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            problems.Add(new("Reason", "Give the reason for the correction; it is shown with the figure's history."));
        }
        else if (input.Reason.Trim().Length > Lengths.Text)
        {
            problems.Add(new("Reason", $"The reason must be at most {Lengths.Text} characters."));
        }

        if (problems.Count > 0)
        {
            return ChangeResult.Failed(problems);
        }

        if (outturn.Value == value && outturn.Status == status)
        {
            return ChangeResult.Failed(FigureProblem.ValueField, $"{input.MeasureCode} {period.Label} is already {(value is { } v ? outturn.Measure.Format(v) : OutturnStatusText.Label(status))}; nothing to correct.");
        }

        try
        {
            if ((await FigurePeriods.RuleAsync(db, clock, cancellationToken)).Problem(outturn.Measure, period) is { } periodProblem)
            {
                return ChangeResult.Failed(FigureProblem.ValueField, periodProblem);
            }

            var (at, reason) = (clock.GetUtcNow(), input.Reason!.Trim());
            var (oldValue, oldStatus) = (outturn.Value, outturn.Status);
            outturn.Correct(value, status, outturn.IsProvisional, outturn.Commentary, reason, user, at);
            db.OutturnRevisions.Add(new OutturnRevision(outturn, oldValue, oldStatus, RevisionKind.Correction, reason, user, at));
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult.Saved(outturn.Id);
        }
        catch (DomainException e)
        {
            return ChangeResult.Failed(FigureProblem.ValueField, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Failed(FigureProblem.ValueField, "Someone else changed this figure at the same moment. Reload the page and check it before correcting it.");
        }
    }
}
