using SocialEnterprise.Shared;

namespace SocialEnterprise.Web.Operations;

public static class ApiClientsExtensions
{
    /// <summary>
    /// The Api over one transport (the named client with the Api's address, the staff member's token, problem details
    /// as exceptions), and a typed client per feature on top of it.
    /// </summary>
    public static IServiceCollection AddApiClients(this IServiceCollection services)
    {
        services.AddHttpClient(ApiTransport.HttpClientName, http => http.BaseAddress = new Uri($"http://{Resources.Api}"));
        services.AddScoped<ApiTransport>();
        services.AddScoped<AccessClient>();
        services.AddScoped<AssignmentClient>();
        services.AddScoped<AuditClient>();
        services.AddScoped<ClassificationClient>();
        services.AddScoped<CollaborationClient>();
        services.AddScoped<ConversationsClient>();
        services.AddScoped<CustomersClient>();
        services.AddScoped<FilteringClient>();
        services.AddScoped<ListeningClient>();
        services.AddScoped<RepliesClient>();
        services.AddScoped<ReportsClient>();
        services.AddScoped<RoutingClient>();
        services.AddScoped<ServiceLevelsClient>();
        services.AddScoped<StaffClient>();
        services.AddScoped<SystemClient>();
        return services;
    }
}
