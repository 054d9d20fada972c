using Microsoft.Playwright;
using SocialEnterprise.Shared;
using static Microsoft.Playwright.Assertions;

namespace SocialEnterprise.EndToEnd;

/// <summary>Availability and the staff administration, in Chromium against the running stack.</summary>
public sealed class AssignmentTests(StackFixture stack, BrowserFixture browser)
{
    private Uri Web => stack.Stack.WebUrl;

    [Fact]
    public async Task Signing_in_makes_one_available_the_user_menu_switches_to_away_and_admins_see_it()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Web, $"agent3@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");

        await OpenUserMenuAsync(page);
        await Expect(page.GetByTestId("availability")).ToHaveAttributeAsync("data-availability", "available");
        await page.GetByTestId("availability-away").ClickAsync();
        await Expect(page.GetByTestId("availability")).ToHaveAttributeAsync("data-availability", "away");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");
        await OpenUserMenuAsync(page);
        await Expect(page.GetByTestId("availability")).ToHaveAttributeAsync("data-availability", "away");

        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, Web, $"admin@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
        await admin.GotoAsync(new Uri(Web, "admin/staff").ToString());
        var noah = admin.GetByTestId("staff").Filter(new() { HasText = "Noah Nguyen" });
        await Expect(noah).ToHaveCountAsync(1);
        await Expect(noah.Locator("input").First).ToHaveValueAsync("Away");
        await Expect(admin.Locator("[data-testid=department][data-id=legal]")).ToHaveAttributeAsync("data-strategy", "manual");
    }

    /// <summary>
    /// Opens the user menu as a person would: signing in makes the agent available, and a conversation waiting in the
    /// queue may be assigned to them that moment; its pop-up can close the menu as it opens, so it is opened again.
    /// </summary>
    private static async Task OpenUserMenuAsync(IPage page)
    {
        var availability = page.GetByTestId("availability");
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("signed-in-as").ClickAsync();
            try
            {
                await availability.WaitForAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
