using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The Outturns sheet: checks each figure against its measure and period and records it through the outturn's own
/// methods, keeping new and changed figures and their revisions aside for <see cref="FigureWriter"/> (not tracked).
/// Imported figures are Published in historical mode, else Draft; only an Admin's historical import changes a locked one.
/// </summary>
internal sealed class OutturnSheet(
    WorkbookContent content, ImportLedger ledger, ImportCatalogue catalogue, FigureWriter figures, ImportRequest request, ImportMode mode, IProgress<ImportProgress>? progress)
    : SheetCheck(content, ledger, Outturns)
{
    private int _checked;

    public void Check(CancellationToken cancellationToken)
    {
        if (Sheet is not { } sheet)
        {
            return;
        }

        var (codeAt, periodAt, valueAt, statusAt, provisionalAt, commentaryAt) =
            (sheet.Index(Code), sheet.Index(Period), sheet.Index(Value), sheet.Index(Status), sheet.Index(Provisional), sheet.Index(Commentary));
        var seen = new Dictionary<(Measure, ReportingPeriod), int>();
        var counter = Ledger.Counts[Outturns];
        var historical = mode == ImportMode.Historical;
        foreach (var row in sheet.Rows)
        {
            if (++_checked % 5_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress("Checking", _checked));
            }

            var before = Errors.Count;
            var code = Required(row, Code, "Measure code", Lengths.Code);
            var (period, periodProblem) = ImportCells.Period(row.Cells[periodAt]);
            Problem(row, Period, periodProblem ?? (period is null ? "Period is required: 2019/20 Q2, Sep-19, 2019-09 or 2019/20." : null));
            var measure = code is null ? null : catalogue.MeasureCoded(sheet, row, code);
            var (value, valueProblem) = ImportCells.Number(valueAt < 0 ? default : row.Cells[valueAt], measure?.Unit.Kind == UnitKind.Percent);
            Problem(row, Value, valueProblem);
            OutturnStatus? status = null;
            if (statusAt >= 0 && ImportCells.Text(row.Cells[statusAt]) is var (statusText, statusProblem))
            {
                Problem(row, Status, statusProblem);
                if (!OutturnStatusText.TryParse(statusText, out status))
                {
                    Error(row, Status, OutturnStatusText.NotAStatus(statusText!));
                }
            }

            var (provisional, provisionalProblem) = provisionalAt < 0 ? (false, null) : ImportCells.YesNo(row.Cells[provisionalAt]);
            Problem(row, Provisional, provisionalProblem);
            string? commentary = null;
            if (commentaryAt >= 0)
            {
                var (text, textProblem) = ImportCells.Text(row.Cells[commentaryAt]);
                Problem(row, Commentary, textProblem);
                commentary = Checked(row, Commentary, () => Guard.Optional(text, "Commentary", Lengths.Text));
            }

            if (value.HasValue && status.HasValue)
            {
                Error(row, Value, "Value must be blank when Status is set.");
            }

            if (measure is null || period is not { } p || Errors.Count > before)
            {
                continue;
            }

            if (catalogue.Periods.Problem(measure, p) is { } outsideItsPeriods)
            {
                Error(row, Period, outsideItsPeriods);
                continue;
            }

            if (value is { } v && measure.ValidateValue(v) is { } unitProblem)
            {
                Error(row, Value, unitProblem);
                continue;
            }

            if (!value.HasValue && !status.HasValue)
            {
                if (commentary is not null || provisional)
                {
                    Error(row, Value, OutturnStatusText.OneNeeded);
                }
                else
                {
                    counter.Skipped++; // a row of a collection workbook nobody filled in
                }

                continue;
            }

            if (seen.TryGetValue((measure, p), out var first))
            {
                Error(row, Period, $"{measure.Code} {p.Label} is on this sheet twice (also row {first}); keep one row.");
                continue;
            }

            seen[(measure, p)] = row.Number;
            ApplyOutturn(sheet, row, measure, p, value, status, provisional, commentary, historical, counter);
        }
    }

    private void ApplyOutturn(
        SheetRows sheet, SheetRow row, Measure measure, ReportingPeriod period, decimal? value, OutturnStatus? status, bool provisional, string? commentary,
        bool historical, ImportCounter counter)
    {
        var key = $"{measure.Code} {period.Label}";
        try
        {
            if (!catalogue.Outturns.TryGetValue((measure, period), out var outturn))
            {
                outturn = measure.NewOutturn(period);
                if (historical)
                {
                    outturn.Record(value, status, provisional, commentary, Ledger.User, Ledger.At);
                    outturn.PublishHistorical(Ledger.User, Ledger.At);
                }
                else
                {
                    outturn.Enter(value, status, provisional, commentary, RevisionKind.Import, RevisionReason, Ledger.User, Ledger.At);
                }

                figures.NewOutturns.Add(outturn);
                catalogue.Outturns[(measure, period)] = outturn;
                counter.Created++;
                Ledger.Change(Outturns, row.Number, "Created", key, Figure(value, status) + (historical ? ", published" : ", draft"));
                return;
            }

            var sameFigure = outturn.Value == value && outturn.Status == status;
            var same = sameFigure && outturn.IsProvisional == provisional && (outturn.Commentary ?? string.Empty) == (commentary ?? string.Empty);
            var publish = historical && outturn.State != WorkflowState.Published;
            if (same && !publish)
            {
                counter.Unchanged++;
                return;
            }

            var locked = outturn.State is WorkflowState.Submitted or WorkflowState.Approved or WorkflowState.Published;
            if (locked && !(historical && request.IsAdmin))
            {
                Error(row, Value, $"{key} is {outturn.State.InSentence()} and locked; only an Admin importing in historical mode can change it.");
                return;
            }

            var (oldValue, oldStatus, version) = (outturn.Value, outturn.Status, outturn.Version);
            if (!same)
            {
                if (outturn.State == WorkflowState.Published)
                {
                    outturn.Correct(value, status, provisional, commentary, RevisionReason, Ledger.User, Ledger.At);
                }
                else if (historical)
                {
                    outturn.Record(value, status, provisional, commentary, Ledger.User, Ledger.At);
                }
                else
                {
                    // A draft import enters the figure as the grid and the API do (FigureEntry): the same checks, and a
                    // returned figure that changes becomes a draft again. The revision is kept below, with the bulk writes.
                    outturn.Enter(value, status, provisional, commentary, RevisionKind.Import, RevisionReason, Ledger.User, Ledger.At);
                }
            }

            if (publish)
            {
                outturn.PublishHistorical(Ledger.User, Ledger.At);
            }

            figures.ChangedOutturns.Add(new ChangedOutturn(outturn, version));
            if (!sameFigure)
            {
                figures.NewRevisions.Add(new OutturnRevision(outturn, oldValue, oldStatus, RevisionKind.Import, RevisionReason, Ledger.User, Ledger.At));
                Ledger.Revisions++;
            }

            counter.Updated++;
            var detail = sameFigure ? (same ? "published" : "provisional flag or commentary changed") : $"{Figure(oldValue, oldStatus)} → {Figure(value, status)}";
            Ledger.Change(Outturns, row.Number, "Updated", key, publish && !same ? detail + ", published" : detail);
        }
        catch (DomainException e)
        {
            Error(row, ImportColumns.For(Outturns, e.Field), e.Message);
        }
    }

    private static string Figure(decimal? value, OutturnStatus? status) => value is { } v ? ImportCells.Show(v) : OutturnStatusText.Label(status);
}
