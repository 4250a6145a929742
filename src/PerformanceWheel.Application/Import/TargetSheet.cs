using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>The Targets sheet: sets each row's target through <see cref="TargetRules"/>, the rules and audit text of the targets form.</summary>
internal sealed class TargetSheet(WorkbookContent content, ImportLedger ledger, ImportCatalogue catalogue) : SheetCheck(content, ledger, Targets)
{
    public void Check()
    {
        if (Sheet is not { } sheet)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Required(row, Code, "Measure code", Lengths.Code);
            var (year, yearProblem) = ImportCells.Year(Cell(row, Year));
            Problem(row, Year, yearProblem ?? (year is null ? "Year is required: a financial year such as 2019/20." : null));
            var (period, periodProblem) = ImportCells.Period(Cell(row, Period));
            Problem(row, Period, periodProblem);
            var measure = code is null ? null : catalogue.MeasureCoded(sheet, row, code);
            var percentUnit = measure?.Unit.Kind == UnitKind.Percent;
            var value = Number(row, ImportFormat.Target, percentUnit);
            var low = Number(row, TargetLow, percentUnit);
            var high = Number(row, TargetHigh, percentUnit);
            if (measure is null || Errors.Count > before)
            {
                continue;
            }

            var scope = period?.Label ?? year!.Value.Label;
            Duplicate(row, period is null ? Year : Period, seen, $"{measure.Code}|{scope}", $"The target of {measure.Code} for {scope}");
            var problems = new List<FieldProblem>();
            TargetRules.Check(measure, year, period, value, low, high, problems);
            Ledger.Problems(sheet, row, problems);
            if (Errors.Count > before)
            {
                continue;
            }

            var set = TargetRules.Set(measure, year!.Value, period, value, low, high, Ledger.User, Ledger.At, problems);
            if (set is not { } done)
            {
                Ledger.Problems(sheet, row, problems);
                continue;
            }

            var counter = Ledger.Counts[Targets];
            if (done.Audit is not { } audit)
            {
                counter.Unchanged++;
                continue;
            }

            if (audit.Action == "Created")
            {
                counter.Created++;
            }
            else
            {
                counter.Updated++;
            }

            Ledger.Audit(audit);
            Ledger.Change(Targets, row.Number, audit.Action, $"{measure.Code} {scope}", audit.Changes![$"Target {scope}: ".Length..]);
        }
    }
}
