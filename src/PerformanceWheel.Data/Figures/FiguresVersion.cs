using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Audit;

namespace PerformanceWheel.Data.Figures;

/// <summary>
/// The figures version (docs/decisions/0013): one number, in a single-row table, that goes up in the same transaction
/// as any change to something a page shows — figures, the framework, targets, assessments, critical items, projects
/// and their updates, finance, settings, publication, and the names pages credit people by. Caches of evaluated
/// quarters and of rendered pages are keyed by it, so a change is never served stale on any node.
/// </summary>
public sealed class FiguresVersion
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;

    private FiguresVersion() { }

    public int Id { get; private set; } = RowId;

    public long Value { get; private set; }
}

/// <summary>What changes the figures version, and the statements that read and raise it.</summary>
public static class FiguresVersions
{
    /// <summary>
    /// Whether a tracked change alters what a page may show: any entity of the domain (the framework, outturns and
    /// their revisions, projects, finance, settings, publications) and the framework's join rows (committees of
    /// measures and segments), except the audit trail; and a person's display name (measure pages credit people by it).
    /// Sign-ins, failed attempts, API keys and Directors' directorates change no page's figures.
    /// </summary>
    public static bool Shows(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return false;
        }

        if (entry.Entity is AppUser)
        {
            return entry.State != EntityState.Modified
                || entry.Property(nameof(AppUser.DisplayName)).IsModified
                || entry.Property(nameof(AppUser.UserName)).IsModified;
        }

        return ShowsType(entry.Metadata.ClrType) || entry.Metadata.HasSharedClrType;
    }

    /// <summary>Whether rows of this entity type are shown on pages (the bulk writes ask this of their table).</summary>
    public static bool ShowsType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Namespace?.StartsWith("PerformanceWheel.Domain", StringComparison.Ordinal) == true && type != typeof(AuditEntry);
    }

    /// <summary>The current version (0 for a database that has none yet).</summary>
    public static async Task<long> CurrentAsync(PerformanceWheelDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.FiguresVersions.AsNoTracking()
            .Where(v => v.Id == FiguresVersion.RowId)
            .Select(v => (long?)v.Value)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;
    }

    /// <summary>
    /// Raises the version by one in the context's current transaction (the caller owns it). One atomic
    /// UPDATE … SET Value = Value + 1, so two writers never raise it to the same number; the row is added if missing.
    /// </summary>
    public static async Task BumpAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (update, insert) = Statements(db);
        if (await db.Database.ExecuteSqlRawAsync(update, cancellationToken) == 0)
        {
            await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
        }
    }

    /// <inheritdoc cref="BumpAsync"/>
    public static void Bump(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (update, insert) = Statements(db);
        if (db.Database.ExecuteSqlRaw(update) == 0)
        {
            db.Database.ExecuteSqlRaw(insert);
        }
    }

    /// <summary>The UPDATE and the fallback INSERT, quoted for the context's provider from the model's names.</summary>
    private static (string Update, string Insert) Statements(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(FiguresVersion)) ?? throw new InvalidOperationException("FiguresVersion is not in the model.");
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var id = sql.DelimitIdentifier(nameof(FiguresVersion.Id));
        var value = sql.DelimitIdentifier(nameof(FiguresVersion.Value));
        var row = FiguresVersion.RowId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (
            $"UPDATE {table} SET {value} = {value} + 1 WHERE {id} = {row}{sql.StatementTerminator}",
            $"INSERT INTO {table} ({id}, {value}) VALUES ({row}, 1){sql.StatementTerminator}");
    }
}
