using Bunit;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Live;

namespace SocialEnterprise.Web.ComponentTests.Shared;

public sealed class LiveIndicatorTests : WorkspaceContext
{
    [Fact]
    public async Task The_indicator_follows_the_connection_to_the_event_stream()
    {
        var indicator = Render<LiveIndicator>();
        Assert.Equal("Connecting", indicator.Find("[data-testid=live-indicator]").GetAttribute("data-state"));

        await Live.SetStateAsync(LiveConnectionState.Live);
        indicator.WaitForAssertion(() =>
            Assert.Contains("Live", indicator.Find("[data-testid=live-indicator]").TextContent, StringComparison.Ordinal));

        await Live.SetStateAsync(LiveConnectionState.Reconnecting);
        indicator.WaitForAssertion(() =>
            Assert.Contains("Reconnecting", indicator.Find("[data-testid=live-indicator]").TextContent, StringComparison.Ordinal));
    }
}
