using System.Security.Claims;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Data.Identity;

namespace PerformanceWheel.Web.Import;

/// <summary>What an upload came to: the token of the checked upload to review, or why it was refused (nothing kept).</summary>
public sealed record UploadOutcome(string? Token, string? Error);

/// <summary>
/// One upload of a workbook, from the plain form's POST or the live page's file input alike: the size limit, the mode
/// (historical for Admins only), then the file kept for confirmation and checked in full, its report kept for the review.
/// </summary>
public static class ImportUpload
{
    public static async Task<UploadOutcome> CheckAsync(
        PendingImports pending,
        WorkbookImporter importer,
        ImportOptions limits,
        (Stream? Content, long Length, string FileName) file,
        string? modeText,
        ClaimsPrincipal user,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(user);
        if (file.Content is null || file.Length == 0)
        {
            return new UploadOutcome(null, "Choose a workbook (.xlsx) to upload.");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return new UploadOutcome(null, WorkbookImporter.TooLarge(file.Length, limits.MaxFileBytes));
        }

        var isAdmin = user.IsInRole(Roles.Admin);
        if (!ImportRequest.TryParseMode(modeText, out var mode))
        {
            return new UploadOutcome(null, "Choose historical or draft.");
        }

        var request = new ImportRequest(user.Identity?.Name ?? "unknown", isAdmin, mode, file.FileName);
        if (request.EffectiveMode == ImportMode.Historical && !isAdmin)
        {
            return new UploadOutcome(null, "Only an Admin can import in historical mode; figures you import are drafts.");
        }

        var upload = await pending.SaveAsync(file.Content, request.UserName, request.EffectiveMode, file.FileName, cancellationToken);
        await using (var saved = File.OpenRead(upload.Path))
        {
            var report = await importer.ValidateAsync(saved, request with { Mode = request.EffectiveMode }, progress, cancellationToken);
            pending.KeepReport(upload.Token, report);
        }

        return new UploadOutcome(upload.Token, null);
    }
}
