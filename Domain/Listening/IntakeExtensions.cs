using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Domain.Assignment;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Routing;

namespace SocialEnterprise.Domain.Listening;

public static class IntakeExtensions
{
    /// <summary>
    /// What carries accepted events into conversations (options from <c>Intake</c>, validated on start): the carrier
    /// and its processing steps. Requires the CRM database.
    /// </summary>
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddOptions<IntakeOptions>()
            .BindConfiguration(IntakeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRoutingRules();
        services.AddSingleton<MessageClassifier>();
        services.AddScoped<IdentityResolver>();
        services.AddScoped<ConversationThreading>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<IngestProcessor>();
        services.AddSingleton<IngestCarrier>();
        services.TryAddSingleton<IntakeMetrics>();
        return services;
    }
}
