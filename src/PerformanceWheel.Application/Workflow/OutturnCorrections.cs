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
/// Corrects published figures from the outturn grid: the text is checked field by field (value, status, reason), then
/// OutturnWorkflow.CorrectAsync changes the figure and keeps the revision (old → new, who, when, why), which the
/// measure page lists. Only published figures are corrected this way; drafts change in the grid.
/// </summary>
public sealed class OutturnCorrections(PerformanceWheelDbContext db, OutturnWorkflow workflow)
{
    public async Task<ChangeResult> CorrectAsync(string directorate, CorrectionInput input, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ReportingPeriod.TryParse(input.PeriodCode, out var period))
        {
            return ChangeResult.Failed("Figure", "Choose the published figure to correct.");
        }

        var outturn = await db.Outturns.AsNoTracking().Include(o => o.Measure).ThenInclude(m => m.Directorate)
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
        if (!string.IsNullOrWhiteSpace(input.Value))
        {
            if (!FigureText.TryParse(input.Value, out var parsed, out var notANumber))
            {
                problems.Add(new("Value", notANumber!));
            }
            else if (outturn.Measure.ValidateValue(parsed) is { } problem)
            {
                problems.Add(new("Value", problem));
            }
            else
            {
                value = parsed;
            }
        }

        if (!OutturnStatusText.TryParse(input.Status, out var status))
        {
            problems.Add(new("Status", OutturnStatusText.NotAStatus(input.Status!)));
        }
        else if (status.HasValue && !string.IsNullOrWhiteSpace(input.Value))
        {
            problems.Add(new("Status", OutturnStatusText.NotBoth));
        }
        else if (!status.HasValue && string.IsNullOrWhiteSpace(input.Value))
        {
            problems.Add(new("Value", $"Enter the corrected value, or choose {OutturnStatusText.Choices}."));
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
            return ChangeResult.Failed("Value", $"{input.MeasureCode} {period.Label} is already {(value is { } v ? outturn.Measure.Format(v) : OutturnStatusText.Label(status))}; nothing to correct.");
        }

        try
        {
            await workflow.CorrectAsync(input.MeasureCode, period, value, status, input.Reason!.Trim(), user, cancellationToken);
            return ChangeResult.Saved(outturn.Id);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Failed("Value", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Failed("Value", "Someone else changed this figure at the same moment. Reload the page and check it before correcting it.");
        }
    }
}
