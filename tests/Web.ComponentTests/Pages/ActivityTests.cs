using Bunit;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Web.Components.Pages;

namespace SocialEnterprise.Web.ComponentTests.Pages;

public sealed class ActivityTests : WorkspaceContext
{
    [Fact]
    public async Task The_feed_opens_with_recent_events_and_grows_as_new_ones_are_pushed()
    {
        var id = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await Live.PublishAsync(Envelope(new PipelineProbeRequested(id, "ops", at), 10));

        var page = Render<Activity>();
        Assert.Single(page.FindAll("[data-testid=activity-event]"));

        await Live.PublishAsync(Envelope(new PipelineProbeCompleted(id, "ops", at, "host/1", at.AddMilliseconds(9)), 11));

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=activity-event]");
            Assert.Equal(2, rows.Count);
            Assert.Equal("PipelineProbeCompleted", rows[0].GetAttribute("data-type"));
        });
        Assert.Equal("2 events", page.Find("[data-testid=activity-count]").TextContent);
    }

    [Fact]
    public async Task An_event_already_seen_is_not_shown_twice()
    {
        var envelope = Envelope(new PipelineProbeRequested(Guid.NewGuid(), "ops", DateTimeOffset.UtcNow), 5);
        var page = Render<Activity>();

        await Live.PublishAsync(envelope);
        await Live.PublishAsync(envelope);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=activity-event]")));
    }
}
