using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Probes;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

public sealed class WorkspaceTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api")]
    [InlineData("workers")]
    [InlineData("web")]
    public async Task Every_service_answers_its_health_probes(string service)
    {
        var address = service switch
        {
            "api" => stack.Stack.ApiUrl,
            "workers" => stack.Stack.WorkersUrl,
            _ => stack.Stack.WebUrl,
        };
        using var http = new HttpClient { BaseAddress = address };

        using var health = await http.GetAsync("/health", _cancellation);
        using var alive = await http.GetAsync("/alive", _cancellation);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Every_page_links_the_favicon_and_it_is_served_as_an_image()
    {
        using var http = new HttpClient { BaseAddress = stack.Stack.WebUrl };
        var document = await http.GetStringAsync("/account/login", _cancellation);
        var link = System.Text.RegularExpressions.Regex.Match(document, "<link[^>]*rel=\"icon\"[^>]*>").Value;
        var href = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(link, "href=\"([^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(href);

        foreach (var path in new[] { href, "/favicon.svg" })
        {
            using var icon = await http.GetAsync(path, _cancellation);
            Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
            Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<svg", await icon.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_workspace_answers_clicks_over_its_circuit()
    {
        var page = await browser.OpenAsync(stack.Stack.WebUrl, "admin", "/activity");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live activity" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Workspace" })
            .GetByRole(AriaRole.Link, new() { Name = "System health" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(stack.Stack.WebUrl, "system").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "System", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertNotReloadedAsync(page);
    }

    [Fact]
    public async Task The_System_page_shows_every_service_and_dependency_healthy()
    {
        var page = await browser.OpenAsync(stack.Stack.WebUrl, "admin", "/system");

        foreach (var name in new[] { "web", "live link", "api", "workers", "postgres", "cache" })
        {
            await Expect(page.Locator($"[data-testid=component][data-name='{name}']"))
                .ToHaveAttributeAsync("data-status", "Healthy", new() { Timeout = 30_000 });
        }
    }

    [Fact]
    public async Task A_probe_sent_from_the_workspace_comes_back_carried_without_a_reload()
    {
        var page = await browser.OpenAsync(stack.Stack.WebUrl, "admin", "/system");
        var carriedBefore = await page.Locator("[data-testid=probe][data-state=carried]").CountAsync();

        await page.GetByTestId("send-probe").ClickAsync();

        // Carried means: Api stored it, a worker took it, the event log announced it, the Api's stream pushed it to
        // the workspace, and the workspace pushed it to this page over the circuit.
        await Expect(page.Locator("[data-testid=probe][data-state=carried]")).ToHaveCountAsync(carriedBefore + 1);
        await Expect(page.Locator("[data-testid=probe][data-state=carried] [data-testid=probe-round-trip]").First)
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ ms$"));
        await BrowserFixture.AssertNotReloadedAsync(page);
    }

    [Fact]
    public async Task An_event_that_starts_on_the_server_appears_on_an_open_page_without_a_reload()
    {
        var page = await browser.OpenAsync(stack.Stack.WebUrl, "admin", "/activity");
        using var api = stack.ApiClient();

        using var response = await api.PostAsJsonAsync("api/probes", new ProbeRequest("an integrator"), _cancellation);
        var probe = await response.Content.ReadFromJsonAsync<ProbeResponse>(_cancellation);

        var carried = page.Locator(
            $"[data-testid=activity-event][data-type=PipelineProbeCompleted][data-stream='{PipelineProbeStream.Of(probe!.Id)}']");
        await Expect(carried).ToBeVisibleAsync();
        await Expect(carried).ToContainTextAsync("after an integrator asked");
        await BrowserFixture.AssertNotReloadedAsync(page);
    }
}
