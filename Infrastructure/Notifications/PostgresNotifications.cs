using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SocialEnterprise.Infrastructure.Notifications;

/// <summary>
/// Wake-ups from PostgreSQL <c>LISTEN/NOTIFY</c>. They only shorten latency: every consumer also polls, so a
/// notification lost while the listening connection was down delays work by one poll interval and loses nothing.
/// </summary>
public sealed partial class PostgresNotifications(
    NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresNotifications> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _payloadHandlers = new();

    /// <summary>
    /// Calls <paramref name="onPayload"/> with each notification's payload on <paramref name="channel"/>, and with an
    /// empty payload whenever the listener (re)connects: notifications may have been missed, so read everything again.
    /// </summary>
    public IDisposable Subscribe(string channel, Action<string> onPayload)
    {
        _payloadHandlers.AddOrUpdate(channel, _ => new([onPayload]), (_, current) => new([.. current.Handlers, onPayload]));
        return new Unsubscriber(() => _payloadHandlers.AddOrUpdate(
            channel, _ => new([]), (_, current) => new([.. current.Handlers.Where(handler => handler != onPayload)])));
    }

    /// <summary>
    /// A task that completes at the next notification on <paramref name="channel"/>. Take it before reading what the
    /// channel announces, then await it only if the read found nothing, so that no notification falls in between.
    /// </summary>
    public Task NextSignal(string channel) => _signals.GetOrAdd(channel, _ => NewSource()).Task;

    /// <summary>Waits for the next notification on <paramref name="signal"/>'s channel or the poll interval, whichever is first.</summary>
    public async Task WaitAsync(Task signal, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        try
        {
            await signal.WaitAsync(pollInterval, time, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    Signal(notification.Channel);
                    Deliver(notification.Channel, notification.Payload);
                };
                foreach (var channel in NotificationChannels.All)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(logger, string.Join(", ", NotificationChannels.All));
                // Anything may have been appended while this connection was down.
                foreach (var channel in NotificationChannels.All)
                {
                    Signal(channel);
                    Deliver(channel, "");
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Signal(string channel)
    {
        while (true)
        {
            var current = _signals.GetOrAdd(channel, _ => NewSource());
            if (_signals.TryUpdate(channel, NewSource(), current))
            {
                current.TrySetResult();
                return;
            }
        }
    }

    private void Deliver(string channel, string payload)
    {
        if (_payloadHandlers.TryGetValue(channel, out var handlers))
        {
            foreach (var handler in handlers.Handlers)
            {
                handler(payload);
            }
        }
    }

    private sealed record ImmutableHandlers(IReadOnlyList<Action<string>> Handlers);

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to PostgreSQL notifications on {Channels}")]
    private static partial void LogListening(ILogger logger, string channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL notification listener lost its connection ({Reason}); consumers fall back to polling until it is back")]
    private static partial void LogListenFailed(ILogger logger, string reason);
}

/// <summary>The notification channels the database triggers raise (see the migrations).</summary>
public static class NotificationChannels
{
    public const string EventLog = "event_log";
    public const string PipelineProbes = "pipeline_probes";
    public const string IngestEvents = "ingest_events";

    /// <summary>A service-level clock's moments changed; the payload is its id.</summary>
    public const string ServiceLevelClocks = "service_level_clocks";

    /// <summary>A reply joined the outbound queue (written, approved or retried): see the Outbound migration's trigger.</summary>
    public const string Replies = "replies";

    public static readonly IReadOnlyList<string> All = [EventLog, PipelineProbes, IngestEvents, ServiceLevelClocks, Replies];
}
