using Microsoft.Extensions.Options;
using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Workers.Replies;

/// <summary>
/// Keeps replies leaving: dispatches batches while replies are due, and otherwise waits for a reply to join the queue
/// (a notification), the next retry, or the poll interval.
/// </summary>
public sealed partial class ReplyDeliveryWorker(
    ReplyDispatcher dispatcher,
    PostgresNotifications notifications,
    IOptions<ReplyDeliveryOptions> options,
    TimeProvider time,
    ILogger<ReplyDeliveryWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        QueueLoop.RunAsync(
            notifications, NotificationChannels.Replies,
            async cancellation =>
            {
                var result = await dispatcher.DispatchBatchAsync(cancellation);
                return (result.Claimed, result.NextDue);
            },
            options.Value.BatchSize, options.Value.PollInterval, time,
            exception => LogDispatchFailed(logger, exception),
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching replies failed; they stay queued")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
