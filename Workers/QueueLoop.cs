using SocialEnterprise.Infrastructure.Notifications;

namespace SocialEnterprise.Workers;

/// <summary>
/// How a worker drains a queue kept in PostgreSQL: batch after batch while they come back full; otherwise it waits
/// for the queue's notification, the next due retry, or the poll interval, whichever comes first.
/// </summary>
internal static class QueueLoop
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(10);

    public static async Task RunAsync(
        PostgresNotifications notifications, string channel, Func<CancellationToken, Task<(int Claimed, DateTimeOffset? NextDue)>> batch,
        int batchSize, TimeSpan pollInterval, TimeProvider time, Action<Exception> failed, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the batch, so that a notification sent while it runs is not missed.
            var signal = notifications.NextSignal(channel);
            (int Claimed, DateTimeOffset? NextDue) result;
            try
            {
                result = await batch(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The batch's transaction rolled back (or its claims lapse): what it held is due again.
                failed(exception);
                result = (0, null);
            }

            if (result.Claimed < batchSize)
            {
                // Retries are not announced: come back for them when they fall due.
                var wait = result.NextDue is { } due ? due - time.GetUtcNow() : pollInterval;
                wait = wait < Shortest ? Shortest : wait > pollInterval ? pollInterval : wait;
                await notifications.WaitAsync(signal, wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
