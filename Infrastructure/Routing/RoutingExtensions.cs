using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialEnterprise.Domain.Routing;

namespace SocialEnterprise.Infrastructure.Routing;

public static class RoutingExtensions
{
    /// <summary>The company's business hours (section <c>BusinessHours</c>), validated on start. (SLA policies are data: the <c>sla_policies</c> table.)</summary>
    public static IServiceCollection AddRoutingRules(this IServiceCollection services)
    {
        services.AddOptions<BusinessHours>().BindConfiguration(BusinessHours.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BusinessHours>, BusinessHoursValidator>());
        return services;
    }
}
