using PerformanceWheel.Application.Framework;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using static PerformanceWheel.Application.Import.ImportFormat;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// What one validation or import found and did, for every sheet alike (<see cref="SheetCheck"/>): the errors and
/// warnings (by sheet, row and column), the counts of what was created, updated, unchanged or left blank, the list of
/// changes for the preview, and the audit entries of framework changes (added to the context, saved with everything
/// else). One error anywhere means nothing of the workbook is written.
/// </summary>
internal sealed class ImportLedger(PerformanceWheelDbContext db, string user, DateTimeOffset at, int listedChanges, IEnumerable<ImportError> readingErrors)
{
    public const string Rings = "Rings";
    public const string Directorates = "Directorates";
    public const string Committees = "Committees";

    // The kinds the report always gives, even when none was read; the other kinds appear once a sheet counts one.
    private static readonly string[] Reported = [Segments, Measures, Targets, Outturns, Directorates, Committees, Rings];

    /// <summary>The counts by kind, in the order the report and the import's audit entry give them.</summary>
    public Dictionary<string, ImportCounter> Counts { get; } = Reported.ToDictionary(k => k, k => new ImportCounter(), StringComparer.Ordinal);

    public List<ImportError> Errors { get; } = [.. readingErrors];

    public List<ImportError> Warnings { get; } = [];

    public List<ImportChange> Changes { get; } = [];

    public int NotListed { get; private set; }

    public int Revisions { get; set; }

    public string User => user;

    public DateTimeOffset At => at;

    /// <summary>The counts of a kind (Plans, Project updates, Budget lines, …), added after the others when first counted.</summary>
    public ImportCounter Counter(string what)
    {
        if (!Counts.TryGetValue(what, out var counter))
        {
            Counts[what] = counter = new ImportCounter();
        }

        return counter;
    }

    /// <summary>The counts as the report gives them: the usual kinds always, any other kind that had rows.</summary>
    public List<ImportCount> CountsForReport() =>
        [.. Counts.Where(kv => Reported.Contains(kv.Key) || kv.Value.Rows > 0)
            .Select(kv => new ImportCount(kv.Key, kv.Value.Rows, kv.Value.Created, kv.Value.Updated, kv.Value.Unchanged, kv.Value.Skipped))];

    /// <summary>Counts one row of <paramref name="what"/> created, updated (any other action) or unchanged (a null action), and lists a change.</summary>
    public void Count(SheetRows sheet, SheetRow row, string what, string? action, string key, string detail)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(row);
        var counter = Counter(what);
        counter.Rows++;
        switch (action)
        {
            case null:
                counter.Unchanged++;
                return;
            case "Created":
                counter.Created++;
                break;
            default:
                counter.Updated++;
                break;
        }

        Change(sheet.Sheet.Name, row.Number, action, key, detail);
    }

    public void Error(SheetRows sheet, SheetRow row, string column, string message) => Errors.Add(new ImportError(sheet.Sheet.Name, row.Number, column, message));

    public void Problem(SheetRows sheet, SheetRow row, string column, string? problem)
    {
        if (problem is not null)
        {
            Error(sheet, row, column, problem);
        }
    }

    /// <summary>The problems a framework command's rules found, each in the column of its field.</summary>
    public void Problems(SheetRows sheet, SheetRow row, IEnumerable<FieldProblem> problems)
    {
        foreach (var p in problems)
        {
            Error(sheet, row, ImportColumns.For(sheet.Sheet.Name, p.Field), p.Message);
        }
    }

    /// <summary>Counts a created or changed thing, audits it and lists it; a thing whose description did not change is counted unchanged.</summary>
    public void Record(
        SheetRows sheet, SheetRow row, string what, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after,
        string? createdDetail, string? action = null)
    {
        var counter = Counts[what];
        if (before is null)
        {
            counter.Created++;
            Audit(action ?? "Created", entityType, key, null, after);
            Change(sheet.Sheet.Name, row.Number, "Created", key, createdDetail ?? string.Empty);
            return;
        }

        var changes = FrameworkAudit.ChangesText(before, after);
        if (changes.Length == 0)
        {
            counter.Unchanged++;
            return;
        }

        counter.Updated++;
        Audit(action ?? "Updated", entityType, key, before, after);
        Change(sheet.Sheet.Name, row.Number, "Updated", key, changes);
    }

    public void Audit(string action, string entityType, string key, Dictionary<string, string>? before, Dictionary<string, string> after) =>
        Audit(FrameworkAudit.Audit(user, at, action, entityType, key, before, after));

    public void Audit(AuditEntry? entry)
    {
        if (entry is not null)
        {
            db.AuditEntries.Add(entry);
        }
    }

    public void Change(string sheet, int row, string action, string key, string detail)
    {
        if (Changes.Count < listedChanges)
        {
            Changes.Add(new ImportChange(sheet, row, action, key, FrameworkAudit.Shorten(detail, 500)));
        }
        else
        {
            NotListed++;
        }
    }
}

/// <summary>How many things of one kind an import created, updated, left unchanged or skipped (blank figures).</summary>
internal sealed class ImportCounter
{
    public int Rows { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Skipped { get; set; }
}
