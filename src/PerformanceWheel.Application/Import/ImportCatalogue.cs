using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// What a workbook refers to, loaded in bulk before any row is checked (no query per row): directorates, committees,
/// plans with their rings and segments, the measures named on any sheet (whole, tracked) and the existing figures of
/// the measures and periods on the Outturns sheet (untracked). Directorates and committees the Measures sheet names
/// and the database lacks are created here, audited.
/// </summary>
internal sealed class ImportCatalogue(PerformanceWheelDbContext db, WorkbookContent content, ImportLedger ledger)
{
    public Dictionary<string, Directorate> Directorates { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, Committee> Committees { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The plans, latest first: new rings and segments go in the first that is not retired.</summary>
    public List<Plan> Plans { get; private set; } = [];

    public Dictionary<string, Segment> Segments { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, Measure> Measures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<(Measure, ReportingPeriod), Outturn> Outturns { get; private set; } = [];

    public FigurePeriodRule Periods { get; private set; } = null!;

    // Codes on the Segments and Measures sheets whose rows could not be applied: referring to them is not a second error.
    public HashSet<string> SegmentCodesOnSheet { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> UnresolvedMeasures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task LoadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        Directorates = (await db.Directorates.ToListAsync(cancellationToken))
            .GroupBy(d => d.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Committees = (await db.Committees.ToListAsync(cancellationToken))
            .GroupBy(c => c.Code.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var plans = await db.Plans.Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees).AsSplitQuery().ToListAsync(cancellationToken);
        Plans = [.. plans.Union(db.Plans.Local).OrderByDescending(p => p.LastYear).ThenByDescending(p => p.FirstYear).ThenByDescending(p => p.Id)];
        Periods = FigurePeriodRule.For(Plans.Select(p => (p.FirstYear, p.LastYear)), DateOnly.FromDateTime(at.UtcDateTime));
        Segments = Plans.SelectMany(p => p.Groups).SelectMany(g => g.Segments)
            .GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        await LoadMeasuresAsync(cancellationToken);
        await LoadFiguresAsync(cancellationToken);
    }

    // Measures named anywhere in the workbook, resolved by code (exact case first), then loaded whole in one query.
    private async Task LoadMeasuresAsync(CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { ImportFormat.Measures, Targets, ImportFormat.Outturns })
        {
            if (content.Sheets.TryGetValue(name, out var sheet) && sheet.Has(Code))
            {
                var index = sheet.Index(Code);
                foreach (var row in sheet.Rows)
                {
                    if (row.Cells[index].AsText() is { } text)
                    {
                        codes.Add(text);
                    }
                }
            }
        }

        var known = await db.Measures.AsNoTracking().Select(m => new { m.Id, m.Code }).ToListAsync(cancellationToken);
        var byCode = known.GroupBy(m => m.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Code, StringComparer.Ordinal).First().Id, StringComparer.OrdinalIgnoreCase);
        foreach (var exact in known)
        {
            byCode[exact.Code] = exact.Id;
        }

        var ids = codes.Where(byCode.ContainsKey).Select(c => byCode[c]).Distinct().ToList();
        if (ids.Count > 0)
        {
            var measures = await MeasureCommands.Whole(db.Measures)
                .Where(m => EF.Parameter(ids).Contains(m.Id)).ToListAsync(cancellationToken); // one array parameter: hundreds of expanded ones cost EF seconds per split query
            foreach (var m in measures)
            {
                Measures.TryAdd(m.Code, m);
            }
        }
    }

    // Existing figures for the measures and periods on the Outturns sheet, untracked: a changed one is written by
    // FigureWriter (their Measure navigation stays unset; the rows were checked against their measure already).
    private async Task LoadFiguresAsync(CancellationToken cancellationToken)
    {
        if (!content.Sheets.TryGetValue(ImportFormat.Outturns, out var outturns) || !outturns.Has(Code) || !outturns.Has(Period))
        {
            return;
        }

        var (codeAt, periodAt) = (outturns.Index(Code), outturns.Index(Period));
        var byId = new Dictionary<int, Measure>();
        var periods = new HashSet<ReportingPeriod>();
        foreach (var row in outturns.Rows)
        {
            if (row.Cells[codeAt].AsText() is { } code && Measures.TryGetValue(code, out var m) && ImportCells.Period(row.Cells[periodAt]).Period is { } p)
            {
                byId[m.Id] = m;
                periods.Add(p);
            }
        }

        if (byId.Count > 0)
        {
            var idList = byId.Keys.ToList();
            var periodList = periods.ToList();
            var existing = await db.Outturns.AsNoTracking()
                .Where(o => EF.Parameter(idList).Contains(o.MeasureId) && EF.Parameter(periodList).Contains(o.Period))
                .ToListAsync(cancellationToken);
            Outturns = new Dictionary<(Measure, ReportingPeriod), Outturn>(existing.Count);
            foreach (var o in existing)
            {
                Outturns[(byId[o.MeasureId], o.Period)] = o;
            }
        }
    }

    /// <summary>The measure with a code, or null with an error (once: a code whose Measures row failed is not reported again).</summary>
    public Measure? MeasureCoded(SheetRows sheet, SheetRow row, string code)
    {
        if (Measures.TryGetValue(code, out var measure) && !UnresolvedMeasures.Contains(code))
        {
            return measure;
        }

        if (!UnresolvedMeasures.Contains(code))
        {
            ledger.Error(sheet, row, Code, $"There is no measure with the code {code} in the database or on the Measures sheet.");
        }

        return null;
    }

    public Directorate DirectorateNamed(SheetRows sheet, SheetRow row, string name)
    {
        if (!Directorates.TryGetValue(name.Trim(), out var directorate))
        {
            directorate = new Directorate(name);
            db.Directorates.Add(directorate);
            Directorates[directorate.Name] = directorate;
            ledger.Counts[ImportLedger.Directorates].Created++;
            ledger.Audit("Created", "Directorate", directorate.Name, null, FrameworkAudit.Describe(directorate));
            ledger.Change(sheet.Sheet.Name, row.Number, "Created", $"Directorate {directorate.Name}", "new directorate");
        }

        return directorate;
    }

    public Committee CommitteeCoded(SheetRows sheet, SheetRow row, string committeeCode)
    {
        if (!Committees.TryGetValue(committeeCode, out var committee))
        {
            committee = new Committee(committeeCode, committeeCode);
            db.Committees.Add(committee);
            Committees[committee.Code] = committee;
            ledger.Counts[ImportLedger.Committees].Created++;
            ledger.Audit("Created", "Committee", committee.Code, null, FrameworkAudit.Describe(committee));
            ledger.Change(sheet.Sheet.Name, row.Number, "Created", $"Committee {committee.Code}", "new committee, named by its code");
        }

        return committee;
    }
}
