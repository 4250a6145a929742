using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Migrations;

namespace PerformanceWheel.MigrationScaffolder;

/// <summary>
/// <c>add &lt;Name&gt; [--data-project DIR] [--empty]</c>: one migration named Name in each provider's set
/// (src/PerformanceWheel.Data/Migrations/{Sqlite,PostgreSql,SqlServer}) with its updated model snapshot.
/// <c>script &lt;Provider&gt; &lt;file&gt;</c>: the provider's migration script (idempotent where EF can make one).
/// <c>check</c>: fails when the model has changes no migration holds, for any provider.
/// </summary>
public static class Commands
{
    public static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    private const string Usage =
        """
        usage: PerformanceWheel.MigrationScaffolder add <Name> [--data-project DIR] [--empty]
               PerformanceWheel.MigrationScaffolder script <Sqlite|PostgreSql|SqlServer> <output.sql>
               PerformanceWheel.MigrationScaffolder check
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return args switch
            {
                ["add", var name, .. var rest] => Add(name, rest),
                ["script", var provider, var output] => await ScriptAsync(DatabaseOptions.ParseProvider(provider), output),
                ["check"] => Check(),
                _ => Fail(Usage),
            };
        }
        catch (InvalidOperationException e)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>A context on the provider that needs no server: scaffolding and scripts never open a connection.</summary>
    public static PerformanceWheelDbContext DesignContext(DatabaseProvider provider) =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions(provider, provider switch
        {
            DatabaseProvider.PostgreSql => "Host=localhost;Database=performancewheel",
            DatabaseProvider.SqlServer => "Server=localhost;Database=PerformanceWheel;TrustServerCertificate=True",
            _ => "Data Source=performancewheel.db",
        })));

    private static int Add(string name, string[] options)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Z][A-Za-z0-9]*$"))
        {
            return Fail($"The migration name '{name}' must be a C# class name in PascalCase (letters and digits, e.g. FiguresVersion).");
        }

        var empty = options.Contains("--empty");
        var dataProject = Option(options, "--data-project") ?? FindDataProject();
        var pending = Providers.Where(p =>
        {
            using var db = DesignContext(p);
            return db.Database.HasPendingModelChanges();
        }).ToList();
        if (pending.Count == 0 && !empty)
        {
            return Fail("The model has no changes that the migrations do not already hold; nothing to add (pass --empty for a migration to fill in by hand).");
        }

        // Every provider's migration gets the same id (one timestamp), so the three sets stay in step.
        var id = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{name}";
        foreach (var provider in Providers)
        {
            using var db = DesignContext(provider);
            using var services = DesignServices(db, id);
            using var scope = services.CreateScope();
            var scaffolder = scope.ServiceProvider.GetRequiredService<IMigrationsScaffolder>();
            var folder = MigrationSets.Namespace(provider)["PerformanceWheel.Data.".Length..];
            var migration = scaffolder.ScaffoldMigration(name, "PerformanceWheel.Data", folder, "C#");
            // Save looks for the existing snapshot file by name under the directory given first: give it the set's own
            // folder, or it would find another provider's snapshot (they share a class name in different namespaces).
            var setFolder = Path.Combine(dataProject, folder.Replace('.', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(setFolder);
            var files = scaffolder.Save(setFolder, migration, setFolder);
            var snapshot = Path.Combine(setFolder, Path.GetFileName(files.SnapshotFile!));
            if (Path.GetFullPath(files.SnapshotFile!) != Path.GetFullPath(snapshot))
            {
                // The set's first migration: EF put the new snapshot in a folder named after the namespace, under the set's.
                File.Move(files.SnapshotFile!, snapshot, overwrite: true);
                Directory.Delete(Path.Combine(setFolder, folder.Split('.')[0]), recursive: true);
                files.SnapshotFile = snapshot;
            }

            Console.WriteLine($"{provider}: {migration.MigrationId}");
            Console.WriteLine($"  {Path.GetRelativePath(Directory.GetCurrentDirectory(), files.MigrationFile!)}");
            Console.WriteLine($"  {Path.GetRelativePath(Directory.GetCurrentDirectory(), files.MetadataFile!)}");
            Console.WriteLine($"  {Path.GetRelativePath(Directory.GetCurrentDirectory(), files.SnapshotFile!)}");
        }

        return 0;
    }

    private static async Task<int> ScriptAsync(DatabaseProvider provider, string output)
    {
        await using var db = DesignContext(provider);
        var options = provider == DatabaseProvider.Sqlite ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent;
        var script = db.GetService<IMigrator>().GenerateScript(options: options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, script);
        Console.WriteLine($"{provider}: {options} migration script written to {output} ({db.Database.GetMigrations().Count()} migrations)");
        return 0;
    }

    private static int Check()
    {
        var failed = false;
        foreach (var provider in Providers)
        {
            using var db = DesignContext(provider);
            var pending = db.Database.HasPendingModelChanges();
            Console.WriteLine($"{provider}: {(pending ? "the model has changes no migration holds: run scripts/add-migration.sh <Name>" : "migrations match the model")}");
            failed |= pending;
        }

        return failed ? 1 : 0;
    }

    /// <summary>EF's design-time services for the context, with migration ids fixed to <paramref name="id"/>'s timestamp.</summary>
    private static ServiceProvider DesignServices(DbContext db, string id)
    {
#pragma warning disable EF1001 // DesignTimeServicesBuilder and OperationReporter are EF's internal API; the dotnet-ef CLI uses them the same way.
        var reporter = new Microsoft.EntityFrameworkCore.Design.Internal.OperationReporter(new OperationReportHandler(
            error => Console.Error.WriteLine("error: " + error),
            warning => Console.Error.WriteLine("warning: " + warning),
            information => Console.WriteLine(information),
            verbose => { }));
        var services = new Microsoft.EntityFrameworkCore.Design.Internal.DesignTimeServicesBuilder(
            typeof(PerformanceWheelDbContext).Assembly, typeof(Commands).Assembly, reporter, []).CreateServiceCollection(db);
#pragma warning restore EF1001
        services.AddSingleton<IMigrationsIdGenerator>(new FixedTimestampIdGenerator(id[..14]));
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static string FindDataProject()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PerformanceWheel.Data");
            if (File.Exists(Path.Combine(candidate, "PerformanceWheel.Data.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/PerformanceWheel.Data was not found above the current directory; pass --data-project DIR.");
    }

    private static string? Option(string[] options, string name)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? options[at + 1] : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}

/// <summary>EF's migration ids (timestamp_Name), with one timestamp for every provider's migration of a run.</summary>
internal sealed partial class FixedTimestampIdGenerator(string timestamp) : IMigrationsIdGenerator
{
    public string GenerateId(string name) => $"{timestamp}_{name}";

    public string GetName(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return IsValidId(id) ? id[15..] : id;
    }

    public bool IsValidId(string value) => value is not null && Id().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{14}_.+$")]
    private static partial System.Text.RegularExpressions.Regex Id();
}
