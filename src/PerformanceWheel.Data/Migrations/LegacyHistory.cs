using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations;

/// <summary>
/// Moves a database made by the hand-written migrations onto its provider's generated set (docs/decisions/0016):
/// a database part way through the hand-written migrations is first brought to the last of them; then, since that
/// schema is the generated sets' baseline, the hand-written rows of __EFMigrationsHistory are replaced, in one
/// transaction, by the baseline's row. Later generated migrations then apply as usual. Nothing else is touched.
/// </summary>
public static class LegacyHistory
{
    /// <summary>Moves the history when the database was made by the hand-written migrations; returns whether it did.</summary>
    public static async Task<bool> MoveToBaselineAsync(PerformanceWheelDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return false;
        }

        var legacy = LegacyMigrationIds(db);
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToList();
        var appliedLegacy = applied.Where(legacy.Contains).ToList();
        if (appliedLegacy.Count == 0)
        {
            return false;
        }

        var baseline = MigrationSets.Baseline;
        if (!db.GetService<IMigrationsAssembly>().Migrations.ContainsKey(baseline))
        {
            throw new InvalidOperationException($"The provider's generated migrations set has no baseline {baseline} to move the history to.");
        }
        if (applied.Contains(baseline))
        {
            throw new InvalidOperationException(
                $"__EFMigrationsHistory holds both hand-written migrations ({string.Join(", ", appliedLegacy)}) and the baseline {baseline}; fix it by hand.");
        }

        if (!applied.Contains(MigrationSets.LastLegacyMigration))
        {
            await using var legacyContext = new PerformanceWheelDbContext(LegacyOptions(db));
            await legacyContext.Database.MigrateAsync(cancellationToken);
            appliedLegacy = [.. legacy.Where(id => applied.Contains(id) || id.CompareTo(MigrationSets.LastLegacyMigration) <= 0)];
        }

        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
        var statements = appliedLegacy.Select(history.GetDeleteScript).Append(history.GetInsertScript(new HistoryRow(baseline, version))).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Moves a hand-written history if there is one, then applies the pending generated migrations.</summary>
    public static async Task MigrateAsync(PerformanceWheelDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await MoveToBaselineAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The same database, seen through the hand-written migrations (which have no model snapshot).</summary>
    public static DbContextOptions<PerformanceWheelDbContext> LegacyOptions(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var options = db.GetService<IDbContextOptions>() as DbContextOptions<PerformanceWheelDbContext>
            ?? throw new InvalidOperationException("The context's options are not DbContextOptions<PerformanceWheelDbContext>.");
        return new DbContextOptionsBuilder<PerformanceWheelDbContext>(options)
            .ReplaceService<IMigrationsAssembly, LegacyMigrationsAssembly>()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
    }

    private static HashSet<string> LegacyMigrationIds(DbContext db)
    {
        using var legacyContext = new PerformanceWheelDbContext(LegacyOptions(db));
        return [.. legacyContext.GetService<IMigrationsAssembly>().Migrations.Keys];
    }
}
