using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// A reply sent from the composer leaves through the development channel sandbox the stack runs, and its status on the
/// message moves on live: queued, sent (the connector took it), delivered (the channel reported it back).
/// </summary>
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
        var conversationId = await ConversationAsync(word);
        var page = await browser.SignedInPageAsync(Web, "agent");
        await page.GotoAsync(new Uri(Web, $"conversations/{conversationId}").ToString());
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");

        // The channel answers the post after 5 s and reports delivery 12 s after taking it: each state stays long enough to see.
        var channels = stack.Stack.Channels;
        channels.ReceiptDelay = TimeSpan.FromSeconds(12);
        channels.DelayNext(1, TimeSpan.FromSeconds(5));
        var text = $"A new parcel {word} is on its way.";
        var input = page.Locator("textarea[data-testid=reply-input], [data-testid=reply-input] textarea").First;
        await input.PressSequentiallyAsync(text, new() { Delay = 10 });
        await input.PressAsync("Control+Enter");

        var bubble = page.Locator("[data-testid=reply]", new() { HasText = word });
        var status = bubble.GetByTestId("reply-status");
        await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Queued, new() { Timeout = 30_000 });
        await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Sent, new() { Timeout = 15_000 });
        await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Delivered, new() { Timeout = 25_000 });
        await Expect(status).ToHaveTextAsync("Delivered");
        var replyId = Guid.Parse((await bubble.GetAttributeAsync("data-reply-id"))!);
        var delivered = Assert.Single(channels.Delivered, message => message.ReplyId == replyId);
        Assert.Equal((IngestChannels.X, conversationId, text), (delivered.Channel, delivered.ConversationId, delivered.Text));
    }

    private async Task<Guid> ConversationAsync(string word)
    {
        using var api = stack.ApiClient();
        ConversationPage? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = await api.GetFromJsonAsync<ConversationPage>($"api/conversations?q={word}", _cancellation);
            return found!.Total == 1;
        }, _cancellation, TimeSpan.FromSeconds(15));
        return found!.Items[0].Id;
    }
}
