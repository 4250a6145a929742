using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.LargeCouncil;

namespace PerformanceWheel.Benchmarks.Http;

/// <summary>
/// Makes a database holding the large council for the web app to serve (scripts/http-bench.sh), with reading without
/// signing in allowed so wrk can request the pages anonymously (anonymous readers see published figures only).
/// <code>
/// prepare-db --sqlite PATH [--scale 1]                      copy of the cached SQLite file (LargeCouncilDatabase)
/// prepare-db --postgres ADMIN --database NAME [--scale 1]   a fresh PostgreSQL database NAME, loaded and analysed
/// prepare-db --postgres ADMIN --database NAME --drop        drops it again
/// </code>
/// With <c>--accounts PASSWORD</c> it also makes two accounts with that password, so the scripts can time the pages as
/// staff and as a Councillor: <see cref="AdminEmail"/> (Admin) and <see cref="CouncillorEmail"/> (Councillor).
/// Either way the database is migrated to the current schema before the council setting is changed, so the app
/// starts on it with nothing left to migrate.
/// </summary>
internal static class PrepareDatabase
{
    public const string AdminEmail = "bench-admin@large.council";

    public const string CouncillorEmail = "bench-councillor@large.council";

    public static async Task<int> RunAsync(string[] args)
    {
        string? sqlite = null, admin = null, name = null;
        var scale = 1;
        var drop = false;
        string? password = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sqlite": sqlite = args[++i]; break;
                case "--postgres": admin = args[++i]; break;
                case "--database": name = args[++i]; break;
                case "--scale": scale = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--drop": drop = true; break;
                case "--accounts": password = args[++i]; break;
                default:
                    Console.Error.WriteLine($"prepare-db: unknown argument '{args[i]}'");
                    return 2;
            }
        }

        if ((sqlite is null) == (admin is null) || (admin is not null && string.IsNullOrWhiteSpace(name)))
        {
            Console.Error.WriteLine("prepare-db: give --sqlite PATH, or --postgres ADMIN --database NAME");
            return 2;
        }

        DatabaseOptions database;
        if (sqlite is not null)
        {
            var cached = await LargeCouncilDatabase.CachedSqliteAsync(scale, new Progress<string>(Console.WriteLine));
            var source = new SqliteConnectionStringBuilder(cached.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sqlite))!);
            File.Copy(source, sqlite, overwrite: true);
            database = LargeCouncilDatabase.Sqlite(sqlite);
            Console.WriteLine($"Copied {source} to {sqlite}");
        }
        else
        {
            await AdminAsync(admin!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            if (drop)
            {
                Console.WriteLine($"Dropped database {name}");
                return 0;
            }

            await AdminAsync(admin!, $"CREATE DATABASE \"{name}\"");
            database = new DatabaseOptions(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
            var load = await LargeCouncil.LargeCouncil.LoadAsync(database, scale, new Progress<string>(p => Console.WriteLine("   " + p)));
            Console.WriteLine($"Loaded {load.Outturns:N0} outturns into {name} in {load.TotalTime.TotalSeconds:F1} s");
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var version = new NpgsqlCommand("SELECT 'PostgreSQL ' || current_setting('server_version')", connection);
            Console.WriteLine($"Server: {await version.ExecuteScalarAsync()}");
        }

        await using (var db = new PerformanceWheelDbContext(DatabaseSetup.BuildOptions(database)))
        {
            await PerformanceWheel.Data.Migrations.LegacyHistory.MigrateAsync(db);
            var settings = await db.CouncilSettings.SingleAsync();
            settings.ChangeReading(allowAnonymousReading: true, settings.OverdueDaysAfterPeriodEnd);
            await db.SaveChangesAsync();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                // Autovacuum would analyse the new tables within a minute; do it now so the plans are the steady-state ones.
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }

        if (password is not null)
        {
            await AddAccountsAsync(database, password);
            Console.WriteLine($"Accounts: {AdminEmail} (Admin), {CouncillorEmail} (Councillor)");
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        Console.WriteLine($"{LargeCouncil.LargeCouncil.CouncilName} ({scale}×) ready; reading without signing in allowed");
        return 0;
    }

    /// <summary>The roles and the two accounts, through ASP.NET Core Identity as the app makes them (hashed passwords).</summary>
    private static async Task AddAccountsAsync(DatabaseOptions database, string password)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<PerformanceWheelDbContext>(o => o.UseConfiguredDatabase(database));
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PerformanceWheelDbContext>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
        }

        foreach (var (email, role) in new[] { (AdminEmail, Roles.Admin), (CouncillorEmail, Roles.Councillor) })
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Benchmark {role}" };
            Check(await users.CreateAsync(user, password), $"account {email}");
            Check(await users.AddToRoleAsync(user, role), $"role of {email}");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"prepare-db: could not make the {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
