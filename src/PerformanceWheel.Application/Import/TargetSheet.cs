using PerformanceWheel.Application.Framework;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>The Targets sheet: sets each row's target through <see cref="TargetRules"/>, the rules and audit text of the targets form.</summary>
internal sealed class TargetSheet(WorkbookContent content, ImportLedger ledger, ImportCatalogue catalogue) : SheetCheck(content, ledger, catalogue)
{
    public void Check()
    {
        if (!Usable(Targets, out var sheet))
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Required(sheet, row, Code, "Measure code", Lengths.Code);
            var (year, yearProblem) = ImportCells.Year(Cell(sheet, row, Year));
            Problem(sheet, row, Year, yearProblem ?? (year is null ? "Year is required: a financial year such as 2019/20." : null));
            var (period, periodProblem) = ImportCells.Period(Cell(sheet, row, Period));
            Problem(sheet, row, Period, periodProblem);
            var measure = code is null ? null : Catalogue.MeasureCoded(sheet, row, code);
            var percentUnit = measure?.Unit.Kind == UnitKind.Percent;
            var value = Number(sheet, row, ImportFormat.Target, percentUnit);
            var low = Number(sheet, row, TargetLow, percentUnit);
            var high = Number(sheet, row, TargetHigh, percentUnit);
            if (measure is null || Errors.Count > before)
            {
                continue;
            }

            var scope = period?.Label ?? year!.Value.Label;
            Duplicate(sheet, row, period is null ? Year : Period, seen, $"{measure.Code}|{scope}", $"The target of {measure.Code} for {scope}");
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
