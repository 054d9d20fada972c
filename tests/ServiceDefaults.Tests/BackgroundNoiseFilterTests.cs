using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace SocialEnterprise.ServiceDefaults.Tests;

public sealed class BackgroundNoiseFilterTests
{
    [Fact]
    public void Database_and_cache_spans_of_no_trace_are_dropped_and_those_inside_a_trace_kept()
    {
        using var npgsql = new ActivitySource("Npgsql");
        using var redis = new ActivitySource("OpenTelemetry.Instrumentation.StackExchangeRedis");
        using var ours = new ActivitySource("SocialEnterprise.Intake");
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var filter = new BackgroundNoiseFilter();

        var polling = Ended(npgsql.StartActivity("SELECT", ActivityKind.Client, parentContext: default)!, filter);
        var ping = Ended(redis.StartActivity("PING", ActivityKind.Client, parentContext: default)!, filter);
        using var carrying = ours.StartActivity("Carry x event", ActivityKind.Consumer, parentContext: default)!;
        var insideTrace = Ended(npgsql.StartActivity("INSERT", ActivityKind.Client)!, filter);
        var ownRoot = Ended(ours.StartActivity("Store ingested events", ActivityKind.Internal, parentContext: default)!, filter);

        Assert.False(polling.Recorded);
        Assert.False(ping.Recorded);
        Assert.True(insideTrace.Recorded);
        Assert.True(ownRoot.Recorded);
    }

    private static Activity Ended(Activity activity, BackgroundNoiseFilter filter)
    {
        activity.Stop();
        filter.OnEnd(activity);
        return activity;
    }
}
