using SocialEnterprise.Simulator.Sending;
using SocialEnterprise.Simulator.Traffic;

namespace SocialEnterprise.IngestBenchmark;

/// <summary>The two ways the benchmark loads the Api, and its wait for the Workers to catch up.</summary>
public sealed class IngestPhases(IngestClient client, IngestEventsTable table, TimeProvider time, Action<string> report)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Every caller posts its next event as soon as the previous one is answered, for <paramref name="duration"/>.
    /// The events are generated beforehand, so the callers spend their time on HTTP rather than on making up text.
    /// </summary>
    public async Task<(TrafficSnapshot Totals, TimeSpan Elapsed)> FlatOutAsync(TrafficGenerator generator, int callers, TimeSpan duration, int prepared)
    {
        var events = new (string Channel, byte[] Body)[prepared];
        for (var i = 0; i < events.Length; i++)
        {
            var simulated = generator.Next();
            events[i] = (simulated.Channel, simulated.Body());
        }

        var tally = new TrafficTally();
        var next = -1;
        var started = time.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (time.GetElapsedTime(started) < duration)
            {
                var index = Interlocked.Increment(ref next);
                var (channel, body) = index < events.Length ? events[index] : Generated(generator.Next());
                tally.Started();
                tally.Record(await client.SendAsync(channel, body, CancellationToken.None));
            }
        })));
        return (tally.Snapshot(), time.GetElapsedTime(started));
    }

    /// <summary>Events at a steady rate (see <see cref="TrafficRun"/>), with its status line every 5 s.</summary>
    public async Task<TrafficSnapshot> SteadyAsync(TrafficGenerator generator, double rate, TimeSpan duration)
    {
        using var run = new TrafficRun(generator, client.SendAsync, new TrafficRunOptions
        {
            Rate = rate,
            Duration = duration,
            MaxInFlight = 256,
        }, time, line => report("   " + line));
        return await run.RunAsync(CancellationToken.None);
    }

    /// <summary>Waits until none of the run's events is still 'pending'; returns the backlog it started from, what is left and how long it took.</summary>
    public async Task<(long Backlog, long Left, TimeSpan Elapsed)> DrainAsync(string prefix, TimeSpan? timeout = null)
    {
        var started = time.GetTimestamp();
        var backlog = await PendingAsync(prefix);
        var pending = backlog;
        var nextReport = ReportEvery;
        while (pending > 0 && time.GetElapsedTime(started) < (timeout ?? DrainTimeout))
        {
            await Task.Delay(PollEvery, time);
            pending = await PendingAsync(prefix);
            if (time.GetElapsedTime(started) >= nextReport)
            {
                report($"   draining: {Figures.Count(pending)} still pending");
                nextReport += ReportEvery;
            }
        }

        return (backlog, pending, time.GetElapsedTime(started));
    }

    private async Task<long> PendingAsync(string prefix) =>
        (await table.CountByStatusAsync(prefix, CancellationToken.None)).GetValueOrDefault(IngestEventsTable.Pending);

    private static (string Channel, byte[] Body) Generated(SimulatedEvent simulated) => (simulated.Channel, simulated.Body());
}
