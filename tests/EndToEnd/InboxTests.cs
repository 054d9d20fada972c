using System.Net;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>The live inbox in Chromium against the running stack: what a channel sends appears without a reload.</summary>
public sealed class InboxTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task A_signed_ingest_event_appears_in_an_open_inbox_without_a_reload_and_the_counts_follow()
    {
        var word = StackFixture.Letters(14);
        var page = await OpenInboxAsync("agent", $"?q={word}");
        await Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
        var openCount = page.Locator("[data-testid=inbox-view][data-view-key=open] [data-testid=view-count]");
        var before = CountOf(await openCount.InnerTextAsync());

        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event($"I was charged twice for {word}, I want a refund!", $"e2e_{StackFixture.Letters(10)}", "Ines Inbox"), _cancellation);

        var row = page.GetByTestId("inbox-row");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync(word);
        await Expect(row).ToContainTextAsync("Ines Inbox");
        await Expect(page.GetByTestId("inbox-total")).ToContainTextAsync("1 conversation");
        await Expect(openCount).Not.ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(CountOf(await openCount.InnerTextAsync()) > before);
        await BrowserFixture.AssertNotReloadedAsync(page);

        // The keyboard opens it: j selects the first row, Enter opens the conversation.
        await page.Locator("body").PressAsync("j");
        await Expect(row).ToHaveAttributeAsync("data-selected", "true");
        await page.Locator("body").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/conversations/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task From_the_inbox_the_keyboard_works_through_the_list_without_going_back()
    {
        var word = StackFixture.Letters(14);
        foreach (var name in new[] { "Kim Keys", "Lou Keys" })
        {
            await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event($"Where is my parcel {word}? {name}", $"e2e_{StackFixture.Letters(10)}", name), _cancellation);
        }

        var page = await OpenInboxAsync("agent", $"?q={word}");
        await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        var first = await page.GetByTestId("inbox-row").First.GetAttributeAsync("data-conversation-id");
        var second = await page.GetByTestId("inbox-row").Nth(1).GetAttributeAsync("data-conversation-id");

        await page.Locator("body").PressAsync("j");
        await page.Locator("body").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Uri(Web, $"conversations/{first}").ToString());
        await Expect(page.GetByTestId("trail-position")).ToHaveTextAsync("1 of 2");

        // j: the next one of the list; ?: the shortcuts; r: the caret in the reply; u: back to the list as it was.
        await page.Locator("body").PressAsync("j");
        await Expect(page).ToHaveURLAsync(new Uri(Web, $"conversations/{second}").ToString());
        await Expect(page.GetByTestId("trail-position")).ToHaveTextAsync("2 of 2");
        await Expect(page.GetByTestId("conversation-header")).ToHaveAttributeAsync("data-conversation-id", second!);
        await page.Locator("body").PressAsync("?");
        await Expect(page.GetByTestId("conversation-shortcuts")).ToContainTextAsync("Assign to me");
        await page.Locator("body").PressAsync("r");
        await Expect(page.Locator("textarea[data-testid=reply-input], [data-testid=reply-input] textarea").First).ToBeFocusedAsync();
        await page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Locator("body").PressAsync("u");
        await Expect(page).ToHaveURLAsync(new Uri(Web, $"?q={word}").ToString());
        await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(2);
        await BrowserFixture.AssertNotReloadedAsync(page);
    }

    [Theory]
    [InlineData(1024, 900)]
    [InlineData(390, 844)]
    public async Task On_a_laptop_and_a_phone_the_menu_folds_away_and_nothing_is_wider_than_the_screen(int width, int height)
    {
        var word = StackFixture.Letters(14);
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event($"Where is my parcel {word}?", $"e2e_{StackFixture.Letters(10)}", "Nia Narrow"), _cancellation);
        var page = await browser.SignedInPageAsync(Web, "agent");
        await page.SetViewportSizeAsync(width, height);
        await BrowserFixture.GoToAsync(page, Web, $"?q={word}");
        var row = page.GetByTestId("inbox-row");
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        // The menu is not docked: the page starts at the left edge, and the menu button opens it over the page.
        Assert.True((await page.Locator(".mud-main-content").BoundingBoxAsync())!.X < 1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Consults" })).Not.ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Consults" })).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Mouse.ClickAsync(width - 10, height - 10);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Expect(row.GetByTestId("row-customer")).ToBeVisibleAsync();
        Assert.True((await row.GetByTestId("row-customer").BoundingBoxAsync())!.Width > 40, "the customer's name is cut away");
        if (width < 700)
        {
            // The filters fold behind one button.
            await Expect(page.GetByTestId("filter-status")).ToBeHiddenAsync();
            await page.GetByTestId("filters-toggle").ClickAsync();
            await Expect(page.GetByTestId("filter-status")).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task A_page_whose_connection_drops_receives_what_it_missed_when_it_reconnects()
    {
        var word = StackFixture.Letters(14);
        var page = await OpenInboxAsync("agent", $"?q={word}");
        await Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();

        // Cut the page's connection to the workspace, as a network blip would; Blazor reconnects on its own.
        await page.EvaluateAsync("""
            () => document.getElementById('components-reconnect-modal').addEventListener(
                'components-reconnect-state-changed', e => (window.__reconnectStates ??= []).push(e.detail.state))
            """);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        await page.WaitForFunctionAsync("() => (window.__reconnectStates ?? []).includes('show')");
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event($"My parcel {word} is lost, where is my delivery?", $"e2e_{StackFixture.Letters(10)}", "Rea Connect"), _cancellation);
        await stack.IngestAsync(IngestChannels.X, ChannelEvents.Event($"The app crashes on {word} every time I log in", $"e2e_{StackFixture.Letters(10)}", "Rea Connect Two"), _cancellation);

        await Expect(page.GetByTestId("inbox-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        Assert.Contains("hide", await page.EvaluateAsync<string[]>("() => window.__reconnectStates"));
        await BrowserFixture.AssertNotReloadedAsync(page);
    }

    private async Task<IPage> OpenInboxAsync(string staff, string query)
    {
        var page = await browser.OpenAsync(Web, staff, query);
        await Expect(page.GetByTestId("shortcuts-hint")).ToBeVisibleAsync();
        return page;
    }

    private static int CountOf(string text) =>
        int.Parse(new string([.. text.Where(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture);
}
