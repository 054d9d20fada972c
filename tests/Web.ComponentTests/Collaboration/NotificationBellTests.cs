using System.Net;
using System.Security.Claims;
using Bunit;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Collaboration;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.ComponentTests.Collaboration;

public sealed class NotificationBellTests : WorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Guid _me = Guid.NewGuid();

    public NotificationBellTests()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("agent@example.test");
        authorization.SetRoles("agent");
        authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, _me.ToString()),
            new Claim(AccessClaims.DisplayName, "Alex Agent"),
            new Claim(AccessClaims.Department, "support"));
    }

    private static NotificationView Notification(string text, DateTimeOffset? readAt = null) =>
        new(Guid.NewGuid(), NotificationKinds.ConsultAnswered, text, $"/conversations/{Guid.NewGuid()}", Start, readAt);

    [Fact]
    public async Task The_count_reloads_on_my_notifications_only()
    {
        Api.Answer(HttpMethod.Get, "/api/notifications", HttpStatusCode.OK, new NotificationPage([Notification("Lena answered")], 1));
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread")));
        var loads = Api.CallsTo(HttpMethod.Get, "/api/notifications").Count;

        Api.Answer(HttpMethod.Get, "/api/notifications", HttpStatusCode.OK, new NotificationPage([Notification("Again"), Notification("Lena answered")], 2));
        await bell.InvokeAsync(() => Live.PublishAsync(Envelope(new StaffNotified(Guid.NewGuid(), Guid.NewGuid(), NotificationKinds.Mention, Start), 5)));
        await bell.InvokeAsync(() => Live.PublishAsync(Envelope(new StaffNotified(Guid.NewGuid(), _me, NotificationKinds.Mention, Start), 6)));

        bell.WaitForAssertion(() => Assert.Equal("2", bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread")));
        Assert.Equal(loads + 1, Api.CallsTo(HttpMethod.Get, "/api/notifications").Count);
        Assert.Contains("Notifications, 2 unread", bell.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_menu_lists_the_newest_and_marks_them_all_read()
    {
        var layers = RenderLayers();
        Api.Answer(HttpMethod.Get, "/api/notifications", HttpStatusCode.OK,
            new NotificationPage([Notification("Lena Legal (legal) answered your consult: yes"), Notification("Old one", Start)], 1));
        Api.Answer(HttpMethod.Post, "/api/notifications/read-all", _ =>
        {
            Api.Answer(HttpMethod.Get, "/api/notifications", HttpStatusCode.OK,
                new NotificationPage([Notification("Lena Legal (legal) answered your consult: yes", Start), Notification("Old one", Start)], 0));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread")));

        bell.Find("[data-testid=notification-button]").Click();

        layers.Popovers.WaitForAssertion(() => Assert.Equal(2, layers.Popovers.FindAll("[data-testid=notification]").Count));
        var items = layers.Popovers.FindAll("[data-testid=notification]");
        Assert.Equal(["false", "true"], items.Select(item => item.GetAttribute("data-read")));
        Assert.Contains("answered your consult", items[0].TextContent, StringComparison.Ordinal);
        layers.Popovers.Find("[data-testid=notifications-read-all]").Click();
        bell.WaitForAssertion(() => Assert.Equal("0", bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread")));
        Assert.Single(Api.CallsTo(HttpMethod.Post, "/api/notifications/read-all"));
    }

    [Fact]
    public void A_notification_says_when_in_the_readers_time_zone()
    {
        var layers = RenderLayers();
        Api.Answer(HttpMethod.Get, "/api/notifications", HttpStatusCode.OK, new NotificationPage([Notification("Lena answered")], 1));
        var bell = Render<NotificationBell>(parameters => parameters.AddCascadingValue(ReaderTime.For("Asia/Tokyo")));
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread")));

        bell.Find("[data-testid=notification-button]").Click();

        // 09:00 UTC is 18:00 in Tokyo.
        layers.Popovers.WaitForAssertion(() => Assert.Contains("2025-03-01 18:00", layers.Popovers.Find("[data-testid=notification]").TextContent, StringComparison.Ordinal));
    }
}
