using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.Infrastructure.ServiceLevels;

namespace SocialEnterprise.Workers.Operations;

/// <summary>
/// How much work waits, as gauges on the dashboard's Metrics page: the intake backlog and the age of its oldest event, the
/// outbound queue, and the running service-level clocks. One query on the queues' partial indexes every few seconds; the
/// gauges report the latest reading (a metrics export must not wait on the database).
/// </summary>
public sealed partial class QueueGauges : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueGauges> _logger;
    private Reading? _latest;

    public QueueGauges(IServiceScopeFactory scopes, IMeterFactory meters, TimeProvider time, ILogger<QueueGauges> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
        var intake = meters.Create(ListeningMetrics.MeterName);
        intake.CreateObservableGauge("socialenterprise.intake.backlog", () => Observe(r => r.Backlog), "{event}",
            "Accepted events waiting to be carried (due now, retrying or waiting for the message they answer)");
        intake.CreateObservableGauge("socialenterprise.intake.backlog.oldest_age", () => Observe(r => r.OldestAge), "s",
            "How long the oldest waiting event has waited since it was accepted");
        meters.Create(ReplyDeliveryMetrics.MeterName).CreateObservableGauge(
            "socialenterprise.outbound.queue", () => Observe(r => r.Outbound), "{reply}", "Replies waiting to be delivered or retried");
        var serviceLevels = meters.Create(ClockMetrics.MeterName);
        serviceLevels.CreateObservableGauge("socialenterprise.sla.clocks.running", () => Observe(r => r.RunningClocks), "{clock}",
            "Service-level clocks running and not yet breached");
        serviceLevels.CreateObservableGauge("socialenterprise.sla.clocks.breached_open", () => Observe(r => r.BreachedClocks), "{clock}",
            "Service-level clocks breached whose conversation still waits");
    }

    /// <summary>The latest reading (null before the first), for tests.</summary>
    public Reading? Latest => _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        do
        {
            try
            {
                _latest = await ReadAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The gauges keep the last reading; the database being away is reported by the health checks.
                LogReadFailed(_logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var row = await db.Database.SqlQuery<QueueRow>($"""
            SELECT
              (SELECT count(*) FROM ingest_events WHERE status = 'pending') AS backlog,
              (SELECT min(received_at) FROM ingest_events WHERE status = 'pending') AS oldest,
              (SELECT count(*) FROM replies WHERE next_attempt_at IS NOT NULL AND state = 'queued') AS outbound,
              (SELECT count(*) FROM service_level_clocks WHERE stopped_at IS NULL AND breached_at IS NULL AND due_at IS NOT NULL) AS running,
              (SELECT count(*) FROM service_level_clocks WHERE breached_at IS NOT NULL AND stopped_at IS NULL) AS breached
            """).SingleAsync(cancellationToken);
        var now = _time.GetUtcNow();
        return new Reading(row.Backlog, row.Oldest is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0, row.Outbound, row.Running, row.Breached);
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<Reading, T> value) where T : struct =>
        _latest is { } reading ? [new Measurement<T>(value(reading))] : [];

    /// <summary>One reading of the queues.</summary>
    public sealed record Reading(long Backlog, double OldestAge, long Outbound, long RunningClocks, long BreachedClocks);

    private sealed record QueueRow(long Backlog, DateTimeOffset? Oldest, long Outbound, long Running, long Breached);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the queues for the gauges: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}
