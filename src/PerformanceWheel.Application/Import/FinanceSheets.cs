using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The workbook's BudgetLines and BudgetPosition sheets, through the finance entry page's command (<see cref="FinanceEntry"/>)
/// in bulk: the rows of each quarter become one change, checked in full; a problem is reported at its sheet, row and
/// column, and then nothing of the workbook is written. Lines are matched by quarter and service area (an existing line
/// is updated, Remove = Y removes it). A published quarter's finance changes only in an Admin's historical import
/// (the reason recorded is "import"), as with published figures. Problems, counts and changes go to the run's
/// <see cref="ImportLedger"/> as every sheet's do; the command's problems to the column of their field (<see cref="ImportColumns"/>).
/// </summary>
internal sealed class FinanceSheets(PerformanceWheelDbContext db, TimeProvider clock, ImportRequest request, ImportMode mode, WorkbookContent content, ImportLedger ledger)
{
    private const string LineCount = "Budget lines";
    private const string PositionCount = "Budget positions";

    /// <summary>Checks both sheets and, when they have no problem, makes their changes in the import's context (saved with the rest).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var lines = SheetCheck.Usable(content.Sheets.GetValueOrDefault(BudgetLines));
        var positions = SheetCheck.Usable(content.Sheets.GetValueOrDefault(BudgetPosition));
        var byQuarter = new SortedDictionary<ReportingPeriod, (List<(SheetRow Row, BudgetLineInput Input)> Lines, (SheetRow Row, BudgetPositionInput Input)? Position)>();
        if (lines is not null)
        {
            var stored = await db.BudgetLines.AsNoTracking().Select(l => new StoredLine(l.Period, l.ServiceArea)).ToListAsync(cancellationToken);
            ReadLines(lines, stored, byQuarter);
        }

        if (positions is not null)
        {
            ReadPositions(positions, byQuarter);
        }

        foreach (var (quarter, (quarterLines, position)) in byQuarter)
        {
            var input = new FinanceInput(quarter, quarterLines.Select(l => l.Input).ToList(), position?.Input, FormatReason);
            if (await PublishedAsync(quarter, cancellationToken))
            {
                if (mode != ImportMode.Historical || !request.IsAdmin)
                {
                    foreach (var row in quarterLines.Select(l => (lines!, l.Row)).Concat(position is { } p ? [(positions!, p.Row)] : []))
                    {
                        Error(row.Item1, row.Row, Period, $"{quarter.Label} is published: its finance changes only in an Admin's historical import, or on the finance entry page with a reason.");
                    }

                    continue;
                }
            }

            var result = await FinanceEntry.PrepareAsync(db, clock, input, request.UserName, cancellationToken);
            foreach (var problem in result.Problems)
            {
                var (sheet, row) = problem.Line is { } i ? (lines!, quarterLines[i].Row) : position is { } pr ? (positions!, pr.Row) : (lines!, quarterLines[0].Row);
                ledger.Error(sheet, row, ImportColumns.For(sheet.Sheet.Name, problem.Field), problem.Message);
            }

            foreach (var change in result.Changes)
            {
                var (sheet, row) = change.Line is { } i ? (BudgetLines, quarterLines[i].Row.Number) : (BudgetPosition, position!.Value.Row.Number);
                ledger.Change(sheet, row, change.Action, change.Key, change.Detail);
            }

            Count(LineCount, quarterLines.Count, result, FinanceEntry.LineType);
            Count(PositionCount, position is null ? 0 : 1, result, FinanceEntry.PositionType);
        }
    }

    // The reason kept for a published quarter's finance changed by an Admin's historical import.
    private const string FormatReason = RevisionReason;

    private async Task<bool> PublishedAsync(ReportingPeriod quarter, CancellationToken cancellationToken) =>
        await Performance.PeriodPublication.IsPublishedAsync(db, quarter, cancellationToken);

    private sealed record StoredLine(ReportingPeriod Period, string ServiceArea);

    private void ReadLines(SheetRows sheet, List<StoredLine> stored, SortedDictionary<ReportingPeriod, (List<(SheetRow, BudgetLineInput)> Lines, (SheetRow, BudgetPositionInput)? Position)> byQuarter)
    {
        var seen = new Dictionary<(ReportingPeriod, string), int>();
        foreach (var row in sheet.Rows)
        {
            var quarter = QuarterOf(sheet, row);
            var (name, nameProblem) = ImportCells.Text(Cell(sheet, row, ServiceArea));
            Problem(sheet, row, ServiceArea, nameProblem);
            var (remove, removeProblem) = ImportCells.YesNo(Cell(sheet, row, Remove));
            Problem(sheet, row, Remove, removeProblem);
            var approved = Sum(sheet, row, ApprovedBudget, remove);
            var forecast = Sum(sheet, row, ForecastOutturn, remove);
            if (quarter is not { } q || nameProblem is not null || removeProblem is not null || approved.Problem || forecast.Problem)
            {
                continue;
            }

            if (name is not null && seen.TryGetValue((q, name.ToUpperInvariant()), out var first))
            {
                Error(sheet, row, ServiceArea, $"{name} {q.Label} is on this sheet twice (also row {first}); keep one row.");
                continue;
            }

            if (name is not null)
            {
                seen[(q, name.ToUpperInvariant())] = row.Number;
            }

            var key = name is null ? null : stored.FirstOrDefault(l => l.Period == q && string.Equals(l.ServiceArea, name, StringComparison.OrdinalIgnoreCase))?.ServiceArea;
            if (remove && key is null)
            {
                Error(sheet, row, Remove, $"There is no line for {name} in {q.Label} to remove.");
                continue;
            }

            var entry = byQuarter.TryGetValue(q, out var e) ? e : ([], null);
            entry.Lines.Add((row, new BudgetLineInput(key, name, approved.Text, forecast.Text, remove)));
            byQuarter[q] = entry;
        }
    }

    private void ReadPositions(SheetRows sheet, SortedDictionary<ReportingPeriod, (List<(SheetRow, BudgetLineInput)> Lines, (SheetRow, BudgetPositionInput)? Position)> byQuarter)
    {
        var seen = new Dictionary<ReportingPeriod, int>();
        foreach (var row in sheet.Rows)
        {
            var quarter = QuarterOf(sheet, row);
            var variance = Sum(sheet, row, Variance, false);
            var (rating, ratingProblem) = ImportCells.Text(Cell(sheet, row, Rating));
            var (commentary, commentaryProblem) = ImportCells.Text(Cell(sheet, row, Commentary));
            Problem(sheet, row, Rating, ratingProblem);
            Problem(sheet, row, Commentary, commentaryProblem);
            if (quarter is not { } q || variance.Problem || ratingProblem is not null || commentaryProblem is not null)
            {
                continue;
            }

            if (seen.TryGetValue(q, out var first))
            {
                Error(sheet, row, Period, $"{q.Label} is on this sheet twice (also row {first}); a quarter has one budget position statement.");
                continue;
            }

            seen[q] = row.Number;
            var entry = byQuarter.TryGetValue(q, out var e) ? e : ([], null);
            byQuarter[q] = (entry.Lines, (row, new BudgetPositionInput(variance.Text, rating, commentary)));
        }
    }

    private ReportingPeriod? QuarterOf(SheetRows sheet, SheetRow row)
    {
        var (period, problem) = ImportCells.Period(Cell(sheet, row, Period));
        if (problem is not null)
        {
            Error(sheet, row, Period, problem);
            return null;
        }

        if (period is not { } p)
        {
            Error(sheet, row, Period, $"{Period} is required: the quarter, such as 2019/20 Q2.");
            return null;
        }

        if (p.Kind != PeriodKind.Quarter)
        {
            Error(sheet, row, Period, $"{p.Label} is not a quarter; finance is entered for a quarter, such as 2019/20 Q2.");
            return null;
        }

        return p;
    }

    // A sum in £m: a number cell as stored, text as typed (read by the command's en-GB reader); blank stays blank (the command says it is required).
    private (string? Text, bool Problem) Sum(SheetRows sheet, SheetRow row, string column, bool removing)
    {
        var cell = Cell(sheet, row, column);
        if (removing || cell.IsBlank)
        {
            return (null, false);
        }

        if (cell.Kind == CellKind.Text)
        {
            return (cell.AsText(), false);
        }

        var (value, problem) = ImportCells.Number(cell, percentUnit: false);
        Problem(sheet, row, column, problem);
        return (value?.ToString(CultureInfo.InvariantCulture), problem is not null);
    }

    private void Count(string what, int rows, FinanceResult result, string entityType)
    {
        if (rows == 0)
        {
            return;
        }

        var c = ledger.Counter(what);
        c.Rows += rows;
        c.Created += result.Count("Created", entityType);
        c.Updated += result.Count("Updated", entityType) + result.Count("Removed", entityType);
        c.Unchanged += Math.Max(rows - result.Changes.Count(x => x.EntityType == entityType), 0);
    }

    private static SheetCell Cell(SheetRows sheet, SheetRow row, string column) => SheetCheck.CellOf(sheet, row, column);

    private void Problem(SheetRows sheet, SheetRow row, string column, string? problem) => ledger.Problem(sheet, row, column, problem);

    private void Error(SheetRows sheet, SheetRow row, string column, string message) => ledger.Error(sheet, row, column, message);
}
