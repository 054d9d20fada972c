using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Infrastructure.ServiceLevels;

namespace SocialEnterprise.Workers.ServiceLevels;

/// <summary>Runs the clock scheduler, told of changed clocks by the database's notifications.</summary>
internal sealed class ServiceLevelWorker(ServiceLevelScheduler scheduler, PostgresNotifications notifications) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifications.Subscribe(NotificationChannels.ServiceLevelClocks, scheduler.Changed);
        await scheduler.RunAsync(stoppingToken);
    }
}
