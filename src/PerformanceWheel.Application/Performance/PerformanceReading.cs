using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// The readers every page, pack, export and API answer goes through, with what they need: the figures version
/// (docs/decisions/0013) and the store of evaluated quarters. One registration for the web host, the report hosts and
/// the benchmarks, so no host builds a reader without its cache or version.
/// </summary>
public static class PerformanceReading
{
    public static IServiceCollection AddPerformanceReading(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<EvaluationCacheOptions>();
        services.AddOptions<FiguresVersionOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFiguresVersion, DatabaseFiguresVersion>();
        services.TryAddSingleton<EvaluatedQuarters>();
        services.TryAddScoped<PerformanceReader>();
        services.TryAddScoped<QuarterResolver>();
        services.TryAddScoped<DetailReader>();
        services.TryAddScoped<ForecastReader>();
        return services;
    }
}
