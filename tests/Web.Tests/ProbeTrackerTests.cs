using System.Text.Json;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Tests;

public sealed class ProbeTrackerTests
{
    private static readonly DateTimeOffset Asked = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_probe_goes_from_waiting_to_carried_with_its_round_trip_to_this_screen()
    {
        var tracker = new ProbeTracker();
        var id = Guid.NewGuid();

        tracker.Apply(EventDescriptionsTests.Envelope(new PipelineProbeRequested(id, "ops", Asked)), Asked.AddMilliseconds(5));
        var waiting = Assert.Single(tracker.Rows);
        tracker.Apply(EventDescriptionsTests.Envelope(new PipelineProbeCompleted(id, "ops", Asked, "host/1", Asked.AddMilliseconds(30))), Asked.AddMilliseconds(45));
        var carried = Assert.Single(tracker.Rows);

        Assert.False(waiting.IsCarried);
        Assert.True(carried.IsCarried);
        Assert.Equal("host/1", carried.CompletedBy);
        Assert.Equal(TimeSpan.FromMilliseconds(45), carried.RoundTrip);
    }

    [Fact]
    public void Events_from_before_the_page_opened_have_no_round_trip()
    {
        var tracker = new ProbeTracker();
        var id = Guid.NewGuid();

        tracker.Apply(EventDescriptionsTests.Envelope(new PipelineProbeCompleted(id, "ops", Asked, "host/1", Asked.AddMilliseconds(30))), seenAt: null);

        Assert.Null(Assert.Single(tracker.Rows).RoundTrip);
    }

    [Fact]
    public void Probes_loaded_from_the_Api_and_then_seen_live_are_one_row()
    {
        var tracker = new ProbeTracker();
        var id = Guid.NewGuid();

        tracker.Load([new ProbeResponse(id, "requested", "ops", Asked, null, null)]);
        tracker.Apply(EventDescriptionsTests.Envelope(new PipelineProbeRequested(id, "ops", Asked)), Asked);

        Assert.Single(tracker.Rows);
    }

    [Fact]
    public void Only_the_most_recent_probes_are_shown_newest_first()
    {
        var tracker = new ProbeTracker();

        tracker.Load(Enumerable.Range(0, 30).Select(i => new ProbeResponse(Guid.NewGuid(), "requested", $"p{i}", Asked.AddSeconds(i), null, null)));

        Assert.Equal(ProbeTracker.Shown, tracker.Rows.Count);
        Assert.Equal("p29", tracker.Rows[0].RequestedBy);
    }

    [Fact]
    public void Events_about_something_else_are_left_alone()
    {
        var tracker = new ProbeTracker();
        using var payload = JsonDocument.Parse("{}");

        var applied = tracker.Apply(new EventEnvelope(1, "ConsultOpened", "consult/1", Asked, payload.RootElement.Clone()), Asked);

        Assert.False(applied);
        Assert.Empty(tracker.Rows);
    }
}
