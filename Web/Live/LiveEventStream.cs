using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Live;

/// <summary>
/// The workspace's one subscription to the Api's event stream. It follows the event log over SignalR from the last
/// sequence it saw, so after a dropped connection it resumes without losing or repeating an event, and hands each
/// event to the components that subscribed (which re-render through <c>InvokeAsync</c>).
/// </summary>
public sealed partial class LiveEventStream(
    IConfiguration configuration, StaffTokens tokens, WorkspaceMetrics metrics, TimeProvider time, ILogger<LiveEventStream> logger)
    : BackgroundService
{
    /// <summary>How many past events a fresh workspace shows before the live ones.</summary>
    public const int Backfill = 50;

    /// <summary>How many recent events are kept for pages that open later.</summary>
    public const int Capacity = 200;

    private static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    private readonly Lock _gate = new();
    private readonly LinkedList<EventEnvelope> _recent = new();
    private readonly List<Subscription> _subscriptions = [];
    private long? _lastSequence;

    // Events up to here were in the log before the stream was first followed (the backfill): not late, only old.
    private long _liveFrom = long.MaxValue;

    public LiveConnectionState State { get; private set; } = LiveConnectionState.Connecting;

    public long? LastSequence => _lastSequence;

    /// <summary>The most recent events, newest first.</summary>
    public IReadOnlyList<EventEnvelope> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    public IDisposable Subscribe(Func<EventEnvelope, Task> onEvent, Func<LiveConnectionState, Task>? onStateChanged = null)
    {
        var subscription = new Subscription(this, onEvent, onStateChanged);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hub = new Uri(ApiAddress.From(configuration), "hubs/events");
        for (var failures = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await using var connection = new HubConnectionBuilder()
                    // The workspace's own identity: it reads the stream for every page, each of which shows what its user may see.
                    .WithUrl(hub, options => options.AccessTokenProvider = () => Task.FromResult<string?>(tokens.IssueForWorkspace()))
                    .Build();
                await connection.StartAsync(stoppingToken);

                var head = _lastSequence is null ? await connection.InvokeAsync<long>("Head", stoppingToken) : 0;
                var after = _lastSequence ?? Math.Max(0, head - Backfill);
                _liveFrom = Math.Min(_liveFrom, _lastSequence ?? head);
                await SetStateAsync(LiveConnectionState.Live);
                LogFollowing(logger, hub, after);
                failures = 0;

                await foreach (var envelope in connection.StreamAsync<EventEnvelope>("Follow", after, stoppingToken))
                {
                    await PublishAsync(envelope);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogDisconnected(logger, exception.Message);
            }

            await SetStateAsync(LiveConnectionState.Reconnecting);
            var delay = RetryDelays[Math.Min(failures++, RetryDelays.Length - 1)];
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    internal async Task PublishAsync(EventEnvelope envelope)
    {
        Subscription[] subscribers;
        lock (_gate)
        {
            if (envelope.Sequence <= (_lastSequence ?? 0))
            {
                return;
            }

            _lastSequence = envelope.Sequence;
            _recent.AddFirst(envelope);
            if (_recent.Count > Capacity)
            {
                _recent.RemoveLast();
            }

            subscribers = [.. _subscriptions];
        }

        // The last step of the event's trace (from the webhook or the command that caused it): handed to the open pages.
        using var activity = envelope.TraceParent is null
            ? null
            : LiveTelemetry.Source.StartActivity($"Push {envelope.Type}", ActivityKind.Consumer, TraceContext.ContextOf(envelope.TraceParent));
        activity?.SetTag("socialenterprise.event.sequence", envelope.Sequence);
        activity?.SetTag("socialenterprise.event.stream", envelope.StreamId);
        activity?.SetTag("socialenterprise.workspace.subscribers", subscribers.Length);
        foreach (var subscriber in subscribers)
        {
            await subscriber.NotifyAsync(envelope, logger);
        }

        if (envelope.Sequence > _liveFrom)
        {
            metrics.Pushed(envelope.Type, time.GetUtcNow() - envelope.OccurredAt);
        }
    }

    internal async Task SetStateAsync(LiveConnectionState state)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        Subscription[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscriptions];
        }

        foreach (var subscriber in subscribers)
        {
            await subscriber.NotifyAsync(state, logger);
        }
    }

    private sealed class Subscription(
        LiveEventStream stream, Func<EventEnvelope, Task> onEvent, Func<LiveConnectionState, Task>? onStateChanged) : IDisposable
    {
        public async Task NotifyAsync(EventEnvelope envelope, ILogger logger)
        {
            try
            {
                await onEvent(envelope);
            }
            catch (Exception exception)
            {
                // One broken page must not stop the stream for every other.
                LogSubscriberFailed(logger, exception);
            }
        }

        public async Task NotifyAsync(LiveConnectionState state, ILogger logger)
        {
            try
            {
                if (onStateChanged is not null)
                {
                    await onStateChanged(state);
                }
            }
            catch (Exception exception)
            {
                LogSubscriberFailed(logger, exception);
            }
        }

        public void Dispose()
        {
            lock (stream._gate)
            {
                stream._subscriptions.Remove(this);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Following the event stream at {Hub} after sequence {After}")]
    private static partial void LogFollowing(ILogger logger, Uri hub, long after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event stream disconnected ({Reason}); resuming from the last event seen")]
    private static partial void LogDisconnected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscriber failed to handle an event")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);
}

public enum LiveConnectionState
{
    Connecting,
    Live,
    Reconnecting,
}
