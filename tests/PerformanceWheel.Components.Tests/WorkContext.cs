using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Import;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.TestSupport;
using PerformanceWheel.Web.Import;

namespace PerformanceWheel.Components.Tests;

/// <summary>
/// The officers' work pages (critical items, segment assessments, the import) rendered by bunit with the app's own
/// services over a real database: the grid's context plus the readers, the two workflows, the importer and the store
/// of uploads waiting for confirmation (in a folder of the test's own).
/// </summary>
public static class WorkContext
{
    public static BunitContext Create(TestDatabase database, SignedIn signedIn, string? importFolder = null, long? maxFileBytes = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return LivePage.Context(database, signedIn, services =>
        {
            services.AddScoped<OutturnWorkflow>();
            services.AddLogging();
            services.AddMemoryCache();
            services.AddPerformanceReading();
            services.AddScoped<CriticalItemsWorkflow>();
            services.AddScoped<SegmentAssessments>();
            services.AddScoped<WorkbookImporter>();
            services.Configure<ImportOptions>(o =>
            {
                o.WorkFolder = importFolder ?? Path.Combine(Path.GetTempPath(), "pw-components-imports");
                o.MaxFileBytes = maxFileBytes ?? o.MaxFileBytes;
            });
            services.AddSingleton<PendingImports>();
        }, directorateAuthorization: true);
    }

    public static SignedIn As(string name, string role)
    {
        var signedIn = new SignedIn();
        signedIn.As(name, role);
        return signedIn;
    }
}
