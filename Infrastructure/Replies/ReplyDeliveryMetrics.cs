using System.Diagnostics.Metrics;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>What became of each attempt to deliver a reply: sent, retry, refused, failed (gave up) or no connector.</summary>
public sealed class ReplyDeliveryMetrics
{
    public const string MeterName = "SocialEnterprise.Outbound";

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _duration;

    public ReplyDeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>(
            "socialenterprise.outbound.deliveries", "{attempt}", "Attempts to post a reply to its channel's connector, by result");
        _duration = meter.CreateHistogram(
            "socialenterprise.outbound.delivery.duration", "s", "How long a channel's connector took to answer a post",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public void Delivered(string channel, string result, TimeSpan? took = null)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        var resultTag = new KeyValuePair<string, object?>("result", result);
        _deliveries.Add(1, channelTag, resultTag);
        if (took is { } duration)
        {
            _duration.Record(duration.TotalSeconds, channelTag, resultTag);
        }
    }
}
