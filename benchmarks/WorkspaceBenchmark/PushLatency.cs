using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Shared;
using SocialEnterprise.Simulator.Measuring;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>
/// From an event appended to the log until a signed-in browser shows it: Debian's Chromium, driven by Playwright, on
/// the Activity page, while the Api is asked for pipeline probes whose <c>requestedBy</c> is a unique marker. A
/// MutationObserver in the page stamps each marker when it first appears (<c>performance.timeOrigin + now()</c>, the
/// same clock as this process's wall clock).
/// </summary>
public sealed class PushLatency(Uri web, Uri api, Action<string> report)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public sealed record Figures(string Page, LatencySummary FromAnswer, LatencySummary FromSend, int Missing);

    private const string Observer = """
        () => {
            window.__seen = {};
            const pattern = /wsb[0-9a-f]+n[0-9]+z/g;
            const stamp = text => {
                const now = performance.timeOrigin + performance.now();
                for (const marker of (text || '').match(pattern) || []) {
                    if (!(marker in window.__seen)) window.__seen[marker] = now;
                }
            };
            new MutationObserver(mutations => {
                for (const mutation of mutations) {
                    if (mutation.type === 'characterData') stamp(mutation.target.data);
                    for (const node of mutation.addedNodes) stamp(node.textContent);
                }
            }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public async Task<Figures> MeasureAsync(int probes, CancellationToken cancellationToken)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (sudo apt-get install -y chromium).");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync(new Uri(web, "account/login").ToString());
        await page.Locator("#email").FillAsync($"admin@{AccessSettings.DemoDomain}");
        await page.Locator("#password").FillAsync(AccessSettings.DemoPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByTestId("workspace").WaitForAsync();

        var activity = await OpenActivityAsync(page);
        report($"   signed in as admin, watching {activity}");
        await page.EvaluateAsync(Observer);

        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = ApiCaller.AdminKey().Authorization();
        var run = Guid.NewGuid().ToString("N")[..8];

        // The first probes also wait for the page's live connection, then warm up the path.
        for (var i = 0; i < 5; i++)
        {
            await ProbeAsync(http, page, $"wsb{run}n{900_000 + i}z", TimeSpan.FromSeconds(60), cancellationToken);
        }

        var fromAnswer = new List<double>();
        var fromSend = new List<double>();
        var missing = 0;
        for (var i = 0; i < probes; i++)
        {
            var sample = await ProbeAsync(http, page, $"wsb{run}n{i}z", TimeSpan.FromSeconds(10), cancellationToken);
            if (sample is { } seen)
            {
                fromAnswer.Add(seen.FromAnswer);
                fromSend.Add(seen.FromSend);
            }
            else
            {
                missing++;
            }

            // One probe at a time, a little apart, as events arrive in a working day rather than in a burst.
            await Task.Delay(50, cancellationToken);
        }

        await context.CloseAsync();
        return new Figures(activity, LatencySummary.Of(fromAnswer), LatencySummary.Of(fromSend), missing);
    }

    /// <summary>The Activity page: at /activity if it has moved there, else at /.</summary>
    private async Task<string> OpenActivityAsync(IPage page)
    {
        foreach (var path in new[] { "activity", "" })
        {
            var response = await page.GotoAsync(new Uri(web, path).ToString());
            if (response is { Status: 404 })
            {
                continue;
            }

            try
            {
                await page.GetByTestId("activity-count").WaitForAsync(new() { Timeout = 10_000 });
                return "/" + path;
            }
            catch (TimeoutException)
            {
            }
        }

        throw new InvalidOperationException("Neither /activity nor / shows the Activity page (data-testid=activity-count).");
    }

    private static async Task<(double FromAnswer, double FromSend)?> ProbeAsync(
        HttpClient http, IPage page, string marker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sent = Now();
        using var response = await http.PostAsJsonAsync("api/probes", new ProbeRequest(marker), cancellationToken);
        var answered = Now();
        response.EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var seen = await page.EvaluateAsync<double?>("marker => window.__seen[marker] ?? null", marker);
            if (seen is { } at)
            {
                return (at - answered, at - sent);
            }

            await Task.Delay(5, cancellationToken);
        }

        return null;
    }

    /// <summary>Milliseconds since the Unix epoch, as the browser's performance.timeOrigin + now() counts them.</summary>
    private static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
}
