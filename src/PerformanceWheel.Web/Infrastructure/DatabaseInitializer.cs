using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Demo;
using PerformanceWheel.Data.Migrations;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Web.Security;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>Migrates the database at startup and loads the demo council into an empty database when enabled.</summary>
internal sealed class DatabaseInitializer(
    IDbContextFactory<PerformanceWheelDbContext> contextFactory,
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    IOptions<DemoDataOptions> demo,
    IOptions<CouncilOptions> council,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await LegacyHistory.MoveToBaselineAsync(db, cancellationToken))
        {
            logger.LogInformation("Moved the hand-written migrations' history to the generated baseline (docs/decisions/0016)");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        var isEmpty = !await db.CouncilSettings.AnyAsync(cancellationToken);
        if (isEmpty && demo.Value.LoadOnEmptyDatabase)
        {
            var summary = await new DemoCouncilLoader(db).LoadAsync(cancellationToken);
            logger.LogInformation("Loaded the demo council: {Summary}", summary);
        }
        else if (isEmpty)
        {
            db.CouncilSettings.Add(new CouncilSettings(council.Value.Name));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created council settings for {Council}", council.Value.Name);
        }

        // Roles, the bootstrap admin (Bootstrap:AdminEmail/AdminPassword) and, with the demo council, demo users.
        var demoUsers = demo.Value.LoadOnEmptyDatabase && (demo.Value.CreateDemoUsers ?? environment.IsDevelopment());
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().EnsureAsync(demoUsers);
    }
}
