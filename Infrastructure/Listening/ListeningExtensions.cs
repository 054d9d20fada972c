using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Routing;

namespace SocialEnterprise.Infrastructure.Listening;

public static class ListeningExtensions
{
    /// <summary>
    /// What carries accepted events into conversations (options from <c>Intake</c>, validated on start): the carrier
    /// and its processing steps. Requires the CRM database.
    /// </summary>
    public static IServiceCollection AddListening(this IServiceCollection services)
    {
        services.AddOptions<ListeningOptions>()
            .BindConfiguration(ListeningOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRoutingRules();
        services.AddSingleton<MessageClassifier>();
        services.AddScoped<IntakeLookups>();
        services.AddScoped<IdentityResolver>();
        services.AddScoped<ConversationThreading>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<IngestProcessor>();
        services.AddSingleton<IntakeRulesCache>();
        services.AddSingleton<IngestCarrier>();
        services.TryAddSingleton<ListeningMetrics>();
        return services;
    }
}
