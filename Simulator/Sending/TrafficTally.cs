using System.Globalization;
using System.Text;
using SocialEnterprise.Simulator.Measuring;

namespace SocialEnterprise.Simulator.Sending;

/// <summary>Counts of a traffic run so far, safe to update from every send at once.</summary>
public sealed class TrafficTally
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, long> _rejected = [];
    private readonly List<double> _window = [];
    private long _sent;
    private long _accepted;
    private long _duplicates;
    private long _throttled;
    private long _skipped;
    private long _abandoned;

    public void Started()
    {
        lock (_gate)
        {
            _sent++;
        }
    }

    /// <summary>Events that were due but not sent: every sending slot was busy, or the sender had fallen too far behind.</summary>
    public void Skipped(long count)
    {
        lock (_gate)
        {
            _skipped += count;
        }
    }

    /// <summary>A send given up half-way because the run was stopped.</summary>
    public void Abandoned()
    {
        lock (_gate)
        {
            _abandoned++;
        }
    }

    public void Record(IngestResult result)
    {
        lock (_gate)
        {
            _throttled += result.Throttled;
            if (result.Accepted)
            {
                _accepted++;
                _window.Add(result.Elapsed.TotalMilliseconds);
            }
            else if (result.Status == 200)
            {
                _duplicates++;
                _window.Add(result.Elapsed.TotalMilliseconds);
            }
            else
            {
                _rejected[result.Status] = _rejected.GetValueOrDefault(result.Status) + 1;
            }
        }
    }

    /// <summary>The counts so far, and the answer times since the previous snapshot (which starts a new window).</summary>
    public TrafficSnapshot Snapshot()
    {
        lock (_gate)
        {
            var window = LatencySummary.Of(_window);
            _window.Clear();
            return new TrafficSnapshot(_sent, _accepted, _duplicates, new SortedDictionary<int, long>(_rejected), _throttled, _skipped, _abandoned, window);
        }
    }
}

/// <param name="Sent">Events handed to the sender, answered or not yet.</param>
/// <param name="Rejected">Final answers other than 202 and 200, by status; 0 is no answer at all.</param>
/// <param name="Throttled">429 answers, including those waited out and retried.</param>
/// <param name="Window">Answer times of the accepted and duplicate events since the previous snapshot.</param>
public sealed record TrafficSnapshot(
    long Sent, long Accepted, long Duplicates, IReadOnlyDictionary<int, long> Rejected, long Throttled, long Skipped, long Abandoned,
    LatencySummary Window)
{
    public long RejectedTotal => Rejected.Values.Sum();

    public long InFlight => Sent - Accepted - Duplicates - RejectedTotal - Abandoned;

    /// <summary>One status line: <c>[  10 s] sent 50  accepted 48  duplicates 0  rejected 2 (401: 1, no answer: 1) ...</c></summary>
    public string Line(TimeSpan elapsed)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"[{elapsed.TotalSeconds,5:0} s] sent {Sent}  accepted {Accepted}  duplicates {Duplicates}  rejected {RejectedTotal}");
        if (Rejected.Count > 0)
        {
            line.Append(" (").Append(RejectedByStatus()).Append(')');
        }

        line.Append(CultureInfo.InvariantCulture, $"  throttled {Throttled}  skipped {Skipped}  in flight {InFlight}");
        if (Window.Count > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $"  answer p50 {Window.P50:0.0} ms, p95 {Window.P95:0.0} ms");
        }

        return line.ToString();
    }

    /// <summary>The rejections by status, <c>401: 2, no answer: 1</c>, or <c>none</c>.</summary>
    public string RejectedByStatus() => Rejected.Count == 0
        ? "none"
        : string.Join(", ", Rejected.Select(pair =>
            string.Create(CultureInfo.InvariantCulture, $"{(pair.Key == IngestResult.NoAnswer ? "no answer" : pair.Key)}: {pair.Value}")));
}
