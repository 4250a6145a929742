using System.Globalization;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The workbook's ProjectUpdates sheet, through the project updates page's command (<see cref="ProjectUpdateCommands"/>)
/// in bulk, with its checks, messages and audit ("Project update", "PRJ-1 2019/20 Q2"). One update per project and
/// quarter: its BRAG, direction and narrative on its first row; a programme's milestones one per row, the first on that
/// row and the others on rows below it that repeat the project and quarter. The rows are the whole update: a blank
/// narrative cell clears it, and the milestones replace the quarter's list.
/// <para>
/// The updates enter the same workflow as the page's: drafts for the directorate to submit and a Director to approve,
/// published with the quarter's figures and never shown to councillors or the public before. An Admin's historical
/// import publishes them at once, as it does figures. An update already as given is unchanged whatever its state; a
/// submitted, approved or published one cannot be changed by an import.
/// </para>
/// </summary>
internal sealed class ProjectUpdatesSheet(PerformanceWheelDbContext db, TimeProvider clock, ImportRequest request, ImportMode mode, WorkbookContent content, ImportLedger ledger)
    : SheetCheck(content, ledger, ProjectUpdates)
{
    private static readonly string[] UpdateColumns = [Brag, Direction, AreasOfSuccess, AreasOfConcern, NextFocus];

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (Sheet is not { } sheet)
        {
            return;
        }

        var sheetErrors = Errors.Count;
        var updates = new List<(string Key, SheetRow First, List<SheetRow> MilestoneRows, ProjectUpdateInput Input)>();
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Text(row, ProjectCode);
            var quarter = QuarterOf(row);
            var milestone = MilestoneOf(row);
            if (code is null)
            {
                Error(row, ProjectCode, "Project code is required.");
            }

            if (Errors.Count > before)
            {
                continue;
            }

            var key = ProjectUpdateCommands.Key(code!, quarter!.Value);
            var i = updates.FindIndex(u => u.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (i < 0)
            {
                updates.Add((key, row, milestone is null ? [] : [row], new ProjectUpdateInput(
                    code!, quarter.Value.Label, Text(row, Brag) ?? string.Empty, Text(row, Direction) ?? string.Empty,
                    Narrative(row, AreasOfSuccess), Narrative(row, AreasOfConcern), Narrative(row, NextFocus),
                    Sheet.Has(Milestone) ? (milestone is null ? [] : [milestone]) : null)));
                continue;
            }

            var (_, first, rows, input) = updates[i];
            foreach (var column in UpdateColumns.Where(c => Text(row, c) is { } text && text != Text(first, c)))
            {
                Error(row, column, $"{key} starts on row {first.Number}: give its {column} there; the rows below it hold only further milestones.");
            }

            if (milestone is not null)
            {
                rows.Add(row);
                updates[i] = updates[i] with { Input = input with { Milestones = [.. input.Milestones ?? [], milestone] } };
            }
        }

        if (Errors.Count > sheetErrors || updates.Count == 0)
        {
            return;
        }

        var how = mode == ImportMode.Historical && request.IsAdmin ? ProjectUpdateCommands.ImportedAs.Published : ProjectUpdateCommands.ImportedAs.Draft;
        var user = new WorkflowUser(null, request.UserName, IsOfficer: true, IsDirector: false);
        var results = await new ProjectUpdateCommands(db, clock).PrepareManyAsync(user, updates.Select(u => u.Input).ToList(), how, cancellationToken);
        for (var i = 0; i < updates.Count; i++)
        {
            var (key, first, rows, _) = updates[i];
            var (result, action, detail) = results[i];
            foreach (var problem in result.Problems)
            {
                var (row, column) = Where(problem.Field, first, rows);
                Error(row, column, problem.Message);
            }

            if (result.Succeeded)
            {
                var state = how == ProjectUpdateCommands.ImportedAs.Published ? "published" : "draft";
                Count("Project updates", first, action, key, detail == "published" ? detail : $"{detail} ({state})");
            }
        }
    }

    // Where a field of the command is on the sheet: the update's own on its first row, a milestone's on its row.
    private static (SheetRow Row, string Column) Where(string field, SheetRow first, List<SheetRow> milestoneRows)
    {
        if (field.StartsWith("Milestones[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var end and > 11
            && int.TryParse(field.AsSpan(11, end - 11), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < milestoneRows.Count)
        {
            return (milestoneRows[i], field[(end + 1)..] switch { ".Due" => MilestoneDue, ".Status" => MilestoneState, _ => Milestone });
        }

        return (first, ImportColumns.For(ProjectUpdates, field));
    }

    // A narrative as the form sends it: blank clears it; a sheet without the column leaves it as it is.
    private string? Narrative(SheetRow row, string column) => Sheet!.Has(column) ? Text(row, column) ?? string.Empty : null;

    private MilestoneInput? MilestoneOf(SheetRow row)
    {
        var title = Text(row, Milestone);
        var status = Text(row, MilestoneState);
        var dueCell = Cell(row, MilestoneDue);
        string? due;
        if (dueCell.Kind == CellKind.Number && dueCell.IsDate)
        {
            due = DateOnly.FromDateTime(DateTime.FromOADate(dueCell.Number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            due = Text(row, MilestoneDue);
        }

        return title is null && status is null && due is null ? null : new MilestoneInput(title, due, status);
    }

    private ReportingPeriod? QuarterOf(SheetRow row)
    {
        var (period, problem) = ImportCells.Period(Cell(row, Period));
        if (problem is not null || period is not { } p)
        {
            Error(row, Period, problem ?? $"{Period} is required: the quarter, such as 2019/20 Q2.");
            return null;
        }

        if (p.Kind != PeriodKind.Quarter)
        {
            Error(row, Period, $"{p.Label} is not a quarter; project updates are made for a quarter, such as 2019/20 Q2.");
            return null;
        }

        return p;
    }
}
