using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Routing;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// A service-level warning and breach arrive live: an admin policy with a one-minute first response, a routing rule
/// that applies it by a marker word, and a customer message written 20 s ago. The open conversation page shows the
/// clock on track, then at risk when the warning fires (at 48 s), then breached (at 60 s), without a reload; the
/// department manager's bell lists both.
/// </summary>
public sealed class ServiceLevelTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task A_warning_and_then_a_breach_reach_the_open_conversation_and_the_managers_bell_without_a_reload()
    {
        var word = StackFixture.Letters(12);
        using var api = stack.ApiClient();
        var policy = $"e2e-{word}";
        using (var created = await api.PostAsJsonAsync("api/sla/policies", new SlaPolicyRequest(
                   policy, "one minute", SlaCalendarNames.AroundTheClock,
                   [.. Priorities.All.SelectMany(p => new[]
                   {
                       new SlaTarget(ServiceLevelMetrics.FirstResponse, p, TimeSpan.FromMinutes(1)),
                       new SlaTarget(ServiceLevelMetrics.NextResponse, p, TimeSpan.FromMinutes(1)),
                       new SlaTarget(ServiceLevelMetrics.Resolution, p, TimeSpan.FromMinutes(10)),
                   })], []), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var rule = await api.PostAsJsonAsync("api/routing-rules", new RoutingRuleRequest(
                   $"one minute for {word}", true, [new RoutingCondition(RoutingFields.Keywords, [word])],
                   [new RoutingAction(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: policy)], false), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        }

        // Written 20 s ago: the warning falls due 28 s from now, time enough (on a busy machine too) to carry the message
        // and open the page before it.
        var written = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(20);
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event(
            $"I was charged twice {word}, refund please", $"c_{StackFixture.Letters(10)}", "Sia Slow", MessageKinds.Mention, occurredAt: written),
            _cancellation);
        var conversation = await stack.ConversationAsync(word, _cancellation);

        var manager = await browser.OpenAsync(Web, "support.manager", $"conversations/{conversation.Id}");
        var banner = manager.GetByTestId("sla-banner");
        await Expect(banner).ToHaveAttributeAsync("data-state", ServiceLevelStates.OnTrack, new() { Timeout = 10_000 });
        var bell = manager.GetByTestId("notification-bell");
        await Expect(bell).ToHaveAttributeAsync("data-loaded", "true");

        // The warning at 48 s and the breach at 60 s come to the page that is already open.
        await Expect(banner).ToHaveAttributeAsync("data-state", ServiceLevelStates.AtRisk, new() { Timeout = 45_000 });
        Assert.True(DateTimeOffset.UtcNow >= written + TimeSpan.FromSeconds(48), "the warning may not show before its moment");
        await Expect(banner).ToContainTextAsync("At risk");
        await Expect(banner).ToHaveAttributeAsync("data-state", ServiceLevelStates.Breached, new() { Timeout = 20_000 });
        Assert.True(DateTimeOffset.UtcNow >= written + TimeSpan.FromSeconds(60), "the breach may not show before its moment");
        await Expect(banner).ToContainTextAsync("Breached");
        await Expect(manager.Locator("[data-testid=sla][data-sla=breached]")).ToBeVisibleAsync(new() { Timeout = 5_000 });

        await manager.GetByTestId("notification-button").ClickAsync();
        // The warning and the breach are one line, the breach winning, naming the customer. (The manager may also have been
        // assigned the conversation: that notification names the customer too and is not a service-level line.)
        var alert = manager.Locator("[data-testid=notification][data-kind^=sla]", new() { HasText = "Sia Slow" });
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert).ToHaveAttributeAsync("data-kind", "sla-breach");
        await Expect(alert).ToContainTextAsync("updates");
    }
}
