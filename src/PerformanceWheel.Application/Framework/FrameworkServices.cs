using Microsoft.Extensions.DependencyInjection;

namespace PerformanceWheel.Application.Framework;

/// <summary>Registers the framework's queries and its commands, one per aggregate, for a request (scoped, as the DbContext is).</summary>
public static class FrameworkServices
{
    public static IServiceCollection AddFrameworkAdministration(this IServiceCollection services)
    {
        services.AddScoped<FrameworkQueries>();
        services.AddScoped<MeasureCommands>();
        services.AddScoped<TargetCommands>();
        services.AddScoped<DirectorateCommands>();
        services.AddScoped<CommitteeCommands>();
        services.AddScoped<PlanCommands>();
        services.AddScoped<RingCommands>();
        services.AddScoped<SegmentCommands>();
        services.AddScoped<ProjectCommands>();
        return services;
    }
}
