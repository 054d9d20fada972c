using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Collaboration;

namespace SocialEnterprise.Web.ComponentTests.Collaboration;

public sealed class NotificationsTests : WorkspaceContext
{
    private static readonly NotificationView Answered = new(
        Guid.NewGuid(), NotificationKinds.ConsultAnswered, "Legal answered your consult.", $"/conversations/{Guid.NewGuid()}", DateTimeOffset.UtcNow, null);

    public NotificationsTests() => SignInAs("agent");

    [Fact]
    public void A_failed_load_shows_its_reason_and_trying_again_lists_the_notifications() =>
        TryingAgainAfterAFailedLoadShows<Notifications>(
            "/api/notifications", "Notifications", "notifications-error", new NotificationPage([Answered], 1), "[data-testid=notification-row]");

    [Fact]
    public void Choosing_mentions_asks_for_mentions_only_and_a_folded_line_says_how_many_updates_it_stands_for()
    {
        var breached = new NotificationView(
            Guid.NewGuid(), NotificationKinds.SlaBreach, "Breached: the first response to Rea Reply is overdue", $"/conversations/{Guid.NewGuid()}",
            DateTimeOffset.UtcNow, null, Updates: 3);
        var mention = new NotificationView(
            Guid.NewGuid(), NotificationKinds.Mention, "Alex Agent mentioned you", $"/conversations/{Guid.NewGuid()}", DateTimeOffset.UtcNow, null);
        Api.Answer(HttpMethod.Get, "/api/notifications", HttpStatusCode.OK, new NotificationPage([breached, mention], 2));
        Api.Answer(HttpMethod.Get, "/api/notifications?limit=100&kind=mentions", HttpStatusCode.OK, new NotificationPage([mention], 2));
        var page = Render<Notifications>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=notification-row]").Count));
        Assert.Contains("3 updates", page.FindAll("[data-testid=notification-row]")[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("updates", page.FindAll("[data-testid=notification-row]")[1].TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=notification-filter-mentions]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=notification-row]")));
        Assert.Equal(NotificationKinds.Mention, page.Find("[data-testid=notification-row]").GetAttribute("data-kind"));
        Assert.Equal("true", page.Find("[data-testid=notification-filter-mentions]").GetAttribute("aria-pressed"));
        Assert.Contains(Api.Calls, call => call.PathAndQuery == "/api/notifications?limit=100&kind=mentions");
    }
}
