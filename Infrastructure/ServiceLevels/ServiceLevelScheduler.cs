using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

/// <summary>The moments of a clock the scheduler fires, in the order they come in a window.</summary>
public enum ClockMoment
{
    /// <summary>Half the window used: checks whether anyone available holds the conversation.</summary>
    PredictedBreach,

    /// <summary>80 % of the window used.</summary>
    Warning,

    /// <summary>The window used up.</summary>
    Breach,
}

/// <summary>
/// Fires every running clock's moments (predicted-breach check, warning, breach) at their time: an in-memory priority
/// queue of the moments ahead, loaded from PostgreSQL at start, told of changed clocks by <c>NOTIFY</c> (the clock
/// table's trigger, in the changing transaction) and woken by a <see cref="TimeProvider"/> timer for the earliest one.
/// No sweep: between moments it sleeps. Firing is a conditional update (<c>warned_at IS NULL AND warn_at &lt;= now</c>),
/// so a stale queue entry, a second scheduler or a restart fires nothing twice; moments missed while down are overdue
/// at load and fire at once.
/// </summary>
public sealed partial class ServiceLevelScheduler(
    IServiceScopeFactory scopes, ServiceLevelFiring firing, ClockMetrics metrics, TimeProvider time, ILogger<ServiceLevelScheduler> logger)
{
    /// <summary>How many due moments go in one firing transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>A full reload this often, in case a notification was lost without the listener noticing.</summary>
    public static readonly TimeSpan Resync = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly PriorityQueue<(Guid Id, ClockMoment Moment), DateTimeOffset> _queue = new();
    private readonly ConcurrentQueue<Guid> _changed = new();
    private volatile bool _reloadAll = true;
    private TaskCompletionSource _wake = NewWake();

    /// <summary>Moments waiting in memory.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>How long the last full load from the database took, and how many clocks it found.</summary>
    public (TimeSpan Took, int Clocks) LastLoad { get; private set; }

    /// <summary>Moments this scheduler fired (those another instance fired first are not counted).</summary>
    public long Fired => Interlocked.Read(ref _fired);

    private long _fired;

    /// <summary>A clock changed (its id) or, with an empty payload, anything may have: read again before the next moment.</summary>
    public void Changed(string payload)
    {
        if (Guid.TryParse(payload, out var id))
        {
            _changed.Enqueue(id);
        }
        else
        {
            _reloadAll = true;
        }

        Wake();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastFullLoad = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                if (time.GetUtcNow() - lastFullLoad >= Resync)
                {
                    _reloadAll = true;
                }

                if (_reloadAll)
                {
                    _reloadAll = false;
                    lastFullLoad = time.GetUtcNow();
                    await LoadAsync(null, cancellationToken);
                }
                else
                {
                    await LoadChangedAsync(cancellationToken);
                }

                if (await FireDueAsync(cancellationToken))
                {
                    continue;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
                await Task.Delay(RetryAfterFailure, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            await SleepAsync(wake, cancellationToken);
        }
    }

    /// <summary>Fires everything due now; true when it fired a full batch (more may be due).</summary>
    public async Task<bool> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new List<(Guid Id, ClockMoment Moment, DateTimeOffset At)>();
        lock (_lock)
        {
            while (due.Count < BatchSize && _queue.TryPeek(out var entry, out var at) && at <= now)
            {
                _queue.Dequeue();
                due.Add((entry.Id, entry.Moment, at));
            }
        }

        if (due.Count == 0)
        {
            return false;
        }

        try
        {
            // Predicted breaches first: a warning and a prediction due together read in that order on the conversation.
            foreach (var group in due.GroupBy(d => d.Moment).OrderBy(g => g.Key))
            {
                var fired = await firing.FireAsync(group.Key, [.. group.Select(d => d.Id)], cancellationToken);
                Interlocked.Add(ref _fired, fired);
                metrics.Fired(group.Key, fired);
            }
        }
        catch
        {
            // Not lost: back in the queue, tried again after the pause the run loop takes on a failure.
            lock (_lock)
            {
                foreach (var (id, moment, at) in due)
                {
                    _queue.Enqueue((id, moment), at);
                }
            }

            throw;
        }

        return due.Count == BatchSize;
    }

    /// <summary>Reads the moments of all running clocks (<paramref name="ids"/> null) or of the given ones into the queue.</summary>
    public async Task LoadAsync(IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var query = db.ServiceLevelClocks.AsNoTracking()
            .Where(c => c.StoppedAt == null && c.PausedAt == null && c.BreachedAt == null && c.DueAt != null);
        if (ids is not null)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }

        var rows = await query
            .Select(c => new { c.Id, c.PredictedBreachAt, c.PredictedAt, c.WarnAt, c.WarnedAt, c.DueAt })
            .ToListAsync(cancellationToken);
        lock (_lock)
        {
            if (ids is null)
            {
                _queue.Clear();
            }

            foreach (var row in rows)
            {
                if (row.PredictedAt is null && row.WarnedAt is null && row.PredictedBreachAt is { } predictAt)
                {
                    _queue.Enqueue((row.Id, ClockMoment.PredictedBreach), predictAt);
                }

                if (row.WarnedAt is null && row.WarnAt is { } warnAt)
                {
                    _queue.Enqueue((row.Id, ClockMoment.Warning), warnAt);
                }

                _queue.Enqueue((row.Id, ClockMoment.Breach), row.DueAt!.Value);
            }
        }

        if (ids is null)
        {
            LastLoad = (Stopwatch.GetElapsedTime(started), rows.Count);
            LogLoaded(logger, rows.Count, LastLoad.Took.TotalMilliseconds);
        }
    }

    private async Task LoadChangedAsync(CancellationToken cancellationToken)
    {
        while (!_changed.IsEmpty)
        {
            var ids = new HashSet<Guid>();
            while (ids.Count < 5_000 && _changed.TryDequeue(out var id))
            {
                ids.Add(id);
            }

            // Stale entries of these clocks stay queued: firing checks the row, so an early one does nothing.
            await LoadAsync(ids, cancellationToken);
        }
    }

    private async Task SleepAsync(Task wake, CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        lock (_lock)
        {
            next = _queue.TryPeek(out _, out var at) ? at : null;
        }

        var delay = next is { } moment ? moment - time.GetUtcNow() : Resync;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (delay > Resync)
        {
            delay = Resync;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, time, stop.Token);
        await Task.WhenAny(timer, wake);
        await stop.CancelAsync();
        await timer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Wake()
    {
        var previous = Interlocked.Exchange(ref _wake, NewWake());
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clock scheduler loaded {Clocks} running clocks in {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, int clocks, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clock scheduler failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
