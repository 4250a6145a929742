using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using PerformanceWheel.Reporting.Packs;
using F = PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Reporting.Excel;

/// <summary>
/// Workbooks in the import format (docs/import-format.md), written with <see cref="XlsxWriter"/> (text that looks like a
/// formula stays text): the empty template with an Instructions sheet; a directorate's outturn collection workbook for a
/// quarter (its measures due, the previous two figures and the targets, with empty Value, Status, Provisional and
/// Commentary columns) that a service fills in and an officer uploads back; and a full export of some directorates'
/// framework and figures (the example workbook in docs/examples).
/// </summary>
public sealed class ImportWorkbooks(IDbContextFactory<PerformanceWheelDbContext> contexts, OutturnWorkflow workflow)
{
    private const string General = "General";

    /// <summary>The empty workbook: Instructions, then every sheet of the format with its headers.</summary>
    public static PackFile Template()
    {
        var sheets = new List<XlsxSheet> { Instructions(null) };
        sheets.AddRange(F.Sheets.Select(s => Empty(s)));
        return new PackFile("import-template.xlsx", ExportBuilder.ContentType, XlsxWriter.Write(sheets));
    }

    /// <summary>A directorate's collection workbook for a quarter (a month or "2019/20" means its quarter, the year its Q4).</summary>
    public async Task<PackFile> CollectionAsync(string directorate, string? periodText, CancellationToken cancellationToken = default)
    {
        if (!ReportingPeriod.TryParse(periodText, out var period))
        {
            throw new PackNotFoundException($"'{periodText}' is not a period; use a quarter such as 2019/20 Q2.");
        }

        var quarter = period.Kind == PeriodKind.Year ? ReportingPeriod.ForQuarter(period.Year, 4) : period.Quarter;
        var grid = await workflow.GridAsync(directorate, quarter, cancellationToken)
            ?? throw new PackNotFoundException($"There is no directorate '{directorate}'.");
        var codes = grid.Rows.Select(r => r.Measure.Code).Distinct().ToList();
        var measures = await LoadAsync(m => codes.Contains(m.Code), cancellationToken);

        var columns = new List<XlsxColumn>
        {
            new(F.Code, 14), new("Measure", 48), new(F.Period, 12), new("Unit", 10), new("Polarity", 15),
            new("Target", 10), new("Target low", 10), new("Target high", 10),
            new("Period before previous", 12), new("Value before previous", 12), new("Previous period", 12), new("Previous value", 12),
            new("Saved figure", 12), new("Saved state", 11),
            new(F.Value, 12), new(F.Status, 9), new(F.Provisional, 11), new(F.Commentary, 60),
        };
        var rows = grid.Rows.Select(r => (IReadOnlyList<XlsxCell>)
        [
            r.Measure.Code, r.Measure.Title, r.Period.Label, r.Measure.Unit.Label, PolarityText(r.Measure.Polarity),
            Number(r.Target?.Value), Number(r.Target?.Low), Number(r.Target?.High),
            r.Period.Previous.Previous.Label, Number(r.ValueBefore), r.Period.Previous.Label, Number(r.PreviousValue),
            r.Outturn is { } o ? (o.Value is { } v ? Number(v) : ImportCellsText(o.Status)) : XlsxCell.Empty,
            r.Outturn?.State.ToString(),
            XlsxCell.Empty, XlsxCell.Empty, XlsxCell.Empty, XlsxCell.Empty,
        ]).ToList();

        var sheets = new List<XlsxSheet>
        {
            Instructions($"{grid.Directorate.Name}, {quarter.Label}"),
            new(F.Outturns, columns, rows),
            MeasuresSheet(measures),
            TargetsSheet(measures, t => t.Year == quarter.Year),
        };
        return new PackFile($"Collection-{PackBuilder.Slug(grid.Directorate.Name)}-{PackBuilder.Slug(quarter.Label)}.xlsx", ExportBuilder.ContentType, XlsxWriter.Write(sheets));
    }

    /// <summary>Everything of some directorates (their segments, measures, targets and figures of the years given), in the import format.</summary>
    public async Task<PackFile> ExportAsync(IReadOnlyCollection<string> directorates, FinancialYear from, FinancialYear to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directorates);
        var names = directorates.ToList();
        var measures = await LoadAsync(m => names.Contains(m.Directorate.Name), cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = measures.Select(m => m.Id).ToList();
        var outturns = (await db.Outturns.AsNoTracking().Where(o => ids.Contains(o.MeasureId)).ToListAsync(cancellationToken))
            .Where(o => o.Period.Year >= from && o.Period.Year <= to)
            .ToList();
        var byId = measures.ToDictionary(m => m.Id);
        var segments = measures.Where(m => m.Segment is not null).Select(m => m.Segment!).DistinctBy(s => s.Id).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var groupIds = segments.Select(s => s.GroupId).Distinct().ToList();
        var groups = await db.SegmentGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);

        var sheets = new List<XlsxSheet>
        {
            Instructions(string.Join(", ", names)),
            new(F.Segments, Columns(F.SegmentsSheet), segments.Select(s => (IReadOnlyList<XlsxCell>)
                [s.Code, s.Title, groups.TryGetValue(s.GroupId, out var g) ? g.Name : null, XlsxCell.Of(s.Order)]).ToList()),
            MeasuresSheet(measures),
            TargetsSheet(measures, t => t.Year >= from && t.Year <= to),
            new(F.Outturns, Columns(F.OutturnsSheet), outturns
                .OrderBy(o => byId[o.MeasureId].Code, StringComparer.Ordinal).ThenBy(o => o.Period)
                .Select(o => (IReadOnlyList<XlsxCell>)
                [
                    byId[o.MeasureId].Code, o.Period.Label, Number(o.Value), ImportCellsText(o.Status), o.IsProvisional ? "Y" : "N", o.Commentary,
                ]).ToList()),
        };
        return new PackFile($"Import-{PackBuilder.Slug(string.Join(" ", names))}.xlsx", ExportBuilder.ContentType, XlsxWriter.Write(sheets));
    }

    private async Task<List<Measure>> LoadAsync(System.Linq.Expressions.Expression<Func<Measure, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Committees).Include(m => m.Targets)
            .AsSplitQuery().Where(which).ToListAsync(cancellationToken);
        return [.. measures.OrderBy(m => m.Code, StringComparer.Ordinal)];
    }

    private static XlsxSheet MeasuresSheet(IEnumerable<Measure> measures) =>
        new(F.Measures, Columns(F.MeasuresSheet), measures.Select(m => (IReadOnlyList<XlsxCell>)
        [
            m.Code, m.Title, m.Directorate.Name, m.Segment?.Code, PolarityText(m.Polarity), m.Unit.Label, m.Frequency.ToString(), AggregationText(m.Aggregation),
            Number(m.ToleranceValue), m.ToleranceType.ToString(), Number(m.SteadyThreshold),
            string.Join(", ", m.Committees.Select(c => c.Code).Order(StringComparer.Ordinal)), m.DiscontinuedFrom?.Label, m.Description,
            XlsxCell.Of(m.DecimalPlaces),
        ]).ToList());

    private static XlsxSheet TargetsSheet(IEnumerable<Measure> measures, Func<MeasureTarget, bool> which) =>
        new(F.Targets, Columns(F.TargetsSheet), measures
            .SelectMany(m => m.Targets.Where(which).OrderBy(t => t.Year).ThenBy(t => t.Period).Select(t => (m, t)))
            .Select(x => (IReadOnlyList<XlsxCell>)
            [
                x.m.Code, x.t.Year.Label, Number(x.t.Value), Number(x.t.Low), Number(x.t.High), x.t.Period?.Label,
            ]).ToList());

    private static XlsxSheet Empty(ImportSheet sheet) => new(sheet.Name, Columns(sheet), []);

    private static List<XlsxColumn> Columns(ImportSheet sheet) =>
        [.. sheet.Columns.Select(c => new XlsxColumn(c.Name, c.Name is F.Title or F.Description or F.Commentary or F.Name or F.AreasOfSuccess or F.AreasOfConcern or F.NextFocus or F.Milestone ? 48 : Math.Max(12, c.Name.Length + 4)))];

    /// <summary>What each sheet and column means, from the format itself.</summary>
    private static XlsxSheet Instructions(string? about)
    {
        var rows = new List<IReadOnlyList<XlsxCell>>();
        void Line(string? a, string? b = null, string? c = null) => rows.Add([a, b, c]);
        if (about is not null)
        {
            Line("Outturn collection workbook", about);
            Line("Fill in", "On the Outturns sheet fill in Value (or Status TBC or N/A when there is no figure), Provisional (Y or N) and Commentary for each row. Rows left blank are skipped.");
            Line("Reference columns", "Measure, Unit, Polarity, the targets, the previous figures and the saved figure are there to help; they are not imported.");
            Line("Measures and Targets", "These sheets hold the measures' current definitions and targets. They are imported too: leave them as they are unless a change is intended.");
            Line(null);
        }

        Line("Format", "Row 1 of each sheet is its header; headers are matched ignoring case and surrounding spaces; other columns and sheets are ignored; blank rows are skipped. Required columns are marked *.");
        Line("Values", "Values are in the measure's unit as people read them: 84.8 means 84.8%. A cell formatted as a percentage (0.848) is read as 84.8 for a % measure. Formulas are read by their calculated value.");
        Line("All or nothing", "The whole workbook is checked first; if anything is wrong nothing is imported and every problem is listed with its sheet, row and column.");
        Line("A new council", "One workbook can set a council up: Plans, then Rings naming the plan, Segments naming the rings, Measures (directorates are created), Targets, Outturns, Projects, ProjectUpdates and the finance sheets. Users, committee names and the rating scheme are set in the app.");
        Line(null);
        foreach (var sheet in F.Sheets)
        {
            Line(sheet.Name + (sheet.Required ? string.Empty : " (optional)"), sheet.Purpose);
            foreach (var column in sheet.Columns)
            {
                Line(null, column.Name + (column.Required ? " *" : string.Empty), column.Accepts);
            }
        }

        return new XlsxSheet(F.Instructions, [new XlsxColumn(F.Instructions, 28), new XlsxColumn(string.Empty, 40), new XlsxColumn(string.Empty, 110)], rows);
    }

    private static XlsxCell Number(decimal? value) => XlsxCell.Of(value, General);

    private static string PolarityText(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "Higher is better",
        Polarity.LowerIsBetter => "Lower is better",
        _ => "Within range",
    };

    private static string AggregationText(Aggregation aggregation) => aggregation == Aggregation.YearToDate ? "Year to date" : aggregation.ToString();

    private static XlsxCell ImportCellsText(OutturnStatus? status) => status is { } s ? OutturnStatusText.Label(s) : XlsxCell.Empty;
}
