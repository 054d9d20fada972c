using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// The reply guard in a real browser: the customer writes again while an agent types their reply; the send is refused
/// with the choice; the agent reviews the new message and sends anyway.
/// </summary>
[Collection(typeof(ChannelSandboxCollection))]
public sealed class GuardedSendTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task A_send_after_the_customer_wrote_again_is_refused_with_the_choice_and_goes_out_after_review()
    {
        var word = StackFixture.Letters(12);
        var handle = $"g_{StackFixture.Letters(10)}";
        var first = ChannelEvents.NewId("guard");
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event(
            $"My parcel {word} has not arrived, where is my order?", handle, "Gus Guarded", MessageKinds.Mention, externalId: first), _cancellation);
        var conversation = await stack.ConversationAsync(word, _cancellation, messages: 1);
        Assert.Equal("support", conversation.Department);

        var alex = await browser.SignedInPageAsync(Web, "agent");
        await alex.GotoAsync(new Uri(Web, $"conversations/{conversation.Id}").ToString());
        await Expect(alex.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");
        var input = alex.Locator("textarea[data-testid=reply-input], [data-testid=reply-input] textarea").First;
        await input.PressSequentiallyAsync("Sorry about the wait, it leaves our warehouse", new() { Delay = 20 });

        // While Alex types, the customer writes again; it appears in his thread live.
        var again = $"Hello?? Still nothing {word}";
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event(again, handle, "Gus Guarded", MessageKinds.Mention, inReplyTo: first), _cancellation);
        var updated = await stack.ConversationAsync(word, _cancellation, messages: 2);
        var newMessage = updated.Messages.Single(m => m.Text == again);
        await Expect(alex.Locator($"[data-testid=message][data-message-id='{newMessage.Id}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await input.PressSequentiallyAsync(" today.", new() { Delay = 20 });

        await input.PressAsync("Control+Enter");

        var guard = alex.GetByTestId("reply-guard");
        await Expect(guard).ToBeVisibleAsync();
        await Expect(guard.GetByTestId("reply-guard-change")).ToContainTextAsync("The customer wrote again at");
        await Expect(guard.GetByTestId("reply-guard-change")).ToContainTextAsync(again);
        await Expect(guard.GetByTestId("reply-guard-keep-editing")).ToBeVisibleAsync();
        await Expect(input).ToHaveValueAsync("Sorry about the wait, it leaves our warehouse today.");
        var versionRefused = (await stack.ConversationAsync(word, _cancellation, messages: 2)).Version;

        await guard.GetByTestId("reply-guard-review").ClickAsync();
        await Expect(alex.Locator($"[data-message-id='{newMessage.Id}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("thread-new"));
        await guard.GetByTestId("reply-guard-send-anyway").ClickAsync();

        await Expect(alex.GetByTestId("reply-result")).ToContainTextAsync("Sent");
        await Expect(alex.Locator("[data-reply-id]", new() { HasTextString = "it leaves our warehouse today." })).ToBeVisibleAsync();
        await Expect(alex.GetByTestId("reply-guard")).ToHaveCountAsync(0);
        await Expect(input).ToHaveValueAsync("");
        // The reply joined the thread: the conversation moved on from the version the refusal carried.
        await Eventually.TrueAsync(async () => (await stack.ConversationAsync(word, _cancellation, messages: 2)).Version > versionRefused, _cancellation, TimeSpan.FromSeconds(10));
    }
}
