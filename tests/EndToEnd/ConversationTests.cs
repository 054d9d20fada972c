using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// Two colleagues on one conversation in two browsers: each sees the other there and typing, a note appears for both,
/// and the Customer 360 beside it shows the customer across channels and who of which department engaged them.
/// </summary>
public sealed class ConversationTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task A_reader_in_Tokyo_reads_the_times_of_a_conversation_in_Tokyo_time()
    {
        var word = StackFixture.Letters(12);
        // Written 10 minutes ago: its date is trusted, so the page shows it as written.
        var written = DateTimeOffset.UtcNow.AddMinutes(-10);
        written = new DateTimeOffset(written.Year, written.Month, written.Day, written.Hour, written.Minute, 0, TimeSpan.Zero);
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event(
            $"Where is my parcel {word}?", $"c_{StackFixture.Letters(10)}", "Taro Tanaka", MessageKinds.Mention, occurredAt: written), _cancellation);
        var conversation = await stack.ConversationAsync(word, _cancellation);

        // A browser in Tokyo whose sign-in cookie was saved in another zone: the live page follows the browser.
        var page = await browser.SignedInPageAsync(Web, "agent", timeZone: "Asia/Tokyo");
        await BrowserFixture.GoToAsync(page, Web, $"conversations/{conversation.Id}");

        var tokyo = TimeZoneInfo.ConvertTime(written, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        await Expect(page.GetByTestId("message").First).ToContainTextAsync(tokyo.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Two_colleagues_see_each_others_presence_and_typing_and_the_customer_360_shows_every_channel_and_the_unified_front()
    {
        var word = StackFixture.Letters(12);
        var email = $"{StackFixture.Letters(10)}@example.com";
        await stack.IngestAsync(IngestChannels.Email, ChannelEvents.Event(
            $"I was charged twice on my invoice {word}, I want a refund!", email, "Uma Unified", MessageKinds.Email, email: email), _cancellation);
        await stack.IngestAsync(IngestChannels.Chat, ChannelEvents.Event(
            $"Hello, any news about my refund {word}?", $"visitor-{StackFixture.Letters(8)}", "Uma", MessageKinds.Chat, email: email), _cancellation);
        var conversation = await stack.ConversationAsync(word, _cancellation, IngestChannels.Email);

        var alex = await browser.OpenAsync(Web, "agent", $"conversations/{conversation.Id}");
        var sam = await browser.OpenAsync(Web, "support.manager", $"conversations/{conversation.Id}");

        // Each sees both viewers.
        foreach (var page in new[] { alex, sam })
        {
            await Expect(page.Locator("[data-testid=viewer][data-staff-name='Alex Agent']")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=viewer][data-staff-name='Sam Support-Manager']")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=online-staff][data-staff-name='Alex Agent']")).ToHaveCountAsync(1);
        }

        // Alex types a note: Sam sees it as it happens, then the note itself.
        await alex.Locator("textarea[data-testid=note-input], [data-testid=note-input] textarea").First.PressSequentiallyAsync("Refund approved by finance", new() { Delay = 40 });
        await Expect(sam.Locator("[data-testid=viewer][data-staff-name='Alex Agent']")).ToHaveAttributeAsync("data-typing", "true");
        await Expect(sam.GetByTestId("typing")).ToContainTextAsync("Alex Agent");
        await alex.GetByTestId("add-note").ClickAsync();
        await Expect(sam.GetByTestId("note")).ToContainTextAsync("Refund approved by finance");
        await Expect(sam.Locator("[data-testid=viewer][data-staff-name='Alex Agent']")).ToHaveAttributeAsync("data-typing", "false", new() { Timeout = 10_000 });

        // The Customer 360 beside the thread: both channels' identities, and Alex of support on the unified front.
        var customer = sam.GetByTestId("customer-360");
        await Expect(customer.Locator("[data-testid=identity][data-channel=email]")).ToHaveCountAsync(1);
        await Expect(customer.Locator("[data-testid=identity][data-channel=chat]")).ToHaveCountAsync(1);
        var front = customer.Locator("[data-testid=unified-front-entry][data-staff-name='Alex Agent']");
        await Expect(front).ToBeVisibleAsync();
        await Expect(front).ToContainTextAsync("support", new() { IgnoreCase = true });
        await Expect(customer.GetByTestId("open-by-department")).ToContainTextAsync("support", new() { IgnoreCase = true });
        await Expect(customer.Locator("[data-testid=timeline-item][data-kind=note]")).ToHaveCountAsync(1);
        await Expect(customer.Locator("[data-testid=timeline-item][data-kind=inbound]")).ToHaveCountAsync(2);
        await Expect(customer.GetByTestId("sentiment-chart")).ToBeVisibleAsync();

        // Alex leaves (the browser closes): Sam stops seeing him within a minute.
        await alex.Context.CloseAsync();
        await Expect(sam.Locator("[data-testid=viewer][data-staff-name='Alex Agent']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
    }
}
