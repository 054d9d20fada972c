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

        await page.GetByTestId("signed-in-as").ClickAsync();
        await Expect(page.GetByTestId("availability")).ToHaveAttributeAsync("data-availability", "available");
        await page.GetByTestId("availability-away").ClickAsync();
        await Expect(page.GetByTestId("availability")).ToHaveAttributeAsync("data-availability", "away");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("workspace")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByTestId("signed-in-as").ClickAsync();
        await Expect(page.GetByTestId("availability")).ToHaveAttributeAsync("data-availability", "away");

        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, Web, $"admin@{AccessSettings.DemoDomain}", AccessSettings.DemoPassword);
        await admin.GotoAsync(new Uri(Web, "admin/staff").ToString());
        var noah = admin.GetByTestId("staff").Filter(new() { HasText = "Noah Nguyen" });
        await Expect(noah).ToHaveCountAsync(1);
        await Expect(noah.Locator("input").First).ToHaveValueAsync("Away");
        await Expect(admin.Locator("[data-testid=department][data-id=legal]")).ToHaveAttributeAsync("data-strategy", "manual");
    }
}
