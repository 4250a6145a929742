using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerformanceWheel.Data;

namespace PerformanceWheel.Application.Import;

/// <summary>
/// Imports a workbook of plans, rings, segments, measures, targets, outturns, projects, project updates and finance (docs/import-format.md).
/// <para>
/// Two calls, both taking the .xlsx as a stream and who imports (<see cref="ImportRequest"/>: user name, whether they
/// are an Admin, the mode and the file name for the audit trail):
/// <see cref="ValidateAsync"/> reads and checks everything and returns the errors, or a preview of what would be
/// created and changed, writing nothing; <see cref="ImportAsync"/> does the same checks and, only when there is no
/// error at all, writes everything in one transaction and returns what it did. Either way a report with errors means
/// nothing was written. An API answers 200 with <see cref="ImportReport.Counts"/> when <see cref="ImportReport.Applied"/>,
/// else 422 with <see cref="ImportReport.Errors"/> ({sheet, row, column, message}).
/// </para>
/// <para>
/// Re-importing the same rows changes nothing (upsert by code, by code and year/period, by code and period); a changed
/// figure keeps a revision with the reason "import". Imported figures are Published when an Admin imports in
/// historical mode (the Admin's default), else Draft; only an Admin's historical import may change a figure that is
/// submitted, approved or published. Limits come from <see cref="ImportOptions"/> (Import:MaxFileBytes, Import:MaxRows).
/// </para>
/// <para>
/// When the write clashes with someone else's change (a figure changed or added meanwhile: a concurrency or unique-key
/// failure) the report says so and nothing is written. Any other database failure is logged and thrown, so the person
/// importing gets the error page and its reference, not a misleading "someone changed the same figures".
/// </para>
/// </summary>
public sealed partial class WorkbookImporter(
    IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock, IOptions<ImportOptions> options, ILogger<WorkbookImporter> logger)
{
    /// <summary>
    /// The name of the <see cref="ActivitySource"/> that traces an import (Import.Validate or Import.Run, and within it
    /// each phase: Import.Read, Import.Load, Import.Check, Import.Save and within that Import.Write.*) and of the
    /// <see cref="Meter"/> that counts them (<c>performancewheel.import.runs</c> by mode and outcome,
    /// <c>performancewheel.import.rows</c>, <c>performancewheel.import.duration</c>); used by OpenTelemetry
    /// (docs/decisions/0009) and the import timing benchmark. Nothing is recorded without a listener.
    /// </summary>
    public const string TraceSource = "PerformanceWheel.Import";

    internal static readonly ActivitySource Trace = new(TraceSource);

    private static readonly Meter Metrics = new(TraceSource);
    private static readonly Counter<long> Runs = Metrics.CreateCounter<long>("performancewheel.import.runs", "{import}", "Workbook imports and validations, by mode and outcome (applied, validated, refused).");
    private static readonly Histogram<long> Rows = Metrics.CreateHistogram<long>("performancewheel.import.rows", "{row}", "Data rows read from a workbook.");
    private static readonly Histogram<double> Duration = Metrics.CreateHistogram<double>("performancewheel.import.duration", "s", "Time to read, check and (when applying) write a workbook.");

    /// <summary>Reads and checks the workbook against the database; writes nothing.</summary>
    public Task<ImportReport> ValidateAsync(Stream workbook, ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(workbook, request, write: false, progress, cancellationToken);

    /// <summary>Checks the workbook and, when it has no errors, writes all of it in one transaction.</summary>
    public Task<ImportReport> ImportAsync(Stream workbook, ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(workbook, request, write: true, progress, cancellationToken);

    // One span and one count per import, whichever way it ends.
    private async Task<ImportReport> RunAsync(Stream workbook, ImportRequest request, bool write, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = Trace.StartActivity(write ? "Import.Run" : "Import.Validate");
        var mode = new KeyValuePair<string, object?>("import.mode", request?.EffectiveMode.ToString());
        activity?.SetTag(mode.Key, mode.Value);
        var started = Stopwatch.GetTimestamp();
        var (report, rows) = await RunCoreAsync(workbook, request!, write, progress, cancellationToken);
        var outcome = new KeyValuePair<string, object?>("import.outcome", report.Errors.Count > 0 ? "refused" : report.Applied ? "applied" : "validated");
        activity?.SetTag(outcome.Key, outcome.Value);
        activity?.SetTag("import.rows", rows);
        activity?.SetTag("import.errors", report.Errors.Count);
        Runs.Add(1, mode, outcome);
        Rows.Record(rows, mode);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, mode, outcome);
        return report;
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The copy is disposed in finally.")]
    private async Task<(ImportReport Report, int Rows)> RunCoreAsync(Stream workbook, ImportRequest request, bool write, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.Value;
        var mode = request.EffectiveMode;
        if (mode == ImportMode.Historical && !request.IsAdmin)
        {
            return (ImportReport.Failed(mode, [new ImportError(null, null, null, "Only an Admin can import in historical mode (figures published at once); import in draft mode instead.")]), 0);
        }

        MemoryStream? copy = null;
        try
        {
            var source = workbook;
            if (!workbook.CanSeek)
            {
                copy = new MemoryStream();
                await CopyAtMostAsync(workbook, copy, limits.MaxFileBytes + 1, cancellationToken);
                copy.Position = 0;
                source = copy;
            }

            var size = source.Length - source.Position;
            if (size > limits.MaxFileBytes)
            {
                return (ImportReport.Failed(mode, [new ImportError(null, null, null, TooLarge(size, limits.MaxFileBytes))]), 0);
            }

            progress?.Report(new ImportProgress("Reading", 0));
            WorkbookContent content;
            using (Trace.StartActivity("Import.Read"))
            {
                content = WorkbookContent.Read(source, limits, progress, cancellationToken);
            }

            if (content.Stopped)
            {
                return (ImportReport.Failed(mode, content.Errors), content.DataRows);
            }

            foreach (var sheet in ImportFormat.Sheets.Where(s => s.Required && !content.Sheets.ContainsKey(s.Name)))
            {
                content.Errors.Add(new ImportError(sheet.Name, null, null,
                    $"The workbook has no {sheet.Name} sheet. Add it, with its header row, even when it has no rows to import."));
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var run = new ImportRun(db, request, mode, clock, limits, content, progress);
            progress?.Report(new ImportProgress("Checking", 0));
            using (Trace.StartActivity("Import.Load"))
            {
                await run.LoadAsync(cancellationToken);
            }

            using (Trace.StartActivity("Import.Check"))
            {
                await run.CheckAsync(cancellationToken);
            }

            if (run.Errors.Count > 0)
            {
                return (ImportReport.Failed(mode, run.SortedErrors()), content.DataRows);
            }

            if (!write)
            {
                return (run.Report(applied: false), content.DataRows);
            }

            progress?.Report(new ImportProgress("Writing", content.DataRows));
            run.AuditImport();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            using var saving = Trace.StartActivity("Import.Save");
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await run.WriteFiguresAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsClash(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                LogClash(logger, e, mode, request.FileName);
                return (ImportReport.Failed(mode, [new ImportError(null, null, null,
                    "Someone changed the same figures or measures while the workbook was being imported, so nothing was written. Check the workbook again and import it.")]), content.DataRows);
            }
            catch (DbUpdateException e)
            {
                // Disposing the transaction rolls it back; the exception goes on to the error page and its reference.
                LogFailure(logger, e, mode, request.FileName, content.DataRows);
                throw;
            }

            return (run.Report(applied: true), content.DataRows);
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "The {Mode} import of {FileName} clashed with a change made meanwhile; nothing was written")]
    private static partial void LogClash(ILogger logger, Exception exception, ImportMode mode, string? fileName);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The {Mode} import of {FileName} ({Rows} rows) failed while writing; nothing was written")]
    private static partial void LogFailure(ILogger logger, Exception exception, ImportMode mode, string? fileName, int rows);

    /// <summary>The message for a file over the limit.</summary>
    public static string TooLarge(long size, long limit) =>
        $"The file is {Megabytes(size)} MB; the largest workbook one import accepts is {Megabytes(limit)} MB (Import:MaxFileBytes). Split it into smaller workbooks.";

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task CopyAtMostAsync(Stream from, Stream to, long most, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < most && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, most - total)), cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }
    }
}
