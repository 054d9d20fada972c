extern alias workspace;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Probes;
using SocialEnterprise.TestSupport;
using workspace::SocialEnterprise.Web.Live;

namespace SocialEnterprise.Api.IntegrationTests.Events;

/// <summary>
/// The workspace's one subscription to the Api's event stream, against the real Api over a real network hop: when the
/// network between Web and Api breaks, what was appended meanwhile arrives once it is back, in order, once each.
/// </summary>
public sealed class LiveEventStreamTests(LoopbackApiFixture api) : IClassFixture<LoopbackApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_network_to_the_Api_breaks_the_workspace_resumes_from_the_last_event_it_saw()
    {
        await using var relay = new TcpRelay(api.Address!.Port);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:api:http:0"] = $"http://127.0.0.1:{relay.Port}" })
            .Build();
        using var stream = new LiveEventStream(
            configuration, ApiFixture.Tokens, new WorkspaceMetrics(Meters.Factory()), TimeProvider.System, NullLogger<LiveEventStream>.Instance);
        var received = new List<EventEnvelope>();
        var states = new List<LiveConnectionState>();
        using var subscription = stream.Subscribe(
            envelope => { lock (received) { received.Add(envelope); } return Task.CompletedTask; },
            state => { lock (states) { states.Add(state); } return Task.CompletedTask; });
        await stream.StartAsync(_cancellation);
        await Eventually.TrueAsync(() => stream.State == LiveConnectionState.Live, _cancellation);

        var before = await ProbeAsync("before the outage");
        await Eventually.TrueAsync(() => Seen(received, before), _cancellation);

        relay.Cut();
        await Eventually.TrueAsync(() => stream.State == LiveConnectionState.Reconnecting, _cancellation);
        var during = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            during.Add(await ProbeAsync($"during the outage {i}"));
        }

        relay.Restore();
        await Eventually.TrueAsync(() => during.All(id => Seen(received, id)), _cancellation);
        var after = await ProbeAsync("after the outage");
        await Eventually.TrueAsync(() => Seen(received, after), _cancellation);
        await stream.StopAsync(_cancellation);

        List<long> sequences;
        lock (received)
        {
            sequences = received.Select(e => e.Sequence).ToList();
        }

        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        // No gap: every event appended from the first one seen to the last is there.
        await using var db = api.NewDbContext();
        var (first, last) = (sequences[0], sequences[^1]);
        var logged = db.EventLog.Where(e => e.Sequence >= first && e.Sequence <= last).Select(e => e.Sequence).OrderBy(s => s).ToList();
        Assert.Equal(logged, sequences);
        Assert.True(relay.Connections >= 2, "the stream should have connected again");
        lock (states)
        {
            Assert.Equal(LiveConnectionState.Live, states[0]);
            Assert.Contains(LiveConnectionState.Reconnecting, states);
            Assert.Equal(LiveConnectionState.Live, states[^1]);
        }
    }

    [Fact]
    public async Task An_event_pushed_to_the_workspace_continues_the_trace_of_the_request_that_caused_it_and_its_latency_is_measured()
    {
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "SocialEnterprise.Live",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:api:http:0"] = api.Address!.ToString().TrimEnd('/') })
            .Build();
        var meters = Meters.Factory();
        using var latency = new MetricCollector<double>(meters, WorkspaceMetrics.MeterName, "socialenterprise.workspace.push.latency");
        using var stream = new LiveEventStream(configuration, ApiFixture.Tokens, new WorkspaceMetrics(meters), TimeProvider.System, NullLogger<LiveEventStream>.Instance);
        var received = new List<EventEnvelope>();
        using var subscription = stream.Subscribe(envelope => { lock (received) { received.Add(envelope); } return Task.CompletedTask; });
        await stream.StartAsync(_cancellation);
        await Eventually.TrueAsync(() => stream.State == LiveConnectionState.Live, _cancellation);

        var probe = await ProbeAsync("a traced caller");
        await Eventually.TrueAsync(() => Seen(received, probe), _cancellation);
        await stream.StopAsync(_cancellation);

        var request = Assert.Single(activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName.Contains("api/probes", StringComparison.Ordinal)
            && activities.Any(push => push.TraceId == a.TraceId && push.OperationName == "Push PipelineProbeRequested"));
        var push = Assert.Single(activities, a => a.OperationName == "Push PipelineProbeRequested" && a.TraceId == request.TraceId);
        Assert.Equal(request.SpanId, push.ParentSpanId);
        Assert.Equal(PipelineProbeStream.Of(probe), push.GetTagItem("socialenterprise.event.stream"));
        Assert.Contains(latency.GetMeasurementSnapshot(), m => Equals(m.Tags["event.type"], "PipelineProbeRequested") && m.Value is >= 0 and < 30);
    }

    private async Task<Guid> ProbeAsync(string requestedBy)
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("api/probes", new ProbeRequest(requestedBy), _cancellation);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProbeResponse>(_cancellation))!.Id;
    }

    private static bool Seen(List<EventEnvelope> received, Guid probe)
    {
        var stream = PipelineProbeStream.Of(probe);
        lock (received)
        {
            return received.Any(e => e.StreamId == stream && e.Type == "PipelineProbeRequested");
        }
    }
}

/// <summary>The Api on a real loopback port, for clients that open their own connections.</summary>
public sealed class LoopbackApiFixture(PostgresFixture postgres, RedisFixture redis) : ApiFixture(postgres, redis)
{
    protected override bool ListensOnLoopback => true;
}
