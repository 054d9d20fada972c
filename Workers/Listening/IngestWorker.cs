using Microsoft.Extensions.Options;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Notifications;

namespace SocialEnterprise.Workers.Listening;

/// <summary>
/// Keeps the intake moving: <see cref="ListeningOptions.Concurrency"/> loops, each carrying batches while there are due
/// events (from its share of the partitions, the oldest work no other loop of any replica holds) and otherwise waiting for a
/// notification, the next retry, or the poll interval.
/// </summary>
public sealed partial class IngestWorker(
    IngestCarrier carrier,
    PostgresNotifications notifications,
    IOptions<ListeningOptions> options,
    TimeProvider time,
    ILogger<IngestWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => CarryLoopAsync(stoppingToken)));

    /// <summary>Carries partitions of authors no other loop holds, so that the loops never wait on each other's customers.</summary>
    private Task CarryLoopAsync(CancellationToken stoppingToken) =>
        QueueLoop.RunAsync(
            notifications, NotificationChannels.IngestEvents,
            async cancellation =>
            {
                var result = await carrier.CarryBatchAsync(cancellation, options.Value.PartitionsPerBatch);
                return (result.Claimed, result.NextDue);
            },
            options.Value.BatchSize, options.Value.PollInterval, time,
            exception => LogBatchFailed(logger, exception),
            stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrying ingested events failed; the batch stays queued")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
