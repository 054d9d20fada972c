using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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

/// <summary>The intake as staff work it in the workspace, in Chromium against the running stack.</summary>
public sealed class FilteredEventsTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task An_admin_blocks_an_author_finds_their_event_filtered_and_restores_it_into_a_conversation()
    {
        var handle = $"e2e_{StackFixture.Letters(10)}";
        var word = StackFixture.Letters(16);
        var page = await browser.OpenAsync(stack.Stack.WebUrl, "admin", "admin/noise-rules");

        await page.GetByTestId("add-rule").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("rule-kind")).ToContainTextAsync("blocked-author");
        await dialog.Locator("input[data-testid=rule-pattern], [data-testid=rule-pattern] input").FillAsync($"@{handle}");
        await dialog.Locator("input[data-testid=rule-description], [data-testid=rule-description] input").FillAsync("end-to-end test");
        await dialog.GetByTestId("save-rule").ClickAsync();
        await Expect(page.Locator($"[data-testid=noise-rule][data-pattern='@{handle}']")).ToHaveAttributeAsync("data-enabled", "true");

        await PostSignedAsync(new IngestEventRequest
        {
            ExternalId = $"e2e-{Guid.NewGuid():N}",
            Kind = MessageKinds.Mention,
            Author = new IngestAuthor { Handle = handle, DisplayName = "Blocked On Purpose", Followers = 3 },
            Text = $"My order {word} has not arrived, can you help?",
            OccurredAt = DateTimeOffset.UtcNow,
        });

        // The workers carry the event within seconds; the page shows what the Api holds when it loads.
        var row = page.Locator($"[data-testid=filtered-event][data-author='{handle}']");
        await OpenUntilAsync(page, "intake/filtered", row, TimeSpan.FromSeconds(60));
        await Expect(row.GetByTestId("filtered-reason")).ToHaveTextAsync($"blocked author @{handle}");

        await row.GetByTestId("restore").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.GetByText("Restored — it will appear in the inbox")).ToBeVisibleAsync();
        using var api = stack.ApiClient();
        await Eventually.TrueAsync(
            async () => (await api.GetFromJsonAsync<ConversationPage>($"api/conversations?q={word}", _cancellation))?.Total > 0,
            _cancellation);
    }

    /// <summary>Opens <paramref name="path"/> again and again until <paramref name="wanted"/> is on it.</summary>
    private async Task OpenUntilAsync(IPage page, string path, ILocator wanted, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            await BrowserFixture.GoToAsync(page, Web, path);
            await Expect(page.Locator("[data-testid=filtered-event], [data-testid=filtered-empty], [data-testid=filtered-error]").First).ToBeVisibleAsync();
            if (await wanted.CountAsync() > 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing matching {wanted} appeared on {path} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), _cancellation);
        }
    }

    private async Task PostSignedAsync(IngestEventRequest request)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web);
        using var http = new HttpClient { BaseAddress = stack.Stack.ApiUrl };
        using var message = new HttpRequestMessage(HttpMethod.Post, $"api/ingest/{IngestChannels.X}") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Add(IngestSignature.HeaderName, IngestSignature.Sign(IngestSettings.DevSecret, body));

        using var response = await http.SendAsync(message, _cancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
