using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SocialEnterprise.Domain.Routing;

public static class RoutingExtensions
{
    /// <summary>The company's business hours (section <c>BusinessHours</c>) and the SLA policy names (section <c>ServicePolicies</c>), validated on start.</summary>
    public static IServiceCollection AddRoutingRules(this IServiceCollection services)
    {
        services.AddOptions<BusinessHours>().BindConfiguration(BusinessHours.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BusinessHours>, BusinessHoursValidator>());
        services.AddOptions<ServicePolicies>().BindConfiguration(ServicePolicies.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServicePolicies>, ServicePoliciesValidator>());
        return services;
    }
}
