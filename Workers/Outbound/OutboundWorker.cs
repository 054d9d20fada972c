using Microsoft.Extensions.Options;
using SocialEnterprise.Domain.Notifications;
using SocialEnterprise.Domain.Replies;

namespace SocialEnterprise.Workers.Outbound;

/// <summary>
/// Keeps replies leaving: dispatches batches while replies are due, and otherwise waits for a reply to join the queue
/// (a notification), the next retry, or the poll interval.
/// </summary>
public sealed partial class OutboundWorker(
    OutboundDispatcher dispatcher,
    PostgresNotifications notifications,
    IOptions<OutboundOptions> options,
    TimeProvider time,
    ILogger<OutboundWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = notifications.NextSignal(NotificationChannels.Replies);
            DispatchResult result;
            try
            {
                result = await dispatcher.DispatchBatchAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever was claimed comes due again when its lease ends.
                LogDispatchFailed(logger, exception);
                result = DispatchResult.Empty;
            }

            if (result.Claimed < options.Value.BatchSize)
            {
                var wait = result.NextDue is { } due ? Clamp(due - time.GetUtcNow()) : options.Value.PollInterval;
                await notifications.WaitAsync(signal, wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10)
        : wait > options.Value.PollInterval ? options.Value.PollInterval
        : wait;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching replies failed; they stay queued")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
