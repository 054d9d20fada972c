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
/// A consult across departments in two browsers: an agent asks legal on a conversation, legal's Consults page shows
/// it without a reload, legal answers, and the answer lands in the agent's open conversation and rings their bell.
/// </summary>
public sealed class ConsultTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task An_agent_asks_legal_legal_sees_it_live_and_answers_and_the_answer_reaches_the_agents_thread_and_bell()
    {
        var word = StackFixture.Letters(12);
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event(
            $"I was charged twice {word}, refund please", $"c_{StackFixture.Letters(10)}", "Cora Consult", MessageKinds.Mention), _cancellation);
        var conversation = await stack.ConversationAsync(word, _cancellation);
        Assert.Equal("support", conversation.Department);

        var lena = await browser.OpenAsync(Web, "legal", "consults");
        var alex = await browser.OpenAsync(Web, "agent", $"conversations/{conversation.Id}");
        var bell = alex.GetByTestId("notification-bell");
        await Expect(bell).ToHaveAttributeAsync("data-loaded", "true");
        var unreadBefore = int.Parse((await bell.GetAttributeAsync("data-unread"))!, System.Globalization.CultureInfo.InvariantCulture);

        // Alex asks legal from the conversation page.
        var question = $"May we refund without a receipt {word}?";
        await alex.GetByTestId("open-consult").ClickAsync();
        await alex.Locator("[data-testid=consult-target][data-department=legal]").ClickAsync();
        await alex.Locator("textarea[data-testid=consult-question], [data-testid=consult-question] textarea").First.FillAsync(question);
        await alex.GetByTestId("consult-submit").ClickAsync();
        await Expect(alex.Locator("[data-testid=consult][data-state=open]")).ToContainTextAsync(question);

        // It appears on Lena's Consults page without a reload.
        var waiting = lena.Locator("[data-testid=waiting-consult]", new() { HasTextString = question });
        await Expect(waiting).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // Lena opens the conversation (visible to legal now) and answers.
        await lena.Locator("tr", new() { Has = waiting }).GetByTestId("waiting-consult-open").ClickAsync();
        var answer = $"Yes, up to 50 EUR {word}.";
        var open = lena.Locator("[data-testid=consult][data-state=open]");
        await open.Locator("textarea[data-testid=consult-reply], [data-testid=consult-reply] textarea").First.FillAsync(answer);
        await open.GetByTestId("consult-answer").ClickAsync();
        await Expect(lena.Locator("[data-testid=consult][data-state=answered]")).ToContainTextAsync(answer);

        // Alex, who never reloaded, sees the answer in the internal thread, his bell count goes up, and the bell lists the
        // answer (other tests' conversations may be assigned to him meanwhile, so the count is checked as at least one more).
        await Expect(alex.Locator("[data-testid=note]", new() { HasTextString = answer })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(alex.Locator("[data-testid=note]", new() { HasTextString = answer })).ToContainTextAsync("Consult answer");
        await Expect(alex.Locator("[data-testid=consult][data-state=answered]")).ToBeVisibleAsync();
        await Eventually.TrueAsync(
            async () => int.Parse((await bell.GetAttributeAsync("data-unread"))!, System.Globalization.CultureInfo.InvariantCulture) > unreadBefore,
            _cancellation, TimeSpan.FromSeconds(20));
        await alex.GetByTestId("notification-button").ClickAsync();
        await Expect(alex.Locator("[data-testid=notification][data-kind=consult-answered][data-read=false]", new() { HasTextString = word }))
            .ToBeVisibleAsync();
    }
}
