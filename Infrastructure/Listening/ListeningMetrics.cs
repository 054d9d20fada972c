using System.Diagnostics.Metrics;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>
/// The intake's counters, as the dashboard's Metrics page shows them: events accepted by the webhook, events carried by
/// the Workers with their outcome, and how long each waited from accepted to carried.
/// </summary>
public sealed class ListeningMetrics
{
    public const string MeterName = "SocialEnterprise.Intake";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _carried;
    private readonly Histogram<double> _carryDuration;

    public ListeningMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>(
            "socialenterprise.intake.accepted", "{event}", "Events the channels posted that were stored and answered (duplicate: already stored before)");
        _carried = meter.CreateCounter<long>(
            "socialenterprise.intake.carried", "{event}", "Events the Workers carried, by outcome: stored, filtered, deferred, failed");
        _carryDuration = meter.CreateHistogram(
            "socialenterprise.intake.carry.duration", "s", "From accepted by the webhook to stored as a message (or filtered), per event",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
    }

    public void Accepted(string channel, bool duplicate) =>
        _accepted.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("duplicate", duplicate));

    /// <param name="waited">From accepted to now, for events that reached the inbox (stored) or the filtered list.</param>
    public void Carried(string channel, string outcome, TimeSpan? waited)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        _carried.Add(1, channelTag, new KeyValuePair<string, object?>("outcome", outcome));
        if (waited is { } duration)
        {
            _carryDuration.Record(Math.Max(0, duration.TotalSeconds), channelTag, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
