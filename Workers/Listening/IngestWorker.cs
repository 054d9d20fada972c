using Microsoft.Extensions.Options;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Notifications;

namespace SocialEnterprise.Workers.Listening;

/// <summary>
/// Keeps the intake moving: <see cref="IntakeOptions.Concurrency"/> loops, each carrying batches while there are due
/// events and otherwise waiting for a notification, the next retry, or the poll interval.
/// </summary>
public sealed partial class IngestWorker(
    IngestCarrier carrier,
    PostgresNotifications notifications,
    IOptions<IntakeOptions> options,
    TimeProvider time,
    ILogger<IngestWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(partition => CarryLoopAsync(partition, stoppingToken)));

    /// <summary>Carries one partition (by author), so that the loops never wait on each other's customers.</summary>
    private async Task CarryLoopAsync(int partition, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = notifications.NextSignal(NotificationChannels.IngestEvents);
            BatchResult result;
            try
            {
                result = await carrier.CarryBatchAsync(stoppingToken, partition, options.Value.Concurrency);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The transaction rolled back: every event of the batch still waits and will be claimed again.
                LogBatchFailed(logger, exception);
                result = BatchResult.Empty;
            }

            if (result.Claimed < options.Value.BatchSize)
            {
                // Retries and deferrals are not announced: come back for them when they fall due.
                var wait = result.NextDue is { } due ? Clamp(due - time.GetUtcNow()) : options.Value.PollInterval;
                await notifications.WaitAsync(signal, wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10)
        : wait > options.Value.PollInterval ? options.Value.PollInterval
        : wait;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrying ingested events failed; the batch stays queued")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
