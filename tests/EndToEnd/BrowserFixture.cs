using Microsoft.Playwright;
using SocialEnterprise.Shared;

namespace SocialEnterprise.EndToEnd;

/// <summary>Debian's Chromium, driven by Playwright (never a downloaded browser), shared by the tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (sudo apt-get install -y chromium).");
        }

        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                // This machine's network is closed: without these Chromium keeps trying to reach Google.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    private readonly Dictionary<string, string> _signedIn = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);

    /// <summary>A fresh browser context (no shared cookies or storage) with one page at 1280x800, in the machine's time zone or <paramref name="timeZone"/>.</summary>
    public async Task<IPage> NewPageAsync(string? storageState = null, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = storageState,
            TimezoneId = timeZone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page of a context already signed in as the demo staff member <paramref name="name"/> (signed in through the
    /// form once per test run, then the cookie is reused).
    /// </summary>
    public async Task<IPage> SignedInPageAsync(Uri web, string name, string? timeZone = null)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(name, out var state))
            {
                var page = await NewPageAsync();
                await SignInAsync(page, web, $"{name}@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
                await Assertions.Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();
                state = await page.Context.StorageStateAsync();
                _signedIn[name] = state;
                await page.Context.CloseAsync();
            }

            return await NewPageAsync(state, timeZone);
        }
        finally
        {
            _signingIn.Release();
        }
    }

    /// <summary>
    /// A page signed in as <paramref name="name"/>, opened at <paramref name="path"/> (<see cref="GoToAsync"/>).
    /// </summary>
    public async Task<IPage> OpenAsync(Uri web, string name, string path)
    {
        var page = await SignedInPageAsync(web, name);
        await GoToAsync(page, web, path);
        return page;
    }

    /// <summary>
    /// Opens <paramref name="path"/>, waits for the page's circuit, and marks the window so that a reload would be
    /// noticed (<see cref="AssertNotReloadedAsync"/>).
    /// </summary>
    public static async Task GoToAsync(IPage page, Uri web, string path)
    {
        await page.GotoAsync(new Uri(web, path).ToString());
        await Assertions.Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");
        await page.EvaluateAsync("() => window.__sameDocument = true");
    }

    /// <summary>What changed on the page since <see cref="GoToAsync"/> came live, without a reload.</summary>
    public static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");

    /// <summary>Fills in and sends the sign-in form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, Uri web, string email, string password, string path = "account/login")
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await page.GotoAsync(new Uri(web, path).ToString());
        }

        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
