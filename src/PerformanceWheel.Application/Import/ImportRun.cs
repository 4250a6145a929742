using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// One validation or import: loads what the workbook refers to in bulk (no query per row), then applies every row
/// through the domain's own methods, collecting an error for each cell that is wrong. Framework changes (segments,
/// measures, targets, directorates, committees, audit entries) are tracked entities; figures (outturns and their
/// revisions), which can be tens of thousands, are kept aside untracked and written in bulk by
/// <see cref="WriteFiguresAsync"/>. The caller saves (one transaction) only when there is no error; otherwise the
/// context is thrown away.
/// </summary>
internal sealed class ImportRun(
    PerformanceWheelDbContext db, ImportRequest request, ImportMode mode, DateTimeOffset at, ImportOptions limits, WorkbookContent content, IProgress<ImportProgress>? progress)
{
    private const string Rings = "Rings";
    private const string DirectoratesCount = "Directorates";
    private const string CommitteesCount = "Committees";

    private readonly Dictionary<string, Counter> _counts = new[] { Segments, Measures, Targets, Outturns, DirectoratesCount, CommitteesCount, Rings }
        .ToDictionary(k => k, k => new Counter(), StringComparer.Ordinal);

    private readonly Dictionary<string, int> _rowsRead = new(StringComparer.Ordinal);
    private readonly List<ImportError> _warnings = [];
    private readonly List<ImportChange> _changes = [];
    private int _notListed;
    private int _revisions;
    private int _checked;

    private Dictionary<string, Directorate> _directorates = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Committee> _committees = new(StringComparer.OrdinalIgnoreCase);
    private List<Plan> _plans = [];
    private Dictionary<string, Segment> _segments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Measure> _measures = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<(Measure, ReportingPeriod), Outturn> _outturns = [];
    private FigurePeriodRule _periods = null!;

    // Figures to write: the outturns' rows are written in bulk after the framework (see WriteFiguresAsync), not tracked by EF.
    private readonly List<Outturn> _newOutturns = [];
    private readonly List<(Outturn Outturn, int OriginalVersion)> _changedOutturns = [];
    private readonly List<OutturnRevision> _newRevisions = [];

    // Codes on the Segments and Measures sheets whose rows could not be applied: referring to them is not a second error.
    private readonly HashSet<string> _segmentCodesOnSheet = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unresolvedMeasures = new(StringComparer.OrdinalIgnoreCase);

    public List<ImportError> Errors { get; } = [.. content.Errors];

    private string User => request.UserName;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _directorates = (await db.Directorates.ToListAsync(cancellationToken))
            .GroupBy(d => d.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        _committees = (await db.Committees.ToListAsync(cancellationToken))
            .GroupBy(c => c.Code.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        _plans = await db.Plans.Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees).AsSplitQuery().ToListAsync(cancellationToken);
        _plans = [.. _plans.Union(db.Plans.Local).OrderByDescending(p => p.LastYear).ThenByDescending(p => p.FirstYear).ThenByDescending(p => p.Id)];
        _periods = FigurePeriodRule.For(_plans.Select(p => (p.FirstYear, p.LastYear)), DateOnly.FromDateTime(at.UtcDateTime));
        _segments = _plans.SelectMany(p => p.Groups).SelectMany(g => g.Segments)
            .GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        // Measures named anywhere in the workbook, resolved by code (exact case first), then loaded whole in one query.
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { Measures, Targets, Outturns })
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
            var measures = await db.Measures.Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Committees)
                .Include(m => m.Benchmarks).Include(m => m.Targets).AsSplitQuery()
                .Where(m => EF.Parameter(ids).Contains(m.Id)).ToListAsync(cancellationToken); // one array parameter: hundreds of expanded ones cost EF seconds per split query
            foreach (var m in measures)
            {
                _measures.TryAdd(m.Code, m);
            }
        }

        // Existing figures for the measures and periods on the Outturns sheet, untracked: a changed one is written by
        // WriteFiguresAsync (their Measure navigation stays unset; the rows were checked against their measure already).
        if (content.Sheets.TryGetValue(Outturns, out var outturns) && outturns.Has(Code) && outturns.Has(Period))
        {
            var (codeAt, periodAt) = (outturns.Index(Code), outturns.Index(Period));
            var byId = new Dictionary<int, Measure>();
            var periods = new HashSet<ReportingPeriod>();
            foreach (var row in outturns.Rows)
            {
                if (row.Cells[codeAt].AsText() is { } code && _measures.TryGetValue(code, out var m) && ImportCells.Period(row.Cells[periodAt]).Period is { } p)
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
                _outturns = new Dictionary<(Measure, ReportingPeriod), Outturn>(existing.Count);
                foreach (var o in existing)
                {
                    _outturns[(byId[o.MeasureId], o.Period)] = o;
                }
            }
        }
    }

    /// <summary>
    /// Writes the figures kept aside by the check: new outturns, changed ones (guarded by their version, as EF would)
    /// and the revisions of changed figures. Call inside the transaction, after SaveChanges has given new measures their
    /// ids. A figure changed or added by someone else meanwhile throws a <see cref="DbUpdateException"/>.
    /// </summary>
    public async Task WriteFiguresAsync(CancellationToken cancellationToken)
    {
        if (_newOutturns.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.NewFigures");
            var writer = new BulkWriter<Outturn>(db, nameof(Outturn.MeasureId), nameof(Outturn.Period), nameof(Outturn.Value), nameof(Outturn.Status),
                nameof(Outturn.IsProvisional), nameof(Outturn.Commentary), nameof(Outturn.State), nameof(Outturn.UpdatedBy), nameof(Outturn.UpdatedAt), nameof(Outturn.Version),
                nameof(Outturn.CommentaryBy), nameof(Outturn.CommentaryAt));
            await writer.InsertAsync(_newOutturns, static (o, v) =>
            {
                (v[0], v[1], v[2], v[3], v[4]) = (o.Measure.Id, o.Period, o.Value, o.Status, o.IsProvisional);
                (v[5], v[6], v[7], v[8], v[9]) = (o.Commentary, o.State, o.UpdatedBy, o.UpdatedAt, o.Version);
                (v[10], v[11]) = (o.CommentaryBy, o.CommentaryAt);
            }, cancellationToken);
        }

        if (_changedOutturns.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.ChangedFigures");
            var writer = new BulkWriter<Outturn>(db, nameof(Outturn.Value), nameof(Outturn.Status), nameof(Outturn.IsProvisional), nameof(Outturn.Commentary),
                nameof(Outturn.State), nameof(Outturn.UpdatedBy), nameof(Outturn.UpdatedAt), nameof(Outturn.Version), nameof(Outturn.CommentaryBy), nameof(Outturn.CommentaryAt));
            await writer.UpdateAsync(_changedOutturns, nameof(Outturn.Id), nameof(Outturn.Version), static (c, v) =>
            {
                var o = c.Outturn;
                (v[0], v[1], v[2], v[3], v[4]) = (o.Value, o.Status, o.IsProvisional, o.Commentary, o.State);
                (v[5], v[6], v[7], v[8], v[9]) = (o.UpdatedBy, o.UpdatedAt, o.Version, o.CommentaryBy, o.CommentaryAt);
                (v[10], v[11]) = (o.Id, c.OriginalVersion);
            }, cancellationToken);
        }

        if (_newRevisions.Count > 0)
        {
            using var trace = WorkbookImporter.Trace.StartActivity("Import.Write.Revisions");
            var writer = new BulkWriter<OutturnRevision>(db, nameof(OutturnRevision.OutturnId), nameof(OutturnRevision.Period), nameof(OutturnRevision.OldValue),
                nameof(OutturnRevision.OldStatus), nameof(OutturnRevision.NewValue), nameof(OutturnRevision.NewStatus), nameof(OutturnRevision.Kind),
                nameof(OutturnRevision.Reason), nameof(OutturnRevision.ChangedBy), nameof(OutturnRevision.ChangedAt));
            await writer.InsertAsync(_newRevisions, static (r, v) =>
            {
                (v[0], v[1], v[2], v[3], v[4]) = (r.Outturn.Id, r.Period, r.OldValue, r.OldStatus, r.NewValue);
                (v[5], v[6], v[7], v[8], v[9]) = (r.NewStatus, r.Kind, r.Reason, r.ChangedBy, r.ChangedAt);
            }, cancellationToken);
        }
    }

    public void Check(CancellationToken cancellationToken)
    {
        CheckSegments();
        CheckMeasures();
        CheckTargets();
        CheckOutturns(cancellationToken);

        // The rows are not needed any more (what is written is kept aside): let them go before writing; keep their counts.
        foreach (var (name, sheet) in content.Sheets)
        {
            _rowsRead[name] = sheet.Rows.Count;
            sheet.Rows.Clear();
            sheet.Rows.TrimExcess();
        }
    }

    public IReadOnlyList<ImportError> SortedErrors() =>
        [.. Errors.Select((e, i) => (e, i))
            .OrderBy(x => SheetOrder(x.e.Sheet)).ThenBy(x => x.e.Row ?? 0).ThenBy(x => ColumnOrder(x.e.Sheet, x.e.Column)).ThenBy(x => x.i)
            .Select(x => x.e)];

    public ImportReport Report(bool applied)
    {
        var counts = _counts.Select(kv => new ImportCount(kv.Key, RowsOf(kv.Key), kv.Value.Created, kv.Value.Updated, kv.Value.Unchanged, kv.Value.Skipped)).ToList();
        return new ImportReport(mode, applied, [], _warnings, counts, _changes, _notListed, _revisions);
    }

    /// <summary>One audit entry for the import as a whole (framework changes have their own; changed figures their revisions).</summary>
    public void AuditImport()
    {
        var parts = new List<string> { $"Mode: {mode.ToString().ToLowerInvariant()}" };
        foreach (var (what, c) in _counts)
        {
            if (c.Created + c.Updated + c.Unchanged + c.Skipped > 0)
            {
                parts.Add($"{what}: {c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged{(c.Skipped > 0 ? $", {c.Skipped} left blank" : string.Empty)}");
            }
        }

        parts.Add($"{_revisions} figure revision(s)");
        var key = string.IsNullOrWhiteSpace(request.FileName) ? "workbook" : request.FileName.Trim();
        db.AuditEntries.Add(new AuditEntry(User, at, "Imported", "Workbook import", Shorten(key, Lengths.Label), string.Join("; ", parts)));
    }

    // ----- Segments -----

    private void CheckSegments()
    {
        if (!Usable(Segments, out var sheet))
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Required(sheet, row, Code, "Segment code", Lengths.Code);
            var title = Required(sheet, row, Name, "Segment title", Lengths.Title);
            var groupName = Required(sheet, row, Group, "Group name", Lengths.Name);
            var (order, orderProblem) = ImportCells.WholeNumber(Cell(sheet, row, Order));
            Problem(sheet, row, Order, orderProblem);
            if (code is not null)
            {
                _segmentCodesOnSheet.Add(code);
                Duplicate(sheet, row, Code, seen, code, $"The segment {code}");
            }

            if (Errors.Count > before)
            {
                continue;
            }

            var group = FindGroup(groupName!);
            if (_segments.TryGetValue(code!, out var segment))
            {
                if (!segment.Group.Name.Trim().Equals(groupName!.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    Error(sheet, row, Group, $"The segment {segment.Code} is in the ring '{segment.Group.Name}'; an import cannot move a segment to another ring.");
                    continue;
                }

                var old = FrameworkAdministration.Describe(segment);
                segment.Edit(title!, segment.Lead, order ?? segment.Order);
                Record(sheet, row, Segments, "Segment", segment.Code, old, FrameworkAdministration.Describe(segment), null);
                continue;
            }

            group ??= CreateGroup(sheet, row, groupName!);
            if (group is null)
            {
                continue;
            }

            segment = group.AddSegment(code!, title!, null, order ?? (group.Segments.Count == 0 ? 1 : group.Segments.Max(s => s.Order) + 1));
            _segments[segment.Code] = segment;
            Record(sheet, row, Segments, "Segment", segment.Code, null, FrameworkAdministration.Describe(segment), $"{segment.Title} (ring {group.Name})");
        }
    }

    // New segments and rings go in the current (not retired) plans, the latest first; a retired plan is kept as it was.
    private SegmentGroup? FindGroup(string name) =>
        _plans.Where(p => !p.IsRetired).SelectMany(p => p.Groups).FirstOrDefault(g => g.Name.Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    private SegmentGroup? CreateGroup(SheetRows sheet, SheetRow row, string name)
    {
        var plan = _plans.FirstOrDefault(p => !p.IsRetired);
        if (plan is null)
        {
            Error(sheet, row, Group, _plans.Count == 0
                ? $"There is no ring named '{name}' and no plan to add it to: create the plan first (Framework › Plans, rings and segments › Add a plan)."
                : $"There is no ring named '{name}' and every plan is retired: add a plan for the current council term first (Framework › Plans, rings and segments › Add a plan).");
            return null;
        }

        var group = plan.AddGroup(name.Trim(), plan.Groups.Count == 0 ? 1 : plan.Groups.Max(g => g.Order) + 1);
        _counts[Rings].Created++;
        Audit("Created", "Segment group", group.Name, null, FrameworkAdministration.Describe(group));
        Change(sheet.Sheet.Name, row.Number, "Created", $"Ring {group.Name}", $"in {plan.Name}");
        return group;
    }

    // ----- Measures -----

    private void CheckMeasures()
    {
        if (!Usable(Measures, out var sheet))
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var before = Errors.Count;
            var code = Required(sheet, row, Code, "Measure code", Lengths.Code);
            if (code is not null)
            {
                Duplicate(sheet, row, Code, seen, code, $"The measure {code}");
            }

            var title = Required(sheet, row, Title, "Measure title", Lengths.Title);
            var directorateName = Required(sheet, row, ImportFormat.Directorate, "Directorate name", Lengths.Name);
            var segmentCode = Optional(sheet, row, ImportFormat.Segment, "Segment code", Lengths.Code);
            if (segmentCode is not null && !_segments.ContainsKey(segmentCode) && !_segmentCodesOnSheet.Contains(segmentCode))
            {
                Error(sheet, row, ImportFormat.Segment, $"There is no segment with the code {segmentCode} in the database or on the Segments sheet.");
            }

            var polarity = Choice(sheet, row, ImportFormat.Polarity, ImportCells.Polarity, "Polarity must be Higher is better, Lower is better or Within range.", required: true);
            var unitText = Optional(sheet, row, Unit, "Unit", Lengths.Unit);
            if (!MeasureUnit.TryParse(unitText, out var unit))
            {
                unit = MeasureUnit.Number;
                _warnings.Add(new ImportError(Measures, row.Number, Unit,
                    $"The unit '{unitText}' is not one the app rates by (%, number, count, £, £m, days, per N); {code} is kept as a plain number."));
            }

            var frequency = Choice(sheet, row, ImportFormat.Frequency, ImportCells.Frequency, "Frequency must be Monthly, Quarterly or Annual.", required: true);
            var aggregation = Choice(sheet, row, ImportFormat.Aggregation, ImportCells.Aggregation, "Aggregation must be Snapshot, Sum, Average or Year to date (or blank for Snapshot).", required: false)
                ?? Domain.Rating.Aggregation.Snapshot;
            var toleranceType = Choice(sheet, row, ImportFormat.ToleranceType, ImportCells.ToleranceType, "Tolerance type must be Percent or Absolute (or blank for Percent).", required: false)
                ?? Domain.Rating.ToleranceType.Percent;
            var percentUnit = unit.Kind == UnitKind.Percent;
            var toleranceValue = Number(sheet, row, ImportFormat.Tolerance, toleranceType == Domain.Rating.ToleranceType.Percent || percentUnit) ?? 0m;
            Domain.Rating.Tolerance? tolerance = null;
            try
            {
                tolerance = Domain.Rating.Tolerance.Create(toleranceType, toleranceValue);
            }
            catch (DomainException e)
            {
                Error(sheet, row, ImportFormat.Tolerance, e.Message);
            }

            var steady = Number(sheet, row, SteadyThreshold, percentUnit) ?? 0m;
            if (steady < 0)
            {
                Error(sheet, row, SteadyThreshold, "Steady threshold must be zero or more.");
            }

            var committeeCodes = new List<string>();
            if (Optional(sheet, row, Committees, "Committees", Lengths.Text) is { } list)
            {
                foreach (var part in list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (part.Length > Lengths.Code)
                    {
                        Error(sheet, row, Committees, $"Committee code '{part}' is longer than {Lengths.Code} characters; list committee codes separated by commas.");
                    }
                    else if (!committeeCodes.Contains(part, StringComparer.OrdinalIgnoreCase))
                    {
                        committeeCodes.Add(part);
                    }
                }
            }

            var (discontinuedFrom, periodProblem) = ImportCells.Period(Cell(sheet, row, DiscontinuedFrom));
            Problem(sheet, row, DiscontinuedFrom, periodProblem);
            var description = Optional(sheet, row, Description, "Description", Lengths.Text);
            if (Errors.Count > before)
            {
                if (code is not null)
                {
                    _unresolvedMeasures.Add(code);
                }

                continue;
            }

            var failures = Errors.Count;
            ApplyMeasure(sheet, row, code!, title!, directorateName!, segmentCode, polarity!.Value, unit, frequency!.Value, aggregation, tolerance!.Value, steady,
                committeeCodes, discontinuedFrom, description);
            if (Errors.Count > failures)
            {
                _unresolvedMeasures.Add(code!);
            }
        }
    }

    private void ApplyMeasure(
        SheetRows sheet, SheetRow row, string code, string title, string directorateName, string? segmentCode, Polarity polarity, MeasureUnit unit,
        Frequency frequency, Aggregation aggregation, Domain.Rating.Tolerance tolerance, decimal steady, List<string> committeeCodes,
        ReportingPeriod? discontinuedFrom, string? description)
    {
        var directorate = DirectorateNamed(sheet, row, directorateName);
        var committees = committeeCodes.Select(c => CommitteeCoded(sheet, row, c)).ToList();
        var segment = segmentCode is not null && _segments.TryGetValue(segmentCode, out var s) ? s : null;
        _measures.TryGetValue(code, out var measure);
        var old = measure is null ? null : FrameworkAdministration.Describe(measure);
        try
        {
            if (measure is null)
            {
                measure = new Measure(code, title, directorate, polarity, frequency, unit);
                db.Measures.Add(measure);
                _measures[measure.Code] = measure;
            }

            measure.Describe(title, sheet.Has(Description) ? description : measure.Description, measure.DataNotes);
            var decimals = old is not null && measure.Unit.Kind == unit.Kind ? measure.DecimalPlaces : unit.Kind == UnitKind.Percent ? 1 : 0;
            measure.Classify(polarity, frequency, aggregation, unit, decimals);
            measure.SetTolerance(tolerance, steady);
            measure.AssignTo(directorate, sheet.Has(ImportFormat.Segment) ? segment : measure.Segment);
            if (sheet.Has(DiscontinuedFrom))
            {
                measure.Discontinue(discontinuedFrom);
            }

            if (sheet.Has(Committees))
            {
                foreach (var c in measure.Committees.Where(c => !committees.Contains(c)).ToList())
                {
                    measure.UntagCommittee(c);
                }

                foreach (var c in committees)
                {
                    measure.TagCommittee(c);
                }
            }
        }
        catch (DomainException e)
        {
            Error(sheet, row, e.Message.StartsWith("Polarity", StringComparison.Ordinal) ? ImportFormat.Polarity : Code, e.Message);
            return;
        }

        Record(sheet, row, Measures, "Measure", measure.Code, old, FrameworkAdministration.Describe(measure), measure.Title);
    }

    private Directorate DirectorateNamed(SheetRows sheet, SheetRow row, string name)
    {
        if (!_directorates.TryGetValue(name.Trim(), out var directorate))
        {
            directorate = new Directorate(name);
            db.Directorates.Add(directorate);
            _directorates[directorate.Name] = directorate;
            _counts[DirectoratesCount].Created++;
            Audit("Created", "Directorate", directorate.Name, null, FrameworkAdministration.Describe(directorate));
            Change(sheet.Sheet.Name, row.Number, "Created", $"Directorate {directorate.Name}", "new directorate");
        }

        return directorate;
    }

    private Committee CommitteeCoded(SheetRows sheet, SheetRow row, string committeeCode)
    {
        if (!_committees.TryGetValue(committeeCode, out var committee))
        {
            committee = new Committee(committeeCode, committeeCode);
            db.Committees.Add(committee);
            _committees[committee.Code] = committee;
            _counts[CommitteesCount].Created++;
            Audit("Created", "Committee", committee.Code, null, FrameworkAdministration.Describe(committee));
            Change(sheet.Sheet.Name, row.Number, "Created", $"Committee {committee.Code}", "new committee, named by its code");
        }

        return committee;
    }

    // ----- Targets -----

    private void CheckTargets()
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
            if (period is { } p)
            {
                if (p.Kind == PeriodKind.Year)
                {
                    Error(sheet, row, Period, "Leave the period empty for the whole year's target.");
                }
                else if (year is { } y && p.Year != y)
                {
                    Error(sheet, row, Period, $"Period {p.Label} is not in financial year {y.Label}.");
                }
            }

            var measure = code is null ? null : MeasureCoded(sheet, row, code);
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
            if (measure.Polarity == Domain.Rating.Polarity.WithinRange)
            {
                if (low is null)
                {
                    Error(sheet, row, TargetLow, $"{measure.Code} is rated Within range: give a target low.");
                }

                if (high is null)
                {
                    Error(sheet, row, TargetHigh, $"{measure.Code} is rated Within range: give a target high.");
                }

                CheckValue(sheet, row, TargetLow, measure, low);
                CheckValue(sheet, row, TargetHigh, measure, high);
            }
            else
            {
                if (value is null)
                {
                    Error(sheet, row, ImportFormat.Target, "Enter the target value.");
                }

                CheckValue(sheet, row, ImportFormat.Target, measure, value);
            }

            if (Errors.Count > before)
            {
                continue;
            }

            var existing = measure.Targets.FirstOrDefault(t => t.Year == year!.Value && t.Period == period);
            var old = existing is null ? null : FrameworkAdministration.TargetText(existing);
            MeasureTarget target;
            try
            {
                target = measure.SetTarget(year!.Value, period, value, low, high);
            }
            catch (DomainException e)
            {
                Error(sheet, row, measure.Polarity == Domain.Rating.Polarity.WithinRange ? TargetHigh : ImportFormat.Target, e.Message);
                continue;
            }

            var now = FrameworkAdministration.TargetText(target);
            var counter = _counts[Targets];
            if (old is null)
            {
                counter.Created++;
                db.AuditEntries.Add(new AuditEntry(User, at, "Created", "Measure target", measure.Code, $"Target {scope}: {now}"));
                Change(Targets, row.Number, "Created", $"{measure.Code} {scope}", now);
            }
            else if (old != now)
            {
                counter.Updated++;
                db.AuditEntries.Add(new AuditEntry(User, at, "Updated", "Measure target", measure.Code, $"Target {scope}: {old} → {now}"));
                Change(Targets, row.Number, "Updated", $"{measure.Code} {scope}", $"{old} → {now}");
            }
            else
            {
                counter.Unchanged++;
            }
        }
    }

    // ----- Outturns -----

    private void CheckOutturns(CancellationToken cancellationToken)
    {
        if (!Usable(Outturns, out var sheet))
        {
            return;
        }

        var (codeAt, periodAt, valueAt, statusAt, provisionalAt, commentaryAt) =
            (sheet.Index(Code), sheet.Index(Period), sheet.Index(Value), sheet.Index(Status), sheet.Index(Provisional), sheet.Index(Commentary));
        var seen = new Dictionary<(Measure, ReportingPeriod), int>();
        var counter = _counts[Outturns];
        var historical = mode == ImportMode.Historical;
        foreach (var row in sheet.Rows)
        {
            if (++_checked % 5_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress("Checking", _checked));
            }

            var before = Errors.Count;
            var code = Required(sheet, row, Code, "Measure code", Lengths.Code);
            var (period, periodProblem) = ImportCells.Period(row.Cells[periodAt]);
            Problem(sheet, row, Period, periodProblem ?? (period is null ? "Period is required: 2019/20 Q2, Sep-19, 2019-09 or 2019/20." : null));
            var measure = code is null ? null : MeasureCoded(sheet, row, code);
            var (value, valueProblem) = ImportCells.Number(valueAt < 0 ? default : row.Cells[valueAt], measure?.Unit.Kind == UnitKind.Percent);
            Problem(sheet, row, Value, valueProblem);
            OutturnStatus? status = null;
            if (statusAt >= 0 && ImportCells.Text(row.Cells[statusAt]) is var (statusText, statusProblem))
            {
                Problem(sheet, row, Status, statusProblem);
                if (!OutturnStatusText.TryParse(statusText, out status))
                {
                    Error(sheet, row, Status, OutturnStatusText.NotAStatus(statusText!));
                }
            }

            var (provisional, provisionalProblem) = provisionalAt < 0 ? (false, null) : ImportCells.YesNo(row.Cells[provisionalAt]);
            Problem(sheet, row, Provisional, provisionalProblem);
            string? commentary = null;
            if (commentaryAt >= 0)
            {
                var (text, textProblem) = ImportCells.Text(row.Cells[commentaryAt]);
                Problem(sheet, row, Commentary, textProblem);
                commentary = Checked(sheet, row, Commentary, () => Guard.Optional(text, "Commentary", Lengths.Text));
            }

            if (value.HasValue && status.HasValue)
            {
                Error(sheet, row, Value, "Value must be blank when Status is set.");
            }

            if (measure is null || period is not { } p || Errors.Count > before)
            {
                continue;
            }

            if (_periods.Problem(measure, p) is { } outsideItsPeriods)
            {
                Error(sheet, row, Period, outsideItsPeriods);
                continue;
            }

            if (value is { } v && measure.ValidateValue(v) is { } unitProblem)
            {
                Error(sheet, row, Value, unitProblem);
                continue;
            }

            if (!value.HasValue && !status.HasValue)
            {
                if (commentary is not null || provisional)
                {
                    Error(sheet, row, Value, OutturnStatusText.OneNeeded);
                }
                else
                {
                    counter.Skipped++; // a row of a collection workbook nobody filled in
                }

                continue;
            }

            if (seen.TryGetValue((measure, p), out var first))
            {
                Error(sheet, row, Period, $"{measure.Code} {p.Label} is on this sheet twice (also row {first}); keep one row.");
                continue;
            }

            seen[(measure, p)] = row.Number;
            ApplyOutturn(sheet, row, measure, p, value, status, provisional, commentary, historical, counter);
        }
    }

    private void ApplyOutturn(
        SheetRows sheet, SheetRow row, Measure measure, ReportingPeriod period, decimal? value, OutturnStatus? status, bool provisional, string? commentary,
        bool historical, Counter counter)
    {
        var key = $"{measure.Code} {period.Label}";
        try
        {
            if (!_outturns.TryGetValue((measure, period), out var outturn))
            {
                outturn = measure.NewOutturn(period);
                outturn.Record(value, status, provisional, commentary, User, at);
                if (historical)
                {
                    outturn.PublishHistorical(User, at);
                }

                _newOutturns.Add(outturn);
                _outturns[(measure, period)] = outturn;
                counter.Created++;
                Change(Outturns, row.Number, "Created", key, Figure(value, status) + (historical ? ", published" : ", draft"));
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
                Error(sheet, row, Value, $"{key} is {outturn.State.ToString().ToLowerInvariant()} and locked; only an Admin importing in historical mode can change it.");
                return;
            }

            var (oldValue, oldStatus, version) = (outturn.Value, outturn.Status, outturn.Version);
            if (!same)
            {
                if (outturn.State == WorkflowState.Published)
                {
                    outturn.Correct(value, status, provisional, commentary, RevisionReason, User, at);
                }
                else
                {
                    outturn.Record(value, status, provisional, commentary, User, at);
                    if (!historical && outturn.State == WorkflowState.Returned)
                    {
                        outturn.MoveTo(WorkflowState.Draft, User, at);
                    }
                }
            }

            if (publish)
            {
                outturn.PublishHistorical(User, at);
            }

            _changedOutturns.Add((outturn, version));
            if (!sameFigure)
            {
                _newRevisions.Add(new OutturnRevision(outturn, oldValue, oldStatus, RevisionKind.Import, RevisionReason, User, at));
                _revisions++;
            }

            counter.Updated++;
            var detail = sameFigure ? (same ? "published" : "provisional flag or commentary changed") : $"{Figure(oldValue, oldStatus)} → {Figure(value, status)}";
            Change(Outturns, row.Number, "Updated", key, publish && !same ? detail + ", published" : detail);
        }
        catch (DomainException e)
        {
            Error(sheet, row, Value, e.Message);
        }
    }

    private static string Figure(decimal? value, OutturnStatus? status) => value is { } v ? ImportCells.Show(v) : OutturnStatusText.Label(status);

    // ----- Helpers -----

    private bool Usable(string name, out SheetRows sheet)
    {
        if (!content.Sheets.TryGetValue(name, out sheet!))
        {
            return false;
        }

        var rows = sheet;
        var missing = sheet.Sheet.Columns.Where((c, i) => c.Required && !rows.HasColumn[i]).Any();
        if (missing && sheet.Has(Code))
        {
            // The sheet cannot be checked; its codes still count as known so other sheets do not report them again.
            var index = sheet.Index(Code);
            var known = name == Segments ? _segmentCodesOnSheet : name == Measures ? _unresolvedMeasures : null;
            foreach (var row in sheet.Rows)
            {
                if (row.Cells[index].AsText() is { } code)
                {
                    known?.Add(code);
                }
            }
        }

        return !missing;
    }

    private Measure? MeasureCoded(SheetRows sheet, SheetRow row, string code)
    {
        if (_measures.TryGetValue(code, out var measure) && !_unresolvedMeasures.Contains(code))
        {
            return measure;
        }

        if (!_unresolvedMeasures.Contains(code))
        {
            Error(sheet, row, Code, $"There is no measure with the code {code} in the database or on the Measures sheet.");
        }

        return null;
    }

    private static SheetCell Cell(SheetRows sheet, SheetRow row, string column) => sheet.Index(column) is var i && i >= 0 ? row.Cells[i] : default;

    private string? Required(SheetRows sheet, SheetRow row, string column, string field, int maxLength)
    {
        var (text, problem) = ImportCells.Text(Cell(sheet, row, column));
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
            return null;
        }

        return Checked(sheet, row, column, () => Guard.Required(text, field, maxLength));
    }

    private string? Optional(SheetRows sheet, SheetRow row, string column, string field, int maxLength)
    {
        var (text, problem) = ImportCells.Text(Cell(sheet, row, column));
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
            return null;
        }

        return Checked(sheet, row, column, () => Guard.Optional(text, field, maxLength));
    }

    private string? Checked(SheetRows sheet, SheetRow row, string column, Func<string?> check)
    {
        try
        {
            return check();
        }
        catch (DomainException e)
        {
            Error(sheet, row, column, e.Message);
            return null;
        }
    }

    private T? Choice<T>(SheetRows sheet, SheetRow row, string column, Func<string, T?> parse, string message, bool required)
        where T : struct
    {
        var (text, problem) = ImportCells.Text(Cell(sheet, row, column));
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
            return null;
        }

        if (text is null)
        {
            if (required)
            {
                Error(sheet, row, column, $"{column} is required. {message}");
            }

            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Error(sheet, row, column, $"'{text}' is not allowed here. {message}");
        }

        return value;
    }

    private decimal? Number(SheetRows sheet, SheetRow row, string column, bool percentUnit)
    {
        var (value, problem) = ImportCells.Number(Cell(sheet, row, column), percentUnit);
        Problem(sheet, row, column, problem);
        return value;
    }

    private void CheckValue(SheetRows sheet, SheetRow row, string column, Measure measure, decimal? value)
    {
        if (value is { } v && measure.ValidateValue(v) is { } problem)
        {
            Error(sheet, row, column, problem);
        }
    }

    private void Duplicate(SheetRows sheet, SheetRow row, string column, Dictionary<string, int> seen, string key, string what)
    {
        if (seen.TryGetValue(key, out var first))
        {
            Error(sheet, row, column, $"{what} is on this sheet twice (also row {first}); keep one row.");
        }
        else
        {
            seen[key] = row.Number;
        }
    }

    private void Problem(SheetRows sheet, SheetRow row, string column, string? problem)
    {
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
        }
    }

    private void Error(SheetRows sheet, SheetRow row, string column, string message) => Errors.Add(new ImportError(sheet.Sheet.Name, row.Number, column, message));

    private void Record(SheetRows sheet, SheetRow row, string what, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after, string? createdDetail)
    {
        var counter = _counts[what];
        if (before is null)
        {
            counter.Created++;
            Audit("Created", entityType, key, null, after);
            Change(sheet.Sheet.Name, row.Number, "Created", key, createdDetail ?? string.Empty);
            return;
        }

        var changes = FrameworkAdministration.ChangesText(before, after);
        if (changes.Length == 0)
        {
            counter.Unchanged++;
            return;
        }

        counter.Updated++;
        Audit("Updated", entityType, key, before, after);
        Change(sheet.Sheet.Name, row.Number, "Updated", key, changes);
    }

    private void Audit(string action, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        if (FrameworkAdministration.Audit(User, at, action, entityType, key, before, after) is { } entry)
        {
            db.AuditEntries.Add(entry);
        }
    }

    private void Change(string sheet, int row, string action, string key, string detail)
    {
        if (_changes.Count < limits.ListedChanges)
        {
            _changes.Add(new ImportChange(sheet, row, action, key, Shorten(detail, 500)));
        }
        else
        {
            _notListed++;
        }
    }

    private int RowsOf(string what) => _rowsRead.GetValueOrDefault(what);

    private static int ColumnOrder(string? sheet, string? column)
    {
        var format = ImportFormat.Sheets.FirstOrDefault(s => s.Name == sheet);
        var index = format is null || column is null ? -1 : format.Columns.ToList().FindIndex(c => c.Name == column);
        return index;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private sealed class Counter
    {
        public int Created { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public int Skipped { get; set; }
    }
}
