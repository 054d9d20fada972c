using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Persistence;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// A reply leaves through the development channel sandbox the stack runs, and its status on the message moves on live:
/// queued, sent (the connector took it), delivered (the channel reported it back).
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

        // The channel takes a moment to answer the post, and longer to report delivery: each state stays long enough to see.
        var channels = stack.Stack.Channels;
        channels.ReceiptDelay = TimeSpan.FromSeconds(4);
        channels.DelayNext(1, TimeSpan.FromSeconds(3));
        // The composer's send endpoint belongs to another part of this issue: the reply is queued with the domain model, as it does.
        var replyId = await QueueReplyAsync(conversationId, $"A new parcel {word} is on its way.");

        var status = page.Locator($"[data-testid=reply][data-reply-id='{replyId}'] [data-testid=reply-status]");
        await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Queued);
        await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Sent, new() { Timeout = 10_000 });
        await Expect(status).ToHaveAttributeAsync("data-state", ReplyStates.Delivered, new() { Timeout = 15_000 });
        await Expect(status).ToHaveTextAsync("Delivered");
        Assert.Contains(channels.Delivered, message => message.ReplyId == replyId && message.Channel == IngestChannels.X);
    }

    private async Task<Guid> QueueReplyAsync(Guid conversationId, string text)
    {
        await using var db = new CrmDbContext(CrmDatabaseExtensions.CrmDatabaseOptions(stack.Stack.Postgres.ConnectionString(Resources.Database)));
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, _cancellation);
        var now = DateTimeOffset.UtcNow;
        var reply = Reply.Write(conversation, ReplyKinds.Reply, ReplyVisibilities.Private, text, null, null, "Alex Agent", conversation.Version, null, now);
        db.Replies.Add(reply);
        conversation.Replied(reply.Id, null, reply.AuthorName, reply.Visibility, now);
        await db.SaveChangesAsync(_cancellation);
        return reply.Id;
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
