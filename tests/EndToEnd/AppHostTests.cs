using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Probes;
using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>A second whole stack: it runs alone, after the tests that share the assembly's stack.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class AppHostProcessCollection;

/// <summary>
/// The AppHost as a developer meets it with <c>./run.sh</c>: a process that prints where everything is, shows every
/// resource running in the dashboard, stops everything it started, and finds its data again on the next run.
/// </summary>
[Collection(typeof(AppHostProcessCollection))]
public sealed class AppHostTests(BrowserFixture browser)
{
    private static readonly string[] Running = [Resources.Postgres, Resources.Database, Resources.Cache, Resources.Api, Resources.Workers, Resources.Web, Resources.Channels];

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private static string Configuration =>
        typeof(AppHostTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    [Fact]
    public async Task The_dashboard_shows_every_resource_running_Ctrl_C_leaves_nothing_and_a_second_run_keeps_the_data()
    {
        var directory = TestDirectories.New("apphost");
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        Guid probeId;
        AppHostProcess first;
        await using (first = await AppHostProcess.StartAsync(root, Configuration, directory, Guid.NewGuid().ToString("N"), _cancellation))
        {
            foreach (var service in new[] { "Workspace", "Api", "Workers" })
            {
                using var http = new HttpClient();
                using var health = await http.GetAsync(new Uri(first.Banner[service], "/health"), _cancellation);
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            var page = await browser.NewPageAsync();
            await page.GotoAsync(first.Banner["Dashboard"].ToString());
            // The login link signs the browser in: the resources page, not the token form.
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("resources"));
            foreach (var resource in Running)
            {
                await Expect(StateOf(page, resource)).ToHaveAttributeAsync("title", "Running", new() { Timeout = 30_000 });
            }

            // Traffic waits for an explicit start from the dashboard.
            await Expect(StateOf(page, Resources.Simulator)).ToContainTextAsync("Not started");
            await page.Context.CloseAsync();

            using var api = ApiClient(first.Banner["Api"]);
            using var created = await api.PostAsJsonAsync("api/probes", new ProbeRequest("first run"), _cancellation);
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
            probeId = (await created.Content.ReadFromJsonAsync<ProbeResponse>(_cancellation))!.Id;

            Assert.Equal(0, await first.TerminateAsync());
        }

        await AssertNothingLeftAsync(first);
        foreach (var port in first.ServerPorts.Concat(new[] { "Dashboard", "Workspace", "Api", "Workers" }.Select(service => first.Banner[service].Port)))
        {
            Assert.False(await AppHostProcess.IsListeningAsync(port), $"Port {port} is still open after the AppHost stopped.");
        }

        await using (var second = await AppHostProcess.StartAsync(root, Configuration, directory, Guid.NewGuid().ToString("N"), _cancellation))
        {
            using var api = ApiClient(second.Banner["Api"]);
            using var read = await api.GetAsync($"api/probes/{probeId}", _cancellation);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(0, await second.TerminateAsync());
            await AssertNothingLeftAsync(second);
        }

        TestDirectories.Delete(directory);
    }

    /// <summary>
    /// The AppHost waits for the orchestrator to clean up before it exits (<c>DcpPublisher:WaitForResourceCleanup</c>); its
    /// last helper may take a moment more to go.
    /// </summary>
    private async Task AssertNothingLeftAsync(AppHostProcess appHost)
    {
        try
        {
            await Eventually.TrueAsync(() => appHost.ProcessesLeft().Count == 0, _cancellation, TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }

        Assert.Empty(appHost.ProcessesLeft());
    }

    /// <summary>The state cell of a resource's row in the dashboard's resource grid (its title is the state's name).</summary>
    private static ILocator StateOf(IPage page, string resource) =>
        page.Locator("[role=row]")
            .Filter(new() { Has = page.Locator("[col-index='1']", new() { HasTextRegex = new($"^\\s*{resource}\\s*$") }) })
            .Locator("[col-index='2']");

    private static HttpClient ApiClient(Uri api)
    {
        var client = new HttpClient { BaseAddress = api };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessSettings.DevAdminKey);
        return client;
    }
}
