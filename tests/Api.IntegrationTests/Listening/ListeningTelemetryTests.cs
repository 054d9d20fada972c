using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>
/// What the dashboard shows of an ingested event: one trace from the webhook through the queue to the event log (the
/// workspace's push continues it, see the unit tests of the live stream), and the intake's counters.
/// </summary>
public sealed class ListeningTelemetryTests : IClassFixture<ListeningFixture>, IDisposable
{
    private readonly ListeningFixture _intake;
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;
    private readonly ConcurrentBag<Activity> _activities = [];
    private readonly ActivityListener _listener;

    public ListeningTelemetryTests(ListeningFixture intake)
    {
        _intake = intake;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("SocialEnterprise.", StringComparison.Ordinal) || source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task One_trace_runs_from_the_webhook_through_the_queue_and_the_carrier_to_the_event_log()
    {
        var text = $"My order {Guid.NewGuid():N} never arrived, where is it?";

        var id = await _intake.IngestAsync("x", ChannelEvents.Event(text, $"trace_{Guid.NewGuid():N}"[..16], "Tracy Trace"), _cancellation);
        await _intake.SettleAsync(_cancellation);

        await using var db = _intake.NewDbContext();
        var stored = await db.IngestEvents.AsNoTracking().SingleAsync(e => e.Id == id, _cancellation);
        var request = Assert.Single(_activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == Context(stored.TraceParent).TraceId);
        Assert.Equal(request.SpanId, Context(stored.TraceParent).SpanId);

        // The event's own span continues the request's trace; the batch's span links to it across the hand-off.
        var carried = Assert.Single(_activities, a => a.OperationName == "Carry x event" && a.GetTagItem("messaging.message.id") is Guid g && g == id);
        Assert.Equal((request.TraceId, request.SpanId), (carried.TraceId, carried.ParentSpanId));
        Assert.Equal("stored", carried.GetTagItem("socialenterprise.intake.outcome"));
        Assert.Contains(_activities, a => a.OperationName == "Carry ingested events"
            && a.Links.Any(link => link.Context.TraceId == request.TraceId && link.Context.SpanId == request.SpanId));
        Assert.Contains(_activities, a => a.OperationName == "Classify message" && a.ParentSpanId == carried.SpanId);
        Assert.Contains(_activities, a => a.OperationName == "Route conversation" && a.ParentSpanId == carried.SpanId);

        // What the event log records carries the event's span on, to whoever pushes it to the workspace.
        var stream = ConversationStream.Of(stored.ConversationId!.Value);
        var logged = await db.EventLog.AsNoTracking().Where(e => e.StreamId == stream).ToListAsync(_cancellation);
        Assert.NotEmpty(logged);
        Assert.All(logged, entry => Assert.Equal((carried.TraceId, carried.SpanId), (Context(entry.TraceParent).TraceId, Context(entry.TraceParent).SpanId)));
    }

    [Fact]
    public async Task The_intake_counts_what_it_accepts_and_carries_and_how_long_each_waited()
    {
        var meters = _intake.Factory.Services.GetRequiredService<IMeterFactory>();
        using var accepted = new MetricCollector<long>(meters, ListeningMetrics.MeterName, "socialenterprise.intake.accepted");
        var request = ChannelEvents.Event("Where is my parcel? It is a week late.", $"count_{Guid.NewGuid():N}"[..16], "Connie Count");

        await _intake.IngestAsync("facebook", request, _cancellation);
        using var client = _intake.CreateClient(key: null);
        using var again = await client.PostEventAsync("facebook", request, ApiFixture.ChannelSecret, _cancellation);

        var measurements = accepted.GetMeasurementSnapshot();
        Assert.Contains(measurements, m => m.Value == 1 && Equals(m.Tags["channel"], "facebook") && Equals(m.Tags["duplicate"], false));
        Assert.Contains(measurements, m => m.Value == 1 && Equals(m.Tags["channel"], "facebook") && Equals(m.Tags["duplicate"], true));
    }

    private static ActivityContext Context(string? traceParent)
    {
        Assert.NotNull(traceParent);
        Assert.True(ActivityContext.TryParse(traceParent, null, out var context), traceParent);
        return context;
    }

    public void Dispose() => _listener.Dispose();
}
