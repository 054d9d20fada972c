using Bunit;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.ComponentTests.Shared;

public sealed class ActivityFeedTests : WorkspaceContext
{
    [Fact]
    public void An_empty_feed_says_how_to_see_something_happen()
    {
        var feed = Render<ActivityFeed>(parameters => parameters.Add(p => p.Events, []));

        var empty = feed.Find("[data-testid=activity-empty]");
        Assert.Contains("Send a probe", empty.TextContent, StringComparison.Ordinal);
        Assert.Equal("system", feed.Find("[data-testid=activity-empty] a").GetAttribute("href"));
    }

    [Fact]
    public void Events_are_listed_in_the_order_given_in_words()
    {
        var at = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        EventEnvelope[] events =
        [
            Envelope(new PipelineProbeCompleted(id, "ops", at, "host/1", at.AddMilliseconds(12)), 2),
            Envelope(new PipelineProbeRequested(id, "ops", at), 1),
        ];

        var feed = Render<ActivityFeed>(parameters => parameters.Add(p => p.Events, events));

        var rows = feed.FindAll("[data-testid=activity-event]");
        Assert.Equal(["PipelineProbeCompleted", "PipelineProbeRequested"], rows.Select(row => row.GetAttribute("data-type")));
        Assert.Contains("Pipeline probe carried", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("by worker host/1, 12 ms after ops asked", rows[0].TextContent, StringComparison.Ordinal);
    }
}
