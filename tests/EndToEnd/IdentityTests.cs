using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Playwright;
using SocialEnterprise.Shared;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>Staff sign-in, lockout, sign-out and role-limited pages, in Chromium against the running stack.</summary>
public sealed class IdentityTests(StackFixture stack, BrowserFixture browser)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_then_back_where_they_were_going()
    {
        var page = await browser.NewPageAsync();
        var violations = WatchContentSecurityPolicy(page);

        await page.GotoAsync(new Uri(Web, "consults").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/account/login\?ReturnUrl=%2Fconsults$"));
        await BrowserFixture.SignInAsync(page, Web, $"agent@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);

        await Expect(page).ToHaveURLAsync(new Uri(Web, "consults").ToString());
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Alex Agent");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);

        // Administration and the operators' pages (the event stream, system health) are admins' only.
        foreach (var adminsOnly in new[] { "admin/api-keys", "activity", "system" })
        {
            await page.GotoAsync(new Uri(Web, adminsOnly).ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Fifteen_colleagues_signing_in_from_one_address_within_a_minute_all_reach_the_workspace()
    {
        // Fifteen distinct demo accounts, all from 127.0.0.1 (marketing is locked by another test, agent3's availability is
        // another test's). Before, every sign-in counted against the address and the eleventh colleague was refused.
        string[] colleagues =
        [
            "admin", "support.manager", "sales.manager", "agent", "agent2", "product", "engineering", "legal", "sales",
            "product2", "engineering.manager", "engineering2", "legal2", "sales2", "marketing2",
        ];
        var started = TimeProvider.System.GetTimestamp();

        // Three at a time: as at a shift's start, and so that all fifteen fit in the minute on a small machine.
        await Parallel.ForEachAsync(colleagues, new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = _cancellation },
            async (colleague, _) =>
            {
                var page = await browser.NewPageAsync();
                await BrowserFixture.SignInAsync(page, Web, $"{colleague}@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
                await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();
                await page.Context.CloseAsync();
            });

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(1), "The sign-ins took longer than the window.");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_then_it_is_refused_with_429_while_a_colleague_signs_in()
    {
        var page = await browser.NewPageAsync();
        var email = $"marketing@{AccessSettings.DemoDomain}";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await BrowserFixture.SignInAsync(page, Web, email, "Not-The-Password-1");
            await Expect(page.GetByTestId("login-message")).ToBeVisibleAsync();
        }

        await Expect(page.GetByTestId("login-message")).ToContainTextAsync("locked");

        // Past the account's limit of failures a minute (five by default), even the right password is not checked.
        var refusal = await page.RunAndWaitForResponseAsync(
            () => BrowserFixture.SignInAsync(page, Web, email, AccessSettings.DemoPassword),
            response => response.Request.Method == "POST" && response.Url.Contains("/account/login", StringComparison.Ordinal));

        Assert.Equal((int)HttpStatusCode.TooManyRequests, refusal.Status);
        var retryAfter = int.Parse(refusal.Headers["retry-after"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        await Expect(page.GetByTestId("login-message")).ToHaveTextAsync(
            $"Too many failed sign-ins for this account or from this network. Try again in {retryAfter} seconds.");
        await Expect(page.Locator("#email")).ToHaveValueAsync(email);
        await Expect(page.Locator("#password")).ToHaveValueAsync("");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        var colleague = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(colleague, Web, $"product@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
        await Expect(colleague.GetByTestId("workspace")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Web, $"product@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");

        await page.GetByTestId("signed-in-as").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        await page.GotoAsync(Web.ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task An_admin_creates_a_key_that_works_revokes_it_and_finds_both_in_the_audit_log()
    {
        var page = await browser.SignedInPageAsync(Web, "admin");
        await page.GotoAsync(new Uri(Web, "admin/api-keys").ToString());
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");
        var name = $"e2e {Guid.NewGuid():N}"[..12];

        await page.Locator("input[data-testid=key-name], [data-testid=key-name] input").FillAsync(name);
        await page.GetByTestId("create-key").ClickAsync();
        var secret = await page.GetByTestId("created-secret").InnerTextAsync();

        using var integration = new HttpClient { BaseAddress = stack.Stack.ApiUrl };
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var me = await integration.GetAsync("api/me", _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        await page.Locator($"[data-testid=api-key][data-name='{name}'] [data-testid=revoke-key]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.Locator($"[data-testid=api-key][data-name='{name}']")).ToHaveAttributeAsync("data-state", "revoked");
        using (var refused = await integration.GetAsync("api/me", _cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Workspace" }).GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(page.Locator("[data-testid=audit-entry][data-action='api-key.revoked']").First).ToContainTextAsync(name);
        await Expect(page.Locator("[data-testid=audit-entry][data-action='api-key.created']").First).ToContainTextAsync(name);
        await Expect(page.Locator($"[data-testid=audit-entry][data-action='staff.signed-in'][data-actor='admin@{AccessSettings.DemoDomain}']").First)
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task Successful_sign_ins_from_one_address_never_count_and_failures_over_many_accounts_are_refused_past_its_limit()
    {
        // From 127.0.0.2, so that the browser tests' own failures from 127.0.0.1 are not counted.
        var address = IPAddress.Parse("127.0.0.2");
        for (var i = 0; i < AddressLimit + 5; i++)
        {
            using var signedIn = await PostSignInAsync(address, $"admin@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        for (var i = 0; i < AddressLimit; i++)
        {
            using var refused = await PostSignInAsync(address, $"nobody-{Guid.NewGuid():N}@example.com", "Not-The-Password-1");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("The e-mail address or the password is wrong.", await refused.Content.ReadAsStringAsync(_cancellation), StringComparison.Ordinal);
        }

        var email = $"product@{AccessSettings.DemoDomain}";
        using var throttled = await PostSignInAsync(address, email, AccessSettings.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var html = WebUtility.HtmlDecode(await throttled.Content.ReadAsStringAsync(_cancellation));
        Assert.Contains("Too many failed sign-ins for this account or from this network. Try again in", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
    }

    /// <summary><c>SignIn:AttemptsPerMinute</c>'s default: failed sign-ins from one address a minute.</summary>
    private const int AddressLimit = 20;

    /// <summary>Sends the sign-in form from <paramref name="address"/> as a fresh browser would: its page first, for the antiforgery token.</summary>
    private async Task<HttpResponseMessage> PostSignInAsync(IPAddress address, string email, string password)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = Web };

        var form = await http.GetStringAsync("account/login", _cancellation);
        var input = System.Text.RegularExpressions.Regex.Match(form, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(token);
        return await http.PostAsync("account/login", new FormUrlEncodedContent(
        [
            new("_handler", "login"),
            new("__RequestVerificationToken", token),
            new("Input.Email", email),
            new("Input.Password", password),
        ]), _cancellation);
    }

    private static List<string> WatchContentSecurityPolicy(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }
}
