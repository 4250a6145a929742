using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations;

/// <summary>
/// The migrations sets in this assembly, one namespace each (docs/decisions/0016): the generated set of each provider,
/// with its model snapshot, and the hand-written migrations used before (provider-neutral, no snapshot), kept so that a
/// database they created can be brought to their last one and moved onto the generated sets.
/// </summary>
public static class MigrationSets
{
    /// <summary>The hand-written migrations' namespace (docs/decisions/0003, superseded by 0016).</summary>
    public const string Legacy = "PerformanceWheel.Data.Migrations.Legacy";

    /// <summary>The last hand-written migration: a database at it has today's schema, the generated sets' baseline.</summary>
    public const string LastLegacyMigration = "20261206150000_ProjectUpdatesWorkflow";

    /// <summary>The first generated migration of every provider's set: today's schema, made from nothing.</summary>
    public const string Baseline = "20261206211658_Baseline";

    /// <summary>The namespace of a provider's generated migrations (folder Migrations/&lt;Provider&gt;).</summary>
    public static string Namespace(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "PerformanceWheel.Data.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "PerformanceWheel.Data.Migrations.PostgreSql",
        DatabaseProvider.SqlServer => "PerformanceWheel.Data.Migrations.SqlServer",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>The provider of a context, from EF's provider name.</summary>
    public static DatabaseProvider ProviderOf(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
            "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
            var other => throw new InvalidOperationException($"The database provider {other} has no migrations set."),
        };
    }
}

/// <summary>
/// EF's view of the migrations assembly, narrowed to one migrations set: EF finds migrations and the model snapshot by
/// their [DbContext] attribute anywhere in the assembly, so without this each provider would see every provider's
/// migrations (and three snapshots). The set is the context's provider's namespace.
/// </summary>
public class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private readonly Type _contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotRead;

    public Assembly Assembly => typeof(ProviderMigrationsAssembly).Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= FindMigrations();

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotRead)
            {
                var type = Assembly.DefinedTypes.SingleOrDefault(t => !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot)) && InSet(t));
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type)!;
                _snapshotRead = true;
            }

            return _snapshot;
        }
    }

    /// <summary>The namespace of the set this context sees.</summary>
    protected virtual string Namespace => MigrationSets.Namespace(MigrationSets.ProviderOf(currentContext.Context.Database));

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var migrations = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in Assembly.DefinedTypes.Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Migration)) && InSet(t)))
        {
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id
                ?? throw new InvalidOperationException($"The migration {type.FullName} has no [Migration] attribute.");
            migrations.Add(id, type);
        }

        return migrations;
    }

    private bool InSet(TypeInfo type) =>
        type.Namespace == Namespace && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType;
}

/// <summary>The hand-written migrations (provider-neutral) that databases made before the generated sets were built with.</summary>
public sealed class LegacyMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator)
    : ProviderMigrationsAssembly(currentContext, idGenerator)
{
    protected override string Namespace => MigrationSets.Legacy;
}
