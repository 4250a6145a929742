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
/// (the reason recorded is "import"), as with published figures.
/// </summary>
internal sealed class FinanceSheets(PerformanceWheelDbContext db, TimeProvider clock, ImportRequest request, ImportMode mode, WorkbookContent content)
{
    private readonly List<ImportChange> _changes = [];
    private readonly ImportCount[] _counts = [new("Budget lines", 0, 0, 0, 0, 0), new("Budget positions", 0, 0, 0, 0, 0)];

    public List<ImportError> Errors { get; } = [];

    /// <summary>Checks both sheets and, when they have no problem, makes their changes in the import's context (saved with the rest).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var lines = content.Sheets.GetValueOrDefault(BudgetLines);
        var positions = content.Sheets.GetValueOrDefault(BudgetPosition);
        var byQuarter = new SortedDictionary<ReportingPeriod, (List<(SheetRow Row, BudgetLineInput Input)> Lines, (SheetRow Row, BudgetPositionInput Input)? Position)>();
        if (lines is not null && Complete(lines))
        {
            var stored = await db.BudgetLines.AsNoTracking().Select(l => new StoredLine(l.Period, l.ServiceArea)).ToListAsync(cancellationToken);
            ReadLines(lines, stored, byQuarter);
        }

        if (positions is not null && Complete(positions))
        {
            ReadPositions(positions, byQuarter);
        }

        var entry = new FinanceEntry(db, clock);
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

            var result = await entry.PrepareAsync(input, request.UserName, cancellationToken);
            foreach (var problem in result.Problems)
            {
                var (sheet, row) = problem.Line is { } i ? (lines!, quarterLines[i].Row) : position is { } pr ? (positions!, pr.Row) : (lines!, quarterLines[0].Row);
                Error(sheet, row, Column(problem.Field), problem.Message);
            }

            foreach (var change in result.Changes)
            {
                var (sheet, row) = change.Line is { } i ? (BudgetLines, quarterLines[i].Row.Number) : (BudgetPosition, position!.Value.Row.Number);
                _changes.Add(new ImportChange(sheet, row, change.Action, change.Key, change.Detail));
            }

            Count(0, quarterLines.Count, result, FinanceEntry.LineType);
            Count(1, position is null ? 0 : 1, result, FinanceEntry.PositionType);
        }
    }

    /// <summary>The report with the finance sheets' counts and changes added.</summary>
    public ImportReport AddTo(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with
        {
            Counts = [.. report.Counts, .. _counts.Where(c => c.Rows > 0)],
            Changes = [.. report.Changes, .. _changes],
        };
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

    // A sheet without one of its required columns is not checked row by row (the reader has reported the column).
    private static bool Complete(SheetRows sheet) => !sheet.Sheet.Columns.Where((c, i) => c.Required && !sheet.HasColumn[i]).Any();

    private void Count(int index, int rows, FinanceResult result, string entityType)
    {
        var c = _counts[index];
        var unchanged = rows - result.Changes.Count(x => x.EntityType == entityType);
        _counts[index] = c with
        {
            Rows = c.Rows + rows,
            Created = c.Created + result.Count("Created", entityType),
            Updated = c.Updated + result.Count("Updated", entityType) + result.Count("Removed", entityType),
            Unchanged = c.Unchanged + Math.Max(unchanged, 0),
        };
    }

    private static string Column(string field) => field switch
    {
        "ServiceArea" => ServiceArea,
        "ApprovedBudget" => ApprovedBudget,
        "ForecastOutturn" => ForecastOutturn,
        "Variance" => Variance,
        "Rag" => Rating,
        "Commentary" => Commentary,
        _ => Period,
    };

    private static SheetCell Cell(SheetRows sheet, SheetRow row, string column) => sheet.Index(column) is var i && i >= 0 ? row.Cells[i] : default;

    private void Problem(SheetRows sheet, SheetRow row, string column, string? problem)
    {
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
        }
    }

    private void Error(SheetRows sheet, SheetRow row, string column, string message) => Errors.Add(new ImportError(sheet.Sheet.Name, row.Number, column, message));
}
