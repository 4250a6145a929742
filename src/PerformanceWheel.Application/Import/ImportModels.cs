namespace PerformanceWheel.Application.Import;

/// <summary>
/// How imported figures land: <see cref="Historical"/> publishes them at once (Admin only; the default for an Admin),
/// <see cref="Draft"/> leaves them as drafts for the usual submit, approve and publish cycle (the default otherwise).
/// </summary>
public enum ImportMode
{
    Historical = 1,
    Draft = 2,
}

/// <summary>Who imports, and how. A null <see cref="Mode"/> means the default: historical for an Admin, else draft.</summary>
public sealed record ImportRequest(string UserName, bool IsAdmin, ImportMode? Mode = null, string? FileName = null)
{
    public ImportMode EffectiveMode => Mode ?? (IsAdmin ? ImportMode.Historical : ImportMode.Draft);

    /// <summary>Reads "historical" or "draft" (any case); blank is the default; anything else is null with ok = false.</summary>
    public static bool TryParseMode(string? text, out ImportMode? mode)
    {
        mode = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return true;
            case "historical":
                mode = ImportMode.Historical;
                return true;
            case "draft":
                mode = ImportMode.Draft;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>
/// A problem with the workbook: the sheet, the row (1 is the header) and the column (its header name as the format
/// names it) where it is, and a message a person can act on. Workbook-level problems have no sheet, row or column.
/// </summary>
public sealed record ImportError(string? Sheet, int? Row, string? Column, string Message);

/// <summary>What an import does (or did) to one kind of thing: rows read, created, updated, unchanged, skipped (blank figures).</summary>
public sealed record ImportCount(string What, int Rows, int Created, int Updated, int Unchanged, int Skipped);

/// <summary>One thing created or updated: where it came from, its key (e.g. "ASC-CQC-01 Sep-19") and what changes.</summary>
public sealed record ImportChange(string Sheet, int Row, string Action, string Key, string Detail);

/// <summary>How far reading and checking has got, for a progress display.</summary>
public sealed record ImportProgress(string Phase, int Rows);

/// <summary>
/// The answer to a validation or an import: every error (then nothing is or was written), or a preview of what is
/// (or was) created and changed. <see cref="Applied"/> says whether it was written.
/// </summary>
public sealed record ImportReport(
    ImportMode Mode,
    bool Applied,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportError> Warnings,
    IReadOnlyList<ImportCount> Counts,
    IReadOnlyList<ImportChange> Changes,
    int ChangesNotListed,
    int Revisions)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The counts for a sheet or kind (Segments, Measures, Targets, Outturns, Directorates, Committees, Rings).</summary>
    public ImportCount Count(string what) =>
        Counts.FirstOrDefault(c => c.What == what) ?? new ImportCount(what, 0, 0, 0, 0, 0);

    public static ImportReport Failed(ImportMode mode, IReadOnlyList<ImportError> errors) => new(mode, false, errors, [], [], [], 0, 0);
}

/// <summary>Import limits (configuration section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest workbook accepted, in bytes (Import:MaxFileBytes; default 20 MB).</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// The most rows accepted, all sheets together (Import:MaxRows; default 100,000). Every row the sheets hold counts,
    /// blank ones too, so a workbook of millions of empty rows stops at once.
    /// </summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>The largest part of the workbook (a sheet, the shared texts, the styles) once decompressed, in bytes (Import:MaxPartBytes; default 100 MB).</summary>
    public long MaxPartBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The largest workbook once decompressed, all parts together, in bytes (Import:MaxUncompressedBytes; default 200 MB).</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The longest text a cell may hold (Import:MaxCellCharacters; default 32,767, Excel's own limit). Reading stops at the first longer one.</summary>
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>How many created or updated things the preview lists one by one (Import:ListedChanges; the counts are always complete).</summary>
    public int ListedChanges { get; set; } = 1_000;

    /// <summary>Where the web app keeps uploaded workbooks between checking and confirming (Import:WorkFolder; default: a folder under the temp directory). Share it between nodes.</summary>
    public string? WorkFolder { get; set; }

    /// <summary>How long an uploaded workbook waits for its confirmation (Import:PendingMinutes; default 60).</summary>
    public int PendingMinutes { get; set; } = 60;
}
