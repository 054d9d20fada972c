using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.Simulator.Sending;
using SocialEnterprise.Simulator.Traffic;

namespace SocialEnterprise.Simulator.Tests;

public sealed class TrafficRunTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly List<string> _report = [];
    private readonly List<SimulatedEvent> _sent = [];

    [Fact]
    public void Each_step_sends_the_events_due_by_then_in_the_generators_order()
    {
        using var run = Run(rate: 10, maxInFlight: 64, Answer(202));

        Assert.Equal(0, run.Step(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(1, run.Step(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(9, run.Step(TimeSpan.FromSeconds(1)));
        Assert.Equal(10, run.Step(TimeSpan.FromSeconds(2)));

        var expected = new TrafficGenerator(1, "pace", _time);
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => expected.Next().Request.ExternalId), _sent.Select(e => e.Request.ExternalId));
        var totals = run.Tally.Snapshot();
        Assert.Equal((20L, 20L, 0L, 0L), (totals.Sent, totals.Accepted, totals.Skipped, totals.InFlight));
    }

    [Fact]
    public void Events_due_while_every_slot_awaits_an_answer_are_skipped_and_counted()
    {
        var answers = new TaskCompletionSource<IngestResult>();
        using var run = Run(rate: 10, maxInFlight: 3, (simulated, _) => answers.Task);

        Assert.Equal(3, run.Step(TimeSpan.FromSeconds(1)));
        var stuck = run.Tally.Snapshot();
        Assert.Equal((3L, 7L, 3L), (stuck.Sent, stuck.Skipped, stuck.InFlight));

        answers.SetResult(Result(202));
        Assert.Equal(3, run.Step(TimeSpan.FromSeconds(1.3)));
        Assert.Equal(6, _sent.Count);
    }

    [Fact]
    public void A_status_line_comes_every_five_seconds_with_rejections_by_status()
    {
        var statuses = new Queue<int>([202, 200, 401, 429, 202, 0]);
        using var run = Run(rate: 1, maxInFlight: 8, (_, _) => Task.FromResult(Result(statuses.Count > 0 ? statuses.Dequeue() : 202)));

        for (var second = 1; second <= 12; second++)
        {
            run.Step(TimeSpan.FromSeconds(second));
        }

        Assert.Equal(2, _report.Count);
        Assert.StartsWith("[    5 s] sent 5  accepted 2  duplicates 1  rejected 2 (401: 1, 429: 1)  throttled 1  skipped 0  in flight 0", _report[0], StringComparison.Ordinal);
        Assert.StartsWith("[   10 s] sent 10  accepted 6  duplicates 1  rejected 3 (no answer: 1, 401: 1, 429: 1)", _report[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_stopped_before_it_starts_reports_empty_totals()
    {
        using var run = Run(rate: 5, maxInFlight: 4, Answer(202));

        var totals = await run.RunAsync(new CancellationToken(canceled: true));

        Assert.Equal(0, totals.Sent);
        Assert.EndsWith("(total)", Assert.Single(_report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_that_throws_counts_as_no_answer_and_the_run_goes_on()
    {
        using var run = Run(rate: 2, maxInFlight: 4, (_, _) => throw new InvalidOperationException("broken"));

        Assert.Equal(2, run.Step(TimeSpan.FromSeconds(1)));

        var totals = run.Tally.Snapshot();
        Assert.Equal(2, totals.Rejected[IngestResult.NoAnswer]);
        Assert.Equal(0, totals.InFlight);
    }

    private TrafficRun Run(double rate, int maxInFlight, Func<SimulatedEvent, CancellationToken, Task<IngestResult>> send) =>
        new(new TrafficGenerator(1, "pace", _time), (simulated, cancellation) =>
        {
            _sent.Add(simulated);
            return send(simulated, cancellation);
        }, new TrafficRunOptions { Rate = rate, MaxInFlight = maxInFlight }, _time, _report.Add);

    private static Func<SimulatedEvent, CancellationToken, Task<IngestResult>> Answer(int status) =>
        (_, _) => Task.FromResult(Result(status));

    private static IngestResult Result(int status) =>
        new(status, TimeSpan.FromMilliseconds(4), TimeSpan.FromMilliseconds(4), 1, status == 429 ? 1 : 0, null, status == 200);
}
