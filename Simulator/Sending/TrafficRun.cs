using SocialEnterprise.Simulator.Traffic;

namespace SocialEnterprise.Simulator.Sending;

public sealed record TrafficRunOptions
{
    /// <summary>Events per second.</summary>
    public required double Rate { get; init; }

    /// <summary>How long to send; until cancelled when null.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Sends waiting for an answer at once; an event that falls due when all are busy is skipped and counted.</summary>
    public int MaxInFlight { get; init; } = 64;

    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long sends still waiting for an answer get to finish after the run stops.</summary>
    public TimeSpan DrainGrace { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Sends generated events at a steady rate (see <see cref="SendSchedule"/>) with a bounded number in flight, for a
/// duration or until cancelled, reporting one status line every few seconds and a total at the end.
/// </summary>
public sealed class TrafficRun : IDisposable
{
    private readonly TrafficGenerator _generator;
    private readonly Func<SimulatedEvent, CancellationToken, Task<IngestResult>> _send;
    private readonly TrafficRunOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _report;
    private readonly SendSchedule _schedule;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abandon;
    private TimeSpan _nextReport;
    private long _skippedBySchedule;

    public TrafficRun(
        TrafficGenerator generator, Func<SimulatedEvent, CancellationToken, Task<IngestResult>> send, TrafficRunOptions options,
        TimeProvider time, Action<string> report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInFlight, 1);
        _generator = generator;
        _send = send;
        _options = options;
        _time = time;
        _report = report;
        _schedule = SendSchedule.PerSecond(options.Rate);
        _slots = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        _abandon = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _nextReport = options.ReportEvery;
    }

    public TrafficTally Tally { get; } = new();

    /// <summary>Sends until the duration is over or <paramref name="cancellationToken"/> fires; returns the totals.</summary>
    public async Task<TrafficSnapshot> RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_schedule.Tick, _time);
        var started = _time.GetTimestamp();
        var elapsed = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                elapsed = _time.GetElapsedTime(started);
                var over = _options.Duration is { } duration && elapsed >= duration;
                Step(over ? _options.Duration!.Value : elapsed);
                if (over)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        _abandon.CancelAfter(_options.DrainGrace);
        for (var i = 0; i < _options.MaxInFlight; i++)
        {
            await _slots.WaitAsync(CancellationToken.None);
        }

        var total = Tally.Snapshot();
        _report(total.Line(_time.GetElapsedTime(started)) + "  (total)");
        return total;
    }

    /// <summary>
    /// Starts every event due by <paramref name="elapsed"/> since the start (as far as sending slots allow) and reports
    /// when a report is due; the timer loop calls it on every tick. Returns how many events it started.
    /// </summary>
    public int Step(TimeSpan elapsed)
    {
        var due = _schedule.Release(elapsed);
        Tally.Skipped(_schedule.Missed - _skippedBySchedule);
        _skippedBySchedule = _schedule.Missed;

        var started = 0;
        for (; started < due; started++)
        {
            if (!_slots.Wait(0))
            {
                Tally.Skipped(due - started);
                break;
            }

            var simulated = _generator.Next();
            Tally.Started();
            _ = SendOneAsync(simulated);
        }

        if (elapsed >= _nextReport)
        {
            _report(Tally.Snapshot().Line(elapsed));
            while (_nextReport <= elapsed)
            {
                _nextReport += _options.ReportEvery;
            }
        }

        return started;
    }

    public void Dispose()
    {
        _abandon.Dispose();
        _slots.Dispose();
    }

    private async Task SendOneAsync(SimulatedEvent simulated)
    {
        try
        {
            Tally.Record(await _send(simulated, _abandon.Token));
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            Tally.Abandoned();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever went wrong, the event got no answer; the run goes on and counts it.
            Tally.Record(new IngestResult(IngestResult.NoAnswer, TimeSpan.Zero, TimeSpan.Zero, 1, 0, null, false));
        }
        finally
        {
            _slots.Release();
        }
    }
}
