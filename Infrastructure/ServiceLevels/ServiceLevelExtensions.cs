using Microsoft.Extensions.DependencyInjection;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

public static class ServiceLevelExtensions
{
    /// <summary>The clock scheduler and its firing (the Workers run it; the benchmark and tests drive the same code).</summary>
    public static IServiceCollection AddServiceLevelScheduler(this IServiceCollection services)
    {
        services.AddSingleton<ServiceLevelFiring>();
        services.AddSingleton<ServiceLevelScheduler>();
        services.AddSingleton<ClockMetrics>();
        return services;
    }
}
