using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Workers.Probes;

/// <summary>
/// Carries pipeline probes: claims waiting ones with <c>FOR UPDATE SKIP LOCKED</c> (so several workers share the
/// queue without taking the same probe) and completes them in one transaction with the event that says so. A worker
/// that dies mid-batch leaves its claims to roll back, and the next one takes them.
/// </summary>
public sealed partial class PipelineProbeWorker(
    IServiceScopeFactory scopes,
    PostgresNotifications notifications,
    WorkerInstance worker,
    TimeProvider time,
    ILogger<PipelineProbeWorker> logger) : BackgroundService
{
    public const int BatchSize = 50;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private static readonly ActivitySource ActivitySource = new("SocialEnterprise.Workers.Probes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = notifications.NextSignal(NotificationChannels.PipelineProbes);
            int carried;
            try
            {
                carried = await CarryBatchAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The transaction rolled back: the probes are still waiting and will be claimed again.
                LogBatchFailed(logger, exception);
                carried = 0;
            }

            if (carried < BatchSize)
            {
                await notifications.WaitAsync(signal, PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Claims and completes up to <see cref="BatchSize"/> waiting probes; returns how many.</summary>
    public async Task<int> CarryBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var probes = await db.PipelineProbes
                .FromSql($"""
                    SELECT * FROM pipeline_probes
                    WHERE status = 'requested'
                    ORDER BY requested_at
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(token);
            if (probes.Count == 0)
            {
                return 0;
            }

            using var activity = ActivitySource.StartActivity("Carry pipeline probes");
            activity?.SetTag("probes.count", probes.Count);
            foreach (var probe in probes)
            {
                probe.Complete(worker.Name, time.GetUtcNow());
            }

            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            LogCarried(logger, probes.Count);
            return probes.Count;
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried {Count} pipeline probes")]
    private static partial void LogCarried(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrying pipeline probes failed; they stay queued")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
