using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialEnterprise.Channels;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// A reply sent from the composer leaves through the development channel sandbox the AppHost runs (the <c>channels</c>
/// resource, with the outbound connectors pointed at it), and its status on the message moves on live: queued, sent (the connector took it), delivered (the channel reported it back).
/// </summary>
[Collection(typeof(ChannelSandboxCollection))]
public sealed class ReplyDeliveryTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task A_replys_status_goes_queued_sent_delivered_live_on_the_message()
    {
        var word = StackFixture.Letters(12);
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event(
            $"My parcel {word} never arrived", $"r_{StackFixture.Letters(10)}", "Rea Reply", MessageKinds.DirectMessage), _cancellation);
        var conversationId = (await stack.ConversationAsync(word, _cancellation)).Id;
        var page = await browser.SignedInPageAsync(Web, "agent");
        await page.GotoAsync(new Uri(Web, $"conversations/{conversationId}").ToString());
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");

        // The channel answers the post after 5 s and reports delivery 12 s after taking it: each state stays long enough to see.
        await stack.Channels.SetReceiptDelayAsync(TimeSpan.FromSeconds(12), _cancellation);
        await stack.Channels.DelayNextAsync(new SandboxDelayRequest(1, 5), _cancellation);
        // The customer wrote a direct message: the composer answers privately unless its author deliberately goes public.
        await Expect(page.GetByTestId("visibility-private")).ToHaveAttributeAsync("aria-pressed", "true");
        // Seen, not only announced: the chosen audience is filled, the other is not.
        const string background = "button => getComputedStyle(button).backgroundColor";
        Assert.NotEqual(
            await page.GetByTestId("visibility-public").EvaluateAsync<string>(background),
            await page.GetByTestId("visibility-private").EvaluateAsync<string>(background));
        var text = $"A new parcel {word} is on its way.";
        var bubble = page.Locator("[data-testid=reply]", new() { HasText = word });
        var status = bubble.GetByTestId("reply-status");
        try
        {
            var input = page.Locator("textarea[data-testid=reply-input], [data-testid=reply-input] textarea").First;
            await input.PressSequentiallyAsync(text, new() { Delay = 10 });
            await input.PressAsync("Control+Enter");

            await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Queued, new() { Timeout = 30_000 });
            await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Sent, new() { Timeout = 15_000 });
            await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Delivered, new() { Timeout = 25_000 });
            await Expect(status).ToHaveTextAsync("Delivered");
        }
        finally
        {
            await stack.Channels.SetReceiptDelayAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        var replyId = Guid.Parse((await bubble.GetAttributeAsync("data-reply-id"))!);
        var delivered = Assert.Single(await stack.Channels.MessagesAsync(_cancellation), message => message.ReplyId == replyId);
        Assert.Equal((IngestChannels.X, conversationId, text), (delivered.Channel, delivered.ConversationId, delivered.Text));
    }
}
