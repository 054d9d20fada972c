using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Workers.Operations;

/// <summary>
/// Tells the rest of the system that this worker is alive and how its own checks look, every few seconds, through
/// PostgreSQL (the Workers have no endpoint the Api calls).
/// </summary>
public sealed partial class HeartbeatWorker(
    IServiceScopeFactory scopes,
    HealthCheckService health,
    WorkerInstance worker,
    TimeProvider time,
    ILogger<HeartbeatWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Heartbeats of instances gone for longer than this are deleted.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await BeatAsync(startedAt, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogBeatFailed(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task BeatAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var now = time.GetUtcNow();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var heartbeat = await db.ServiceHeartbeats.FindAsync([Resources.Workers, worker.Name], cancellationToken);
        if (heartbeat is null)
        {
            heartbeat = new ServiceHeartbeat(Resources.Workers, worker.Name, startedAt);
            db.ServiceHeartbeats.Add(heartbeat);
        }

        heartbeat.Beat(now, report.Status.ToString());
        await db.SaveChangesAsync(cancellationToken);

        var cutoff = now - Retention;
        await db.ServiceHeartbeats.Where(old => old.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the heartbeat: {Reason}")]
    private static partial void LogBeatFailed(ILogger logger, string reason);
}
