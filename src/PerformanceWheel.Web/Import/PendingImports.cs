using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PerformanceWheel.Application.Import;

namespace PerformanceWheel.Web.Import;

/// <summary>An uploaded workbook waiting to be confirmed: its random token, who uploaded it, the mode and where it is kept.</summary>
public sealed record PendingImport(string Token, string UserName, ImportMode Mode, string FileName, DateTimeOffset UploadedAt, string Path);

/// <summary>
/// Keeps uploaded workbooks on disk between "check" and "confirm" (never the parsed rows: the confirmation imports the
/// file itself again). Each is keyed by a random token, belongs to the person who uploaded it and expires after
/// Import:PendingMinutes. The last validation report is held in memory.
/// </summary>
public sealed partial class PendingImports(IOptions<ImportOptions> options, TimeProvider clock, IMemoryCache cache)
{
    private readonly string _folder = options.Value.WorkFolder is { Length: > 0 } folder
        ? folder
        : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "performancewheel-imports");

    private TimeSpan Expiry => TimeSpan.FromMinutes(Math.Max(1, options.Value.PendingMinutes));

    public async Task<PendingImport> SaveAsync(Stream file, string userName, ImportMode mode, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        Directory.CreateDirectory(_folder);
        RemoveExpired();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var upload = new PendingImport(token, userName, mode, System.IO.Path.GetFileName(fileName), clock.GetUtcNow(), System.IO.Path.Combine(_folder, token + ".xlsx"));
        await using (var target = File.Create(upload.Path))
        {
            await file.CopyToAsync(target, cancellationToken);
        }

        await File.WriteAllTextAsync(MetadataPath(token), JsonSerializer.Serialize(upload), cancellationToken);
        return upload;
    }

    /// <summary>The upload with this token, if it exists, has not expired and belongs to <paramref name="userName"/>.</summary>
    public PendingImport? Find(string? token, string userName)
    {
        if (token is null || !TokenPattern().IsMatch(token) || !File.Exists(MetadataPath(token)))
        {
            return null;
        }

        var upload = JsonSerializer.Deserialize<PendingImport>(File.ReadAllText(MetadataPath(token)));
        if (upload is null || upload.UserName != userName || clock.GetUtcNow() - upload.UploadedAt > Expiry || !File.Exists(upload.Path))
        {
            return null;
        }

        return upload;
    }

    public void Delete(string token)
    {
        if (TokenPattern().IsMatch(token))
        {
            File.Delete(System.IO.Path.Combine(_folder, token + ".xlsx"));
            File.Delete(MetadataPath(token));
            cache.Remove("import-report:" + token);
        }
    }

    public void KeepReport(string token, ImportReport report) => cache.Set("import-report:" + token, report, Expiry);

    public ImportReport? Report(string token) => cache.TryGetValue("import-report:" + token, out ImportReport? report) ? report : null;

    private string MetadataPath(string token) => System.IO.Path.Combine(_folder, token + ".json");

    private void RemoveExpired()
    {
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            if (clock.GetUtcNow() - File.GetLastWriteTimeUtc(file) > Expiry + TimeSpan.FromMinutes(5))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // in use by another request: removed next time
                }
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();
}
