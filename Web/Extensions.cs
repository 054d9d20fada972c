using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using SocialEnterprise.Domain.Caching;
using SocialEnterprise.Domain.Persistence;
using SocialEnterprise.Shared;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();

        builder.AddCrmCache();

        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<ApiKeyHandler>();
        builder.Services.AddHttpClient<CrmApiClient>(http => http.BaseAddress = new Uri($"http://{Resources.Api}"))
            .AddHttpMessageHandler<ApiKeyHandler>();

        builder.Services.AddSingleton<LiveEventStream>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveEventStream>());

        builder.Services.AddHealthChecks()
            .AddCheck<ApiHealthCheck>(Resources.Api, tags: [CrmDatabaseExtensions.ReadyTag]);
    }
}
