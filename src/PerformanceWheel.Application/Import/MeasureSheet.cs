using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// The Measures sheet: reads each row's cells, then creates or changes the measure through <see cref="MeasureRules"/>,
/// the rules and audit text of the measure form. A column absent from the sheet leaves that attribute as it is.
/// </summary>
internal sealed class MeasureSheet(PerformanceWheelDbContext db, WorkbookContent content, ImportLedger ledger, ImportCatalogue catalogue)
    : SheetCheck(content, ledger, Measures)
{
    public void Check()
    {
        if (Sheet is not { } sheet)
        {
            catalogue.UnresolvedMeasures.UnionWith(CodesOfUnusableSheet());
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Required(row, Code, "Measure code", Lengths.Code);
            if (code is not null)
            {
                Duplicate(row, Code, seen, code, $"The measure {code}");
            }

            var read = Read(sheet, row, code);
            if (Errors.Count > before)
            {
                if (code is not null)
                {
                    catalogue.UnresolvedMeasures.Add(code);
                }

                continue;
            }

            if (!Apply(sheet, row, code!, read))
            {
                catalogue.UnresolvedMeasures.Add(code!);
            }
        }
    }

    // A column absent from the sheet reads as the existing measure has it (docs/import-format.md); blank sets the default.
    private MeasureRow Read(SheetRows sheet, SheetRow row, string? code)
    {
        var existing = code is not null && catalogue.Measures.TryGetValue(code, out var m) ? m : null;
        var title = Required(row, Title, "Measure title", Lengths.Title);
        var directorate = Required(row, ImportFormat.Directorate, "Directorate name", Lengths.Name);
        var segment = Optional(row, ImportFormat.Segment, "Segment code", Lengths.Code);
        if (segment is not null && !catalogue.Segments.ContainsKey(segment) && !catalogue.SegmentCodesOnSheet.Contains(segment))
        {
            Error(row, ImportFormat.Segment, $"There is no segment with the code {segment} in the database or on the Segments sheet.");
        }

        var polarity = Choice(row, ImportFormat.Polarity, ImportCells.Polarity, "Polarity must be Higher is better, Lower is better or Within range.", required: true);
        var unitText = sheet.Has(Unit) ? Optional(row, Unit, "Unit", Lengths.Unit) : existing?.Unit.Label;
        var percentUnit = MeasureUnit.TryParse(unitText, out var unit) && unit.Kind == UnitKind.Percent;
        var frequency = Choice(row, ImportFormat.Frequency, ImportCells.Frequency, "Frequency must be Monthly, Quarterly or Annual.", required: true);
        var aggregation = !sheet.Has(ImportFormat.Aggregation) && existing is not null ? existing.Aggregation
            : Choice(row, ImportFormat.Aggregation, ImportCells.Aggregation, "Aggregation must be Snapshot, Sum, Average or Year to date (or blank for Snapshot).", required: false)
                ?? Domain.Rating.Aggregation.Snapshot;
        var toleranceType = !sheet.Has(ImportFormat.ToleranceType) && existing is not null ? existing.ToleranceType
            : Choice(row, ImportFormat.ToleranceType, ImportCells.ToleranceType, "Tolerance type must be Percent or Absolute (or blank for Percent).", required: false)
                ?? Domain.Rating.ToleranceType.Percent;
        var tolerance = !sheet.Has(ImportFormat.Tolerance) && existing is not null ? existing.ToleranceValue
            : Number(row, ImportFormat.Tolerance, toleranceType == Domain.Rating.ToleranceType.Percent || percentUnit) ?? 0m;
        var steady = !sheet.Has(SteadyThreshold) && existing is not null ? existing.SteadyThreshold : Number(row, SteadyThreshold, percentUnit) ?? 0m;
        var committees = new List<string>();
        if (Optional(row, Committees, "Committees", Lengths.Text) is { } list)
        {
            foreach (var part in list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Length > Lengths.Code)
                {
                    Error(row, Committees, $"Committee code '{part}' is longer than {Lengths.Code} characters; list committee codes separated by commas.");
                }
                else if (!committees.Contains(part, StringComparer.OrdinalIgnoreCase))
                {
                    committees.Add(part);
                }
            }
        }

        var (discontinuedFrom, periodProblem) = ImportCells.Period(Cell(row, DiscontinuedFrom));
        Problem(row, DiscontinuedFrom, periodProblem);
        var description = Optional(row, Description, "Description", Lengths.Text);
        var decimals = WholeNumber(row, DecimalPlaces);
        return new MeasureRow(code, title, directorate, segment, polarity, unitText, frequency, aggregation, toleranceType, tolerance, steady, committees,
            discontinuedFrom, description, decimals);
    }

    /// <summary>Creates or changes the measure of a row whose cells are all readable; false when the rules refused it.</summary>
    private bool Apply(SheetRows sheet, SheetRow row, string code, MeasureRow r)
    {
        var directorate = catalogue.DirectorateNamed(sheet, row, r.Directorate!);
        var committees = r.Committees.Select(c => catalogue.CommitteeCoded(sheet, row, c)).ToList();
        var segment = r.Segment is not null && catalogue.Segments.TryGetValue(r.Segment, out var s) ? s : null;
        catalogue.Measures.TryGetValue(code, out var measure);
        var old = measure is null ? null : FrameworkAudit.Describe(measure);
        var values = new MeasureValues(
            code, r.Title, sheet.Has(Description) ? r.Description : measure?.Description, measure?.DataNotes, r.UnitText, r.DecimalPlaces,
            r.Polarity!.Value, r.Frequency!.Value, r.Aggregation, r.ToleranceType, r.Tolerance, r.SteadyThreshold, directorate,
            sheet.Has(ImportFormat.Segment) ? segment : measure?.Segment,
            sheet.Has(Committees) ? committees : [.. measure?.Committees ?? []],
            Benchmarks: null,
            sheet.Has(DiscontinuedFrom) ? r.DiscontinuedFrom : measure?.DiscontinuedFrom);
        var problems = new List<FieldProblem>();
        var changed = MeasureRules.Apply(measure, values, problems);
        if (changed is null)
        {
            Ledger.Problems(sheet, row, problems);
            return false;
        }

        if (measure is null)
        {
            db.Measures.Add(changed);
            catalogue.Measures[changed.Code] = changed;
        }

        Ledger.Record(sheet, row, Measures, MeasureRules.EntityType, changed.Code, old, FrameworkAudit.Describe(changed), changed.Title, MeasureRules.Action(old, changed));
        return true;
    }

    /// <summary>One row's cells as read (null where a required one was blank or wrong: the row then has an error).</summary>
    private sealed record MeasureRow(
        string? Code,
        string? Title,
        string? Directorate,
        string? Segment,
        Polarity? Polarity,
        string? UnitText,
        Frequency? Frequency,
        Aggregation Aggregation,
        ToleranceType ToleranceType,
        decimal Tolerance,
        decimal SteadyThreshold,
        List<string> Committees,
        ReportingPeriod? DiscontinuedFrom,
        string? Description,
        int? DecimalPlaces);
}
