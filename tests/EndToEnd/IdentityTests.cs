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

        await page.GotoAsync(new Uri(Web, "system").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/account/login\?ReturnUrl=%2Fsystem$"));
        await BrowserFixture.SignInAsync(page, Web, $"agent@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);

        await Expect(page).ToHaveURLAsync(new Uri(Web, "system").ToString());
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Alex Agent");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(Web, "admin/api-keys").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_in_a_row_lock_the_account()
    {
        var page = await browser.NewPageAsync();
        var email = $"marketing@{AccessSettings.DemoDomain}";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await BrowserFixture.SignInAsync(page, Web, email, "Not-The-Password-1");
            await Expect(page.GetByTestId("login-message")).ToBeVisibleAsync();
        }

        await Expect(page.GetByTestId("login-message")).ToContainTextAsync("locked");
        await BrowserFixture.SignInAsync(page, Web, email, AccessSettings.DemoPassword);

        await Expect(page.GetByTestId("login-message")).ToContainTextAsync("locked");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
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
    public async Task Sign_in_attempts_from_one_address_are_rate_limited()
    {
        // From 127.0.0.2, so that the browser tests' own sign-ins from 127.0.0.1 are not counted.
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = Web };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 65; i++)
        {
            using var response = await http.PostAsync("account/login", new FormUrlEncodedContent([]), _cancellation);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(60));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
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
