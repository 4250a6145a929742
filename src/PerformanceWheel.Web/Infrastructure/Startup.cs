using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Finance;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Data;
using PerformanceWheel.Reporting;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Components;
using PerformanceWheel.Web.Import;
using PerformanceWheel.Web.Security;
using MudBlazor.Services;

namespace PerformanceWheel.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so tests can see each step.</summary>
public static class Startup
{
    public static WebApplicationBuilder AddPerformanceWheel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;

        // Logging: Serilog (console, rolling text file, optional compact JSON file; Logging.cs, docs/decisions/0008).
        builder.AddLogging();

        // Traces and metrics over OTLP when an endpoint is configured (Telemetry.cs, docs/decisions/0009).
        builder.AddTelemetry();

        // Database: provider from configuration, chosen in DatabaseSetup.
        var database = ResolveDatabase(configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContextFactory<PerformanceWheelDbContext>(o => o.UseConfiguredDatabase(database));
        builder.Services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        builder.Services.Configure<CouncilOptions>(configuration.GetSection(CouncilOptions.Section));
        builder.Services.Configure<EvaluationCacheOptions>(configuration.GetSection(EvaluationCacheOptions.Section));
        builder.Services.Configure<FiguresVersionOptions>(configuration.GetSection(FiguresVersionOptions.Section));
        builder.Services.AddPerformanceReading();
        builder.Services.AddScoped<PerformanceWheel.Application.Framework.CouncilProfile>();
        PerformanceWheel.Application.Framework.FrameworkServices.AddFrameworkAdministration(builder.Services);
        builder.Services.AddScoped<PerformanceWheel.Application.Workflow.OutturnWorkflow>();
        builder.Services.AddScoped<PerformanceWheel.Application.Workflow.SegmentAssessments>();
        builder.Services.AddScoped<PerformanceWheel.Application.Workflow.CriticalItemsWorkflow>();
        builder.Services.AddScoped<PerformanceWheel.Application.Workflow.OutturnCorrections>();
        builder.Services.AddScoped<PerformanceWheel.Application.Workflow.FigureReview>();
        builder.Services.AddScoped<PerformanceWheel.Application.Workflow.KeyIssues>();
        builder.Services.AddScoped<PerformanceWheel.Application.Workflow.KeyIssuesReader>();
        builder.Services.AddScoped<ProjectUpdateCommands>();
        builder.Services.AddScoped<ProjectUpdateSteps>();
        builder.Services.AddScoped<ProjectUpdateReader>();
        builder.Services.AddScoped<FinanceEntry>();
        PerformanceWheel.Application.Covering.CoveringServices.AddCoveringReports(builder.Services);
        builder.Services.AddScoped<PerformanceWheel.Web.Accounts.SignInAudit>();
        builder.Services.AddScoped<PerformanceWheel.Web.Accounts.DirectorateChoices>();

        // Workbook import (docs/import-format.md): the engine, uploads waiting for confirmation, and the templates.
        builder.Services.Configure<PerformanceWheel.Application.Import.ImportOptions>(configuration.GetSection(PerformanceWheel.Application.Import.ImportOptions.Section));
        builder.Services.AddScoped<PerformanceWheel.Application.Import.WorkbookImporter>();
        builder.Services.AddScoped<PerformanceWheel.Reporting.Excel.ImportWorkbooks>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PerformanceWheel.Web.Import.PendingImports>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IFigureAudience, SignedInAudience>();

        // PDF packs and Excel exports; they are read under the same rule as the pages.
        builder.Services.AddReporting(configuration);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(o =>
            o.AddPolicy(ReportingExtensions.ReadPolicy, p => p.AddRequirements(new ReadPerformanceRequirement())));

        builder.Services.AddHealthChecks().AddDbContextCheck<PerformanceWheelDbContext>("database");

        // Data protection keys (antiforgery, cookies) on disk so restarts and several nodes share them (docs/scaling.md).
        var keysPath = Path.Combine(builder.Environment.ContentRootPath, configuration["DataProtection:KeysPath"] ?? "data/keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("PerformanceWheel")
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        builder.Services.AddAccounts(configuration);
        builder.Services.AddApi();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntiforgery();
        builder.Services.AddPageCache(configuration);
        builder.Services.AddCircuits(configuration, builder.Environment);
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UsePerformanceWheel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseApiBodyLimit(app.Configuration);
        app.UseAntiforgery();

        // Reading pages for published-only readers, kept per figures version (PageCache, docs/decisions/0013); after
        // authorization, so whether a reader may read at all is decided on every request.
        app.UseOutputCache();

        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();

        app.MapAccountEndpoints();
        app.MapApiAndOpenData();
        app.MapReports();
        app.MapImport();
        app.MapThemeStylesheet();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .Add(endpoint =>
            {
                PageCache.Apply(endpoint);

                // The framework's redirect endpoint (used after form posts) only turns a data-protected token into a
                // redirect, so it is explicitly anonymous; every page names its own policy.
                if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.EndsWith("_framework/opaque-redirect", StringComparison.Ordinal) == true)
                {
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
                }

                // The interactive circuit's hub: only staff work pages are interactive (reading pages stay server rendered),
                // so a circuit needs a signed-in user; each page still checks its own policy when it renders.
                if (endpoint is RouteEndpointBuilder hub && hub.RoutePattern.RawText?.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal) == true)
                {
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Security.Policies.SignedIn));
                }
            });
        return app;
    }

    /// <summary>Applies migrations, makes sure the council exists, and loads the demo council into an empty database when enabled.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var initializer = ActivatorUtilities.CreateInstance<DatabaseInitializer>(app.Services);
        await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
        await app.EnsureBootstrapApiKeyAsync();
    }

    /// <summary>Reads Database:Provider and ConnectionStrings:PerformanceWheel; a relative SQLite file lives under the content root.</summary>
    public static DatabaseOptions ResolveDatabase(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = DatabaseOptions.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("PerformanceWheel");
        if (provider is DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:PerformanceWheel is not set.");
            }

            return new DatabaseOptions(provider, connectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnectionString : connectionString);
        if (!string.IsNullOrEmpty(sqlite.DataSource) && sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, sqlite.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            sqlite.DataSource = path;
        }

        return new DatabaseOptions(provider, sqlite.ToString());
    }
}

/// <summary>Demo data settings: DemoData:LoadOnEmptyDatabase (on in Development, off in Production).</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    public bool LoadOnEmptyDatabase { get; set; }

    /// <summary>Create one demo user per role with the demo council (README; Development only unless set).</summary>
    public bool? CreateDemoUsers { get; set; }
}

/// <summary>The council's name when the database is first created (Council:Name).</summary>
public sealed class CouncilOptions
{
    public const string Section = "Council";

    public string Name { get; set; } = "Our Council";
}
