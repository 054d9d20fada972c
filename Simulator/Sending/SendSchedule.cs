namespace SocialEnterprise.Simulator.Sending;

/// <summary>
/// When events are due at a steady rate: by <c>t</c> seconds after the start, <c>floor(t × rate)</c> events. A sender
/// that falls behind (a pause, a slow machine) catches up by at most <paramref name="burst"/> events at once; the
/// rest are counted as <see cref="Missed"/> rather than sent in a flood.
/// </summary>
public sealed class SendSchedule(double rate, int burst)
{
    private long _released;

    public double Rate { get; } = rate > 0 && double.IsFinite(rate) ? rate : throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be a positive number of events per second.");

    public int Burst { get; } = burst >= 1 ? burst : throw new ArgumentOutOfRangeException(nameof(burst), burst, "The burst must be at least one event.");

    /// <summary>Events that fell due while the sender was too far behind, and were skipped.</summary>
    public long Missed { get; private set; }

    /// <summary>A catch-up of at most one second's worth of events.</summary>
    public static SendSchedule PerSecond(double rate) => new(rate, (int)Math.Clamp(Math.Ceiling(rate), 1, int.MaxValue));

    /// <summary>How many events fall due between the previous call and <paramref name="elapsed"/> since the start.</summary>
    public int Release(TimeSpan elapsed)
    {
        // The epsilon keeps 0.3 s × 10/s from rounding down to 2.
        var due = (long)Math.Floor(elapsed.TotalSeconds * Rate + 1e-9);
        var fresh = due - _released - Missed;
        if (fresh <= 0)
        {
            return 0;
        }

        if (fresh > Burst)
        {
            Missed += fresh - Burst;
            fresh = Burst;
        }

        _released += fresh;
        return (int)fresh;
    }

    /// <summary>How often a sender should look at the schedule: about once per event, between 10 and 100 ms.</summary>
    public TimeSpan Tick => TimeSpan.FromSeconds(Math.Clamp(1 / Rate, 0.01, 0.1));
}
