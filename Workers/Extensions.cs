using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialEnterprise.Infrastructure.Caching;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.Workers.Listening;
using SocialEnterprise.Workers.Operations;
using SocialEnterprise.Workers.Replies;
using SocialEnterprise.Workers.Probes;
using SocialEnterprise.Workers.ServiceLevels;

namespace SocialEnterprise.Workers;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(WorkerInstance.Current());

        builder.AddCrmDatabase();
        builder.AddCrmNotifications();
        builder.AddCrmCache();

        builder.Services.AddOptions<PriorityOptions>().BindConfiguration(PriorityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<BackgroundPriority>();
        builder.Services.AddHostedService<HeartbeatWorker>();
        builder.Services.AddSingleton<QueueGauges>();
        builder.Services.AddHostedService(services => services.GetRequiredService<QueueGauges>());
        builder.Services.AddHostedService<PipelineProbeWorker>();

        builder.Services.AddListening();
        builder.Services.AddHostedService<IngestWorker>();

        builder.Services.AddServiceLevelScheduler();
        builder.Services.AddHostedService<ServiceLevelWorker>();

        builder.Services.AddReplyDelivery();
        builder.Services.AddHostedService<ReplyDeliveryWorker>();
    }
}
